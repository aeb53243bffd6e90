import { describe, expect, it } from 'vitest';
import { FrontMatterLanguageError, readFrontMatter, writeFrontMatter } from '../src/lib/front-matter';
import { readCorpusFile } from '../src/lib/import/postmortems-app';

describe('readFrontMatter', () => {
  it('refuses front matter written as JavaScript instead of running it', () => {
    const hostile = '---js\n{ title: (globalThis.ranFrontMatter = true, "x") }\n---\nbody\n';
    expect(() => readFrontMatter(hostile)).toThrow(FrontMatterLanguageError);
    expect((globalThis as { ranFrontMatter?: boolean }).ranFrontMatter).toBeUndefined();
    expect(() => readCorpusFile(hostile)).toThrow(FrontMatterLanguageError);
  });

  it('reads YAML front matter and round-trips through writeFrontMatter', () => {
    const text = writeFrontMatter('\nBody.\n', { title: 'A', started: '2020-01-02' });
    expect(readFrontMatter(text)).toEqual({ data: { title: 'A', started: '2020-01-02' }, content: '\nBody.\n' });
  });

  it('never hands two identical files the same data object', () => {
    const text = '---\ntitle: A\n---\n';
    expect(readFrontMatter(text).data).not.toBe(readFrontMatter(text).data);
  });
});
