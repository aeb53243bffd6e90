/**
 * What the search page needs to know about the search index before its script runs: the files
 * Pagefind will fetch first (so the browser fetches them in parallel with the page instead of one
 * after another), the cache tag that makes Pagefind's entry file cacheable, and where the facet
 * membership file is. Written into the built /search/ page after indexing, when the index's file
 * names are known (src/integrations/search-index-extras.ts).
 */
import { jsonForScript } from '../json-for-script';
import { META_WEIGHTS } from './index-record';

/** The parts of Pagefind's `pagefind-entry.json` used here. */
export interface PagefindEntry {
  version: string;
  languages: Record<string, { hash: string; wasm?: string | null; page_count: number }>;
}

export interface SearchIndexHints {
  /**
   * Pagefind's `metaCacheTag`. Without it Pagefind asks for its entry file with the current time
   * in the URL, so that request can be neither preloaded nor cached; the index hash changes with
   * every index change, so a new deploy still gets a fresh entry file.
   */
  cacheTag?: string;
  /** URL of the facet membership file (src/lib/search/facet-membership.ts). */
  facetsUrl?: string;
  /** Folder of the lexicon's per-letter files (src/lib/search/spelling.ts), ending in `/`. */
  lexiconUrl?: string;
  /** Stems on a fifth of the pages or more, looked up after the others (src/lib/search/selective.ts). */
  commonStems?: string[];
}

/**
 * Where a page without hints looks for the facet file and the lexicon: only the dev server has
 * such pages, and it serves the last build's files there (src/integrations/dev-search-index.ts).
 * These and BUNDLE_PATH are root-relative; callers put them under the site's base.
 */
export const UNHINTED_FACETS_URL = '/search/facets.json';
export const UNHINTED_LEXICON_URL = '/search/lexicon/';

/** Where Pagefind's files are served. */
export const BUNDLE_PATH = '/pagefind/';

/**
 * Pagefind's options, the same wherever it is started. It runs without its worker: the worker
 * costs one more script and one more round trip before the first result, and the files the page
 * preloads are not shared with a worker; our lookups take milliseconds on the main thread.
 */
export function pagefindOptions(cacheTag: string | undefined, base: string): Record<string, unknown> {
  // baseUrl puts result links under the site's base; Pagefind indexes pages from the site's root.
  return { ranking: { metaWeights: META_WEIGHTS, termSimilarity: 4 }, noWorker: true, baseUrl: base, ...(cacheTag && { metaCacheTag: cacheTag }) };
}

/**
 * The global a built search page sets from its head: Pagefind, starting (fetching and compiling
 * its index metadata and WebAssembly) while the rest of the page and its script load.
 */
export const EARLY_START_GLOBAL = 'kbSearchIndex';

/** Where the built search page carries its hints; an empty object until the build fills it. */
export const HINTS_ELEMENT_ID = 'search-index-hints';
export const EMPTY_HINTS_MARKUP = `<script type="application/json" id="${HINTS_ELEMENT_ID}">{}</script>`;

/** The language index Pagefind will pick for our pages (`<html lang="en">`), as it does itself. */
export function pickLanguage(entry: PagefindEntry, lang: string): { hash: string; wasm: string } {
  const languages = Object.entries(entry.languages);
  const found = entry.languages[lang] ?? entry.languages[lang.split('-')[0]!] ?? languages.sort((a, b) => b[1].page_count - a[1].page_count)[0]?.[1];
  if (!found) throw new Error('the Pagefind index has no language');
  return { hash: found.hash, wasm: found.wasm ?? 'unknown' };
}

export interface IndexHintsInput {
  entry: PagefindEntry;
  lang: string;
  /** The site's base, `/` or `/kb/`. */
  base: string;
  /** Where Pagefind's files are served from, ending in `/`. */
  bundlePath: string;
  facetsUrl: string;
  lexiconUrl: string;
  commonStems: string[];
}

/**
 * Link tags and the hints element for the search page. Preloads use `crossorigin` so they match
 * the requests `fetch()` makes (CORS mode, same-origin credentials) and are reused, not repeated.
 */
export function indexHintsMarkup({ entry, lang, base, bundlePath, facetsUrl, lexiconUrl, commonStems }: IndexHintsInput): string {
  const { hash, wasm } = pickLanguage(entry, lang);
  const hints: SearchIndexHints = { cacheTag: hash, facetsUrl, lexiconUrl, commonStems };
  const attr = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
  const fetchPreload = (href: string) => `<link rel="preload" href="${attr(href)}" as="fetch" crossorigin>`;
  return [
    `<link rel="modulepreload" href="${attr(`${bundlePath}pagefind.js`)}">`,
    fetchPreload(`${bundlePath}pagefind-entry.json?ts=${encodeURIComponent(hash)}`),
    fetchPreload(`${bundlePath}pagefind.${hash}.pf_meta`),
    fetchPreload(`${bundlePath}wasm.${wasm}.pagefind`),
    `<script type="application/json" id="${HINTS_ELEMENT_ID}">${jsonForScript(hints)}</script>`,
    // A classic script runs as the head is parsed; a module script would wait for the whole page.
    `<script>window.${EARLY_START_GLOBAL}=import(${jsonForScript(`${bundlePath}pagefind.js`)}).then(async(p)=>{await p.options(${jsonForScript(pagefindOptions(hash, base))});await p.init();return p})</script>`,
  ].join('');
}

/** Reads the hints a built page carries; an unbuilt or dev page has none. */
export function parseIndexHints(text: string | null | undefined): SearchIndexHints {
  try {
    const value: unknown = JSON.parse(text ?? '{}');
    if (typeof value !== 'object' || value === null) return {};
    const { cacheTag, facetsUrl, lexiconUrl, commonStems } = value as Record<string, unknown>;
    return {
      ...(Array.isArray(commonStems) && commonStems.every((w) => typeof w === 'string') && { commonStems: commonStems as string[] }),
      ...(typeof cacheTag === 'string' && { cacheTag }),
      ...(typeof facetsUrl === 'string' && { facetsUrl }),
      ...(typeof lexiconUrl === 'string' && { lexiconUrl }),
    };
  } catch {
    return {};
  }
}
