import { describe, expect, it } from 'vitest';
import { FrontMatterError, readFrontMatter, writeFrontMatter } from '../src/lib/front-matter';
import { readCorpusFile } from '../src/commands/import/postmortems-app';

describe('readFrontMatter', () => {
  it('refuses front matter written as JavaScript instead of running it', () => {
    const hostile = '---js\n{ title: (globalThis.ranFrontMatter = true, "x") }\n---\nbody\n';
    expect(() => readFrontMatter(hostile)).toThrow(FrontMatterError);
    expect(() => readFrontMatter(hostile)).toThrow(/code front matter \(---js\) is not run/);
    expect((globalThis as { ranFrontMatter?: boolean }).ranFrontMatter).toBeUndefined();
    expect(() => readCorpusFile(hostile)).toThrow(/line 1: front matter must be YAML/);
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

/**
 * The build reads front matter with Astro's own function; whatever readFrontMatter accepts, it
 * must read to the same fields and the same body, or the check would vouch for a file the build
 * sees differently.
 */
describe('readFrontMatter against the build\'s reader', () => {
  const ACCEPTED = [
    '---\ntitle: A\n---\nBody.\n',
    '\uFEFF---\ntitle: A\r\nstarted: 2021-03-04T10:00:00Z\r\n---\r\nBody with a rule\r\n\r\n---\r\n',
    '---\ntitle: &t "Anchored"\nsignals: [*t, *t]\nsummary: |\n  Text with --- inside\n---\n\n---\n\nAfter a rule.\n',
    '---   \ntitle: "quoted: value"\n---\t\n----\n',
  ];

  it.each(ACCEPTED)('reads %j to the same data and body as Astro', async (text) => {
    const { parseFrontmatter } = await import('@astrojs/internal-helpers/frontmatter');
    const astro = parseFrontmatter(text);
    const ours = readFrontMatter(text);
    expect(ours.data).toEqual(astro.frontmatter);
    expect(ours.content.replace(/\r/g, '')).toBe(astro.content.replace(/^\uFEFF?[ \t]*\r?\n/, '').replace(/\r/g, ''));
  });

  it('refuses what Astro would split elsewhere: text after a fence, a longer fence, a fence after blank lines', () => {
    expect(() => readFrontMatter('---x\ntitle: A\n---\n')).toThrow(/nothing may follow the opening ---/);
    expect(() => readFrontMatter('---\ntitle: A\n----\nbody')).toThrow(/must be exactly "---"/);
    expect(() => readFrontMatter('---\ntitle: A\n--- trailing\nbody')).toThrow(/must be exactly "---"/);
    expect(() => readFrontMatter('\n---\ntitle: A\n---\n')).toThrow(/no front matter/);
  });
});
