import { describe, expect, it } from 'vitest';
import { FrontMatterError, parseSourceFile } from '../src/lib/validate/source-file';

/** Where a YAML mistake is reported: `line:column field`. */
function yamlProblem(frontMatter: string): string {
  try {
    parseSourceFile({ path: 'x.mdx', text: `---\n${frontMatter}---\n\nBody.\n` });
  } catch (error) {
    if (error instanceof FrontMatterError) return `${error.line}:${error.column} ${error.field}`;
    throw error;
  }
  return 'parsed';
}

describe('broken YAML front matter', () => {
  it('is reported on the field that is broken, not where the parser gave up', () => {
    expect(yamlProblem('title: x\nimpact: [major\npatterns:\n  - a\n')).toBe('3:1 impact');
    expect(yamlProblem('title: x\nsummary: "never closed\nimpact: major\n')).toBe('3:1 summary');
  });

  it('points at the column inside the line when the parser knows it', () => {
    expect(yamlProblem('title: Writes: time out\nimpact: major\n')).toBe('2:14 title');
    expect(yamlProblem('title: x\nsources:\n  - title: a\n   url: b\nimpact: y\n')).toBe('5:4 sources');
  });

  it('names the second of two fields with the same name', () => {
    expect(yamlProblem('title: x\nimpact: major\ntitle: y\n')).toBe('4:1 title');
  });
});
