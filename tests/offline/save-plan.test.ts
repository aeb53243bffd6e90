import { describe, expect, it } from 'vitest';
import { formatBytes, progressText, savePlan } from '../../src/lib/offline/save-plan';

describe('savePlan', () => {
  it('lists what is not stored yet, with its bytes beside the whole copy’s', () => {
    const entries = [{ url: '', bytes: 100, hash: 'a' }, { url: 'incidents/x/', bytes: 250, hash: 'b' }, { url: 'pagefind/pagefind.js', bytes: 50, hash: 'c' }];
    const plan = savePlan(entries, new Set(['', 'pagefind/pagefind.js']));
    expect(plan.missing.map((e) => e.url)).toEqual(['incidents/x/']);
    expect(plan).toMatchObject({ missingBytes: 250, totalBytes: 400, total: 3 });
    expect(savePlan(entries, new Set(entries.map((e) => e.url))).missing).toEqual([]);
  });
});

describe('formatBytes and progressText', () => {
  it('reads sizes as a file manager does', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(20 * 1024)).toBe('20 KB');
    expect(formatBytes(46.9 * 1024 * 1024)).toBe('47 MB');
    expect(formatBytes(2 * 1024 * 1024)).toBe('2.0 MB');
  });

  it('reports bytes and files done out of what is missing', () => {
    expect(progressText(3 * 1024 * 1024, { missingBytes: 12 * 1024 * 1024, missing: new Array(3210) }, 1023)).toBe('Saving… 3.0 MB of 12 MB (1,023 of 3,210 files)');
  });
});
