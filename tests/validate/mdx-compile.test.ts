import { describe, expect, it, vi } from 'vitest';

const mdxToJs = vi.hoisted(() => vi.fn());
vi.mock('satteri', () => ({ mdxToJs }));

const { mdxProblems } = await import('../../src/lib/validate/mdx-compile');

describe('mdxProblems with the compiler mocked', () => {
  it('turns a positioned compiler error into a problem without the rule id', () => {
    mdxToJs.mockImplementationOnce(() => {
      throw new Error('4:2: Unexpected end of file in expression (mdx:unexpected-eof)');
    });
    expect(mdxProblems('text')).toEqual([
      { line: 4, column: 2, message: 'MDX does not compile: Unexpected end of file in expression', hint: 'for a literal { write \\{ (or put it in `code`)' },
    ]);
  });

  it('fails loudly, keeping the cause, when the compiler itself breaks', () => {
    const crash = new Error('native binding not found');
    mdxToJs.mockImplementationOnce(() => {
      throw crash;
    });
    expect(() => mdxProblems('text')).toThrow(expect.objectContaining({ message: 'the MDX compiler failed', cause: crash }));
  });
});
