import { describe, expect, it } from 'vitest';
import { isContentNamed, isPage, isStored, selectShell, servedUrl, type ManifestEntry, type OfflineManifest } from '../../src/lib/offline/manifest';

const entry = (url: string, bytes: number): ManifestEntry => ({ url, bytes, hash: `h-${url}` });
const manifest = (...entries: ManifestEntry[]): OfflineManifest => ({ version: 'v1', builtAt: '2026-12-04T00:00:00.000Z', entries });

const APP = [entry('', 10), entry('search/', 10), entry('offline/', 5), entry('_astro/page.abc.js', 5), entry('favicon.svg', 1), entry('pagefind/pagefind.js', 20), entry('pagefind/wasm.en.pagefind', 30), entry('pagefind/pagefind.en_1.pf_meta', 2), entry('search/facets.0123456789.json', 3)];
const APP_BYTES = 86;
const INDEX = [entry('pagefind/index/en_1.pf_index', 40), entry('pagefind/filter/en_1.pf_filter', 5)];
const FRAGMENTS = [entry('pagefind/fragment/en_1.pf_fragment', 30)];
const PAGES = [
  entry('incidents/2017-01-31-a/', 20),
  entry('incidents/2024-07-19-b/', 20),
  entry('patterns/retry-storm/', 15),
  entry('incidents/', 10),
  entry('404.html', 10),
];
const ALL = manifest(...APP, ...INDEX, ...FRAGMENTS, ...PAGES, entry('incidents.csv', 50));

describe('servedUrl and isPage', () => {
  it('serve index.html files at their folder and call those, and .html files, pages', () => {
    expect(servedUrl('index.html')).toBe('');
    expect(servedUrl('incidents/x/index.html')).toBe('incidents/x/');
    expect(servedUrl('pagefind/pagefind.js')).toBe('pagefind/pagefind.js');
    expect(['', 'incidents/x/', '404.html'].every(isPage)).toBe(true);
    expect(isPage('pagefind/pagefind.js')).toBe(false);
  });
});

describe('isStored', () => {
  it('leaves out the worker, the manifests and archives', () => {
    expect(isStored('sw.js')).toBe(false);
    expect(isStored('offline/manifest.abc.json')).toBe(false);
    expect(isStored('incident-kb.tar.gz')).toBe(false);
    expect(isStored('offline/index.html')).toBe(true);
    expect(isStored('incidents/x/index.html')).toBe(true);
  });
});

describe('isContentNamed', () => {
  it('trusts URLs whose name or query carries their content’s hash', () => {
    for (const url of ['_astro/calendar.B3x9.js', 'pagefind/index/en_9f.pf_index', 'pagefind/fragment/en_1a.pf_fragment', 'pagefind/pagefind.en_798746da87.pf_meta', 'search/facets.113473ea65.json', 'search/lexicon.0123456789/a.json', 'search-client.js?v=005f6db222', 'pagefind/pagefind-entry.json?ts=en_1']) {
      expect(isContentNamed(url), url).toBe(true);
    }
  });

  it('does not trust fixed names that a new build rewrites', () => {
    for (const url of ['', 'incidents/x/', 'pagefind/pagefind.js', 'pagefind/pagefind-entry.json', 'pagefind/wasm.en.pagefind', 'favicon.svg', 'incidents.json', 'search/facets.json']) {
      expect(isContentNamed(url), url).toBe(false);
    }
  });
});

describe('selectShell', () => {
  it('takes everything when the whole site fits the budget, but no export or 404 page', () => {
    const shell = selectShell({ manifest: ALL, required: [], budgetBytes: 10_000 });
    expect(shell.tiers).toEqual(['app', 'search-index', 'search-results', 'pages']);
    expect(shell.entries.map((e) => e.url)).not.toContain('incidents.csv');
    expect(shell.entries.map((e) => e.url)).not.toContain('404.html');
    expect(shell.bytes).toBe(APP_BYTES + 45 + 30 + 65);
  });

  it('adds the files the search page requests with a query to the app tier', () => {
    const required = [entry('pagefind/pagefind-entry.json?ts=en_1', 1), entry('search-client.js?v=abc', 40)];
    const shell = selectShell({ manifest: ALL, required, budgetBytes: APP_BYTES + 41 });
    expect(shell.tiers).toEqual(['app']);
    expect(shell.entries.map((e) => e.url)).toEqual(expect.arrayContaining(['pagefind/pagefind-entry.json?ts=en_1', 'search-client.js?v=abc']));
  });

  it('takes the search index only with its result fragments, and fills the budget with pages when they do not fit', () => {
    const shell = selectShell({ manifest: ALL, required: [], budgetBytes: APP_BYTES + 45 + 29 });
    expect(shell.tiers).toEqual(['app', 'pages']);
    expect(shell.entries.map((e) => e.url)).not.toContain('pagefind/index/en_1.pf_index');
    expect(shell.bytes).toBe(APP_BYTES + 15 + 10 + 20 + 20);
  });

  it('fills what is left with pages, patterns and lists first, then writeups newest first', () => {
    const shell = selectShell({ manifest: ALL, required: [], budgetBytes: APP_BYTES + 45 + 30 + 15 + 10 + 20 });
    expect(shell.entries.filter((e) => isPage(e.url) && !APP.includes(e)).map((e) => e.url)).toEqual(['patterns/retry-storm/', 'incidents/', 'incidents/2024-07-19-b/']);
  });

  it('never exceeds the budget, and fails naming the largest files when the app tier alone does', () => {
    for (const budget of [APP_BYTES, 100, 150, 200]) expect(selectShell({ manifest: ALL, required: [], budgetBytes: budget }).bytes).toBeLessThanOrEqual(budget);
    expect(() => selectShell({ manifest: ALL, required: [], budgetBytes: 50 })).toThrow(/needs 86 bytes, over its budget of 50; largest: pagefind\/wasm\.en\.pagefind \(30 B\)/);
  });
});
