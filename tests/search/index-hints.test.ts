import { describe, expect, it } from 'vitest';
import { indexHintsMarkup, pagefindOptions, parseIndexHints, pickLanguage } from '../../src/lib/search/index-hints';

const entry = { version: '1.6.0', languages: { en: { hash: 'en_f85453e8ce', wasm: 'en', page_count: 258 } } };

describe('search index hints', () => {
  it('preloads the entry file under the cache tag, the metadata and the WebAssembly Pagefind fetches first', () => {
    const html = indexHintsMarkup({ entry, lang: 'en', base: '/', bundlePath: '/pagefind/', facetsUrl: '/search/facets.abc.json', lexiconUrl: '/search/lexicon.def/', commonStems: ['servic'] });
    expect(html).toContain('<link rel="modulepreload" href="/pagefind/pagefind.js">');
    expect(html).toContain('<link rel="preload" href="/pagefind/pagefind-entry.json?ts=en_f85453e8ce" as="fetch" crossorigin>');
    expect(html).toContain('<link rel="preload" href="/pagefind/pagefind.en_f85453e8ce.pf_meta" as="fetch" crossorigin>');
    expect(html).toContain('<link rel="preload" href="/pagefind/wasm.en.pagefind" as="fetch" crossorigin>');
  });

  it('carries the cache tag and the facet file for the client to read back', () => {
    const html = indexHintsMarkup({ entry, lang: 'en', base: '/', bundlePath: '/pagefind/', facetsUrl: '/search/facets.abc.json', lexiconUrl: '/search/lexicon.def/', commonStems: ['servic'] });
    const json = /<script type="application\/json" id="search-index-hints">(.*?)<\/script>/.exec(html)?.[1];
    expect(parseIndexHints(json)).toEqual({ cacheTag: 'en_f85453e8ce', facetsUrl: '/search/facets.abc.json', lexiconUrl: '/search/lexicon.def/', commonStems: ['servic'] });
  });

  it('picks the language Pagefind picks: exact, then the base language, then the largest index', () => {
    const two = { version: '1.6.0', languages: { de: { hash: 'de_1', wasm: 'de', page_count: 3 }, fr: { hash: 'fr_1', wasm: null, page_count: 9 } } };
    expect(pickLanguage(two, 'de-CH')).toEqual({ hash: 'de_1', wasm: 'de' });
    expect(pickLanguage(two, 'en')).toEqual({ hash: 'fr_1', wasm: 'unknown' });
    expect(() => pickLanguage({ version: '1.6.0', languages: {} }, 'en')).toThrow(/no language/);
  });

  it('reads no hints from a page that has none or a broken one', () => {
    expect(parseIndexHints(undefined)).toEqual({});
    expect(parseIndexHints('{}')).toEqual({});
    expect(parseIndexHints('not json')).toEqual({});
    expect(parseIndexHints('{"cacheTag": 4}')).toEqual({});
  });
});

describe('starting Pagefind from the search page’s head', () => {
  it('starts it with the same options the search client would use, under the cache tag', () => {
    const html = indexHintsMarkup({ entry, lang: 'en', base: '/', bundlePath: '/pagefind/', facetsUrl: '/f.json', lexiconUrl: '/l/', commonStems: [] });
    const script = /<script>(window\.kbSearchIndex=.*?)<\/script>/.exec(html)?.[1];
    expect(script).toContain('import("/pagefind/pagefind.js")');
    expect(script).toContain(JSON.stringify(pagefindOptions('en_f85453e8ce', '/')));
    expect(pagefindOptions('en_f85453e8ce', '/')).toMatchObject({ noWorker: true, metaCacheTag: 'en_f85453e8ce' });
    expect(pagefindOptions(undefined, '/')).not.toHaveProperty('metaCacheTag');
  });
});
