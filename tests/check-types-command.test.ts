import { describe, expect, it } from 'vitest';
import { typeCheckVerdict } from '../src/commands/check-types-command';

describe('typeCheckVerdict', () => {
  it('passes when astro check exited 0 after checking files', () => {
    expect(typeCheckVerdict(0, 'Result (212 files):\n- 0 errors').code).toBe(0);
  });

  it('fails, saying why, when astro check exited 0 without checking anything', () => {
    const verdict = typeCheckVerdict(0, 'Cannot find module @astrojs/check');
    expect(verdict.code).toBe(1);
    expect(verdict.stderr.join('\n')).toContain('without checking any file');
  });

  it("keeps astro check's own failure code", () => {
    expect(typeCheckVerdict(1, 'Result (212 files):\n- 3 errors').code).toBe(1);
    expect(typeCheckVerdict(null, '').code).toBe(1);
  });
});
