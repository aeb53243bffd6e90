/**
 * What the search page needs beside Pagefind's own files, written after Pagefind has indexed the
 * built site (src/integrations/pagefind-index.ts), all read from Pagefind's page fragments so
 * they hold exactly what was indexed: the facet membership file (page ids as search results
 * carry them), the lexicon for typo correction (src/lib/search/spelling.ts), the site's common
 * stems (src/lib/search/selective.ts), and the preload hints filled into the built /search/
 * page, whose file names only exist now.
 */
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { encodeMembership, type IndexedPage } from '../lib/search/facet-membership';
import { BUNDLE_PATH, EMPTY_HINTS_MARKUP, indexHintsMarkup, type PagefindEntry } from '../lib/search/index-hints';
import { withBase } from '../lib/site-paths';
import { commonStems } from '../lib/search/selective';
import { buildLexicon } from '../lib/search/spelling';
import { chunkTokenizer } from '../lib/search/words';

const SIGNATURE = 'pagefind_dcd';

/** Pagefind's files are gzip with a signature in front of the payload. */
function decodePagefindFile(bytes: Buffer, file: string): unknown {
  const plain = gunzipSync(bytes);
  if (plain.subarray(0, SIGNATURE.length).toString() !== SIGNATURE) throw new Error(`${file} is not a Pagefind file (no signature)`);
  return JSON.parse(plain.subarray(SIGNATURE.length).toString('utf8'));
}

interface Fragment {
  url: string;
  content?: string;
  meta?: Record<string, string>;
  filters?: Record<string, string[]>;
}

interface IndexedText extends IndexedPage {
  /** Every searchable word of the page: its body and the metadata Pagefind weighs. */
  words: string[];
}

const isFragment = (value: unknown): value is Fragment => typeof value === 'object' && value !== null && typeof (value as Fragment).url === 'string';

/** Every indexed page; a fragment file holds one page, or a group keyed by page id. */
async function readIndexedPages(fragmentDir: string): Promise<IndexedText[]> {
  // Pages share most of their words: each distinct chunk of text is split once for the site.
  const words = chunkTokenizer((word) => word);
  const indexedText = (id: string, fragment: Fragment): IndexedText => ({
    id,
    filters: fragment.filters ?? {},
    words: words([fragment.content ?? '', ...Object.values(fragment.meta ?? {})].join(' ')),
  });
  const pages: IndexedText[] = [];
  for (const name of (await readdir(fragmentDir)).filter((n) => n.endsWith('.pf_fragment'))) {
    const decoded = decodePagefindFile(await readFile(join(fragmentDir, name)), name);
    if (isFragment(decoded)) pages.push(indexedText(name.replace(/\.pf_fragment$/, ''), decoded));
    else for (const [id, fragment] of Object.entries(decoded as Record<string, Fragment>)) pages.push(indexedText(id, fragment));
  }
  return pages;
}

const contentName = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 10);

/** One file per first letter, in a folder named by the whole lexicon's content. */
async function writeLexicon(siteDir: string, pages: readonly IndexedText[]): Promise<string> {
  const shards = [...buildLexicon(pages.map((page) => page.words))].map(([letter, words]) => [letter, JSON.stringify(words)] as const);
  const folder = `lexicon.${contentName(shards.map(([letter, json]) => letter + json).join('\n'))}`;
  await mkdir(join(siteDir, 'search', folder), { recursive: true });
  await Promise.all(shards.map(([letter, json]) => writeFile(join(siteDir, 'search', folder, `${letter}.json`), json)));
  return `/search/${folder}/`;
}

export interface SearchIndexExtras {
  facetsUrl: string;
  lexiconUrl: string;
  pages: number;
}

/** `base` is the site's base (`/`, `/kb/`): the URLs written into the search page are under it. */
export async function writeSearchIndexExtras(siteDir: string, base: string): Promise<SearchIndexExtras> {
  const pagefindDir = join(siteDir, 'pagefind');
  const entry = JSON.parse(await readFile(join(pagefindDir, 'pagefind-entry.json'), 'utf8')) as PagefindEntry;
  const pages = await readIndexedPages(join(pagefindDir, 'fragment'));
  const membership = JSON.stringify(encodeMembership(pages));
  // Named by content, so hosts may cache them for ever and a new deploy never serves a stale one.
  const name = `facets.${contentName(membership)}.json`;
  await writeFile(join(siteDir, 'search', name), membership);
  const facetsUrl = withBase(base, `/search/${name}`);
  const lexiconUrl = withBase(base, await writeLexicon(siteDir, pages));

  const searchPage = join(siteDir, 'search/index.html');
  const html = await readFile(searchPage, 'utf8');
  if (!html.includes(EMPTY_HINTS_MARKUP)) throw new Error(`${searchPage} has no ${EMPTY_HINTS_MARKUP} to fill in`);
  const lang = /<html[^>]*\slang="([^"]+)"/.exec(html)?.[1] ?? 'unknown';
  const common = commonStems(pages.map((page) => page.words));
  await writeFile(searchPage, html.replace(EMPTY_HINTS_MARKUP, indexHintsMarkup({ entry, lang, base, bundlePath: withBase(base, BUNDLE_PATH), facetsUrl, lexiconUrl, commonStems: common })));
  return { facetsUrl, lexiconUrl, pages: pages.length };
}
