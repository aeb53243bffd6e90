import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { writeSearchIndexExtras } from '../src/integrations/search-index-extras';
import { EMPTY_HINTS_MARKUP, parseIndexHints } from '../src/lib/search/index-hints';
import { decodeMembership } from '../src/lib/search/facet-membership';

const pagefindFile = (value: unknown) => gzipSync(Buffer.concat([Buffer.from('pagefind_dcd'), Buffer.from(JSON.stringify(value))]));

let site: string;
beforeEach(async () => {
  site = await mkdtemp(join(tmpdir(), 'kb-extras-'));
  await mkdir(join(site, 'pagefind/fragment'), { recursive: true });
  await mkdir(join(site, 'search'), { recursive: true });
  await writeFile(join(site, 'pagefind/pagefind-entry.json'), JSON.stringify({ version: '1.6.0', languages: { en: { hash: 'en_abc', wasm: 'en', page_count: 2 } } }));
  await writeFile(join(site, 'pagefind/fragment/en_1.pf_fragment'), pagefindFile({ url: '/incidents/a/', content: 'Replication stopped on the replica.', meta: { title: 'Replica lag' }, filters: { pattern: ['data-loss-in-failover'], year: ['2020'] } }));
  await writeFile(join(site, 'pagefind/fragment/en_2.pf_fragment'), pagefindFile({ url: '/incidents/b/', content: 'Certificate expired.', meta: { title: 'Expired certificate' }, filters: { pattern: ['certificate-expiry'] } }));
  await writeFile(join(site, 'search/index.html'), `<html lang="en"><head>${EMPTY_HINTS_MARKUP}</head><body></body></html>`);
});
afterEach(() => rm(site, { recursive: true, force: true }));

describe('writeSearchIndexExtras', () => {
  it('writes the facet file from Pagefind’s fragments, keyed by the page ids results carry', async () => {
    const { facetsUrl, pages } = await writeSearchIndexExtras(site, '/');
    expect(pages).toBe(2);
    expect(facetsUrl).toMatch(/^\/search\/facets\.[0-9a-f]{10}\.json$/);
    const membership = decodeMembership(JSON.parse(await readFile(join(site, facetsUrl), 'utf8')));
    expect(membership.get('en_1')?.pattern).toEqual(['data-loss-in-failover']);
    expect(membership.get('en_2')?.pattern).toEqual(['certificate-expiry']);
  });

  it('writes the lexicon of indexed words, one file per first letter', async () => {
    const { lexiconUrl } = await writeSearchIndexExtras(site, '/');
    const folder = join(site, lexiconUrl);
    expect((await readdir(folder)).sort()).toEqual(['c.json', 'e.json', 'r.json', 's.json']);
    expect(JSON.parse(await readFile(join(folder, 'r.json'), 'utf8'))).toEqual({ replica: 1, replication: 1 });
  });

  it('puts every URL it writes into the search page under the site’s base', async () => {
    const { facetsUrl, lexiconUrl } = await writeSearchIndexExtras(site, '/kb/');
    expect(facetsUrl).toMatch(/^\/kb\/search\/facets\.[0-9a-f]{10}\.json$/);
    expect(lexiconUrl).toMatch(/^\/kb\/search\/lexicon\.[0-9a-f]{10}\/$/);
    const html = await readFile(join(site, 'search/index.html'), 'utf8');
    expect(html).toContain('href="/kb/pagefind/pagefind.en_abc.pf_meta"');
    expect(html).toContain('import("/kb/pagefind/pagefind.js")');
    expect(html).toContain('"baseUrl":"/kb/"');
    expect(html).not.toMatch(/"\/(pagefind|search)\//);
  });

  it('fills the search page with preloads and the hints its script reads', async () => {
    const { facetsUrl, lexiconUrl } = await writeSearchIndexExtras(site, '/');
    const html = await readFile(join(site, 'search/index.html'), 'utf8');
    expect(html).toContain('<link rel="preload" href="/pagefind/pagefind.en_abc.pf_meta" as="fetch" crossorigin>');
    const json = /id="search-index-hints">(.*?)<\/script>/.exec(html)?.[1];
    expect(parseIndexHints(json)).toMatchObject({ cacheTag: 'en_abc', facetsUrl, lexiconUrl });
    // With two pages, a word on one of them is on half the pages: common.
    expect(parseIndexHints(json).commonStems).toContain('replica');
  });

  it('fails loudly when the search page has no place for the hints', async () => {
    await writeFile(join(site, 'search/index.html'), '<html lang="en"></html>');
    await expect(writeSearchIndexExtras(site, '/')).rejects.toThrow(/search\/index\.html has no/);
  });

  it('fails loudly on a fragment that is not Pagefind’s', async () => {
    await writeFile(join(site, 'pagefind/fragment/en_3.pf_fragment'), gzipSync('{"url":"/x/"}'));
    await expect(writeSearchIndexExtras(site, '/')).rejects.toThrow(/en_3\.pf_fragment is not a Pagefind file/);
  });
});
