import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { builtIndexFile } from '../src/integrations/dev-search-index';

let outDir: string;
beforeAll(async () => {
  outDir = await mkdtemp(join(tmpdir(), 'kb-dev-index-'));
  await mkdir(join(outDir, 'pagefind'), { recursive: true });
  await mkdir(join(outDir, 'search/lexicon.0123abcd'), { recursive: true });
  await writeFile(join(outDir, 'search/facets.89abcdef01.json'), '{}');
});
afterAll(() => rm(outDir, { recursive: true, force: true }));

describe('the dev server’s view of the last build’s search index', () => {
  it('serves Pagefind’s files from the built pagefind folder', async () => {
    expect(await builtIndexFile(outDir, '/pagefind/pagefind.js')).toBe(join(outDir, 'pagefind/pagefind.js'));
  });

  it('serves the content-named facet file and lexicon at the addresses a page without hints asks for', async () => {
    expect(await builtIndexFile(outDir, '/search/facets.json')).toBe(join(outDir, 'search/facets.89abcdef01.json'));
    expect(await builtIndexFile(outDir, '/search/lexicon/t.json')).toBe(join(outDir, 'search/lexicon.0123abcd/t.json'));
  });

  it('never serves a file outside those folders', async () => {
    expect(await builtIndexFile(outDir, '/pagefind/../../etc/passwd')).toBeUndefined();
    expect(await builtIndexFile(outDir, '/pagefind/%2e%2e/%2e%2e/etc/passwd')).toBeUndefined();
    expect(await builtIndexFile(outDir, '/search/lexicon/../facets.89abcdef01.json')).toBeUndefined();
    expect(await builtIndexFile(outDir, '/incidents/')).toBeUndefined();
  });

  it('has nothing to serve before the first build', async () => {
    expect(await builtIndexFile(join(outDir, 'missing'), '/search/facets.json')).toBeUndefined();
  });
});
