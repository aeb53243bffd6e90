/**
 * What the search page needs beside Pagefind's own files, written after Pagefind has indexed the
 * built site (src/integrations/pagefind-index.ts): the facet membership file, read from
 * Pagefind's page fragments so its page ids are exactly the ones search results carry, and the
 * preload hints filled into the built /search/ page, whose file names only exist now.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { encodeMembership, type IndexedPage } from '../lib/search/facet-membership';
import { EMPTY_HINTS_MARKUP, indexHintsMarkup, type PagefindEntry } from '../lib/search/index-hints';

const SIGNATURE = 'pagefind_dcd';

/** Pagefind's files are gzip with a signature in front of the payload. */
function decodePagefindFile(bytes: Buffer, file: string): unknown {
  const plain = gunzipSync(bytes);
  if (plain.subarray(0, SIGNATURE.length).toString() !== SIGNATURE) throw new Error(`${file} is not a Pagefind file (no signature)`);
  return JSON.parse(plain.subarray(SIGNATURE.length).toString('utf8'));
}

interface Fragment {
  url: string;
  filters?: Record<string, string[]>;
}

const isFragment = (value: unknown): value is Fragment => typeof value === 'object' && value !== null && typeof (value as Fragment).url === 'string';

/** Every indexed page with its filters; a fragment file holds one page, or a group keyed by page id. */
async function readIndexedPages(fragmentDir: string): Promise<IndexedPage[]> {
  const pages: IndexedPage[] = [];
  for (const name of (await readdir(fragmentDir)).filter((n) => n.endsWith('.pf_fragment'))) {
    const decoded = decodePagefindFile(await readFile(join(fragmentDir, name)), name);
    if (isFragment(decoded)) pages.push({ id: name.replace(/\.pf_fragment$/, ''), filters: decoded.filters ?? {} });
    else for (const [id, fragment] of Object.entries(decoded as Record<string, Fragment>)) pages.push({ id, filters: fragment.filters ?? {} });
  }
  return pages;
}

export interface SearchIndexExtras {
  facetsUrl: string;
  pages: number;
}

export async function writeSearchIndexExtras(siteDir: string, bundlePath = '/pagefind/'): Promise<SearchIndexExtras> {
  const pagefindDir = join(siteDir, 'pagefind');
  const entry = JSON.parse(await readFile(join(pagefindDir, 'pagefind-entry.json'), 'utf8')) as PagefindEntry;
  const pages = await readIndexedPages(join(pagefindDir, 'fragment'));
  const membership = JSON.stringify(encodeMembership(pages));
  // Named by content, so hosts may cache it for ever and a new deploy never serves a stale one.
  const name = `facets.${createHash('sha256').update(membership).digest('hex').slice(0, 10)}.json`;
  await writeFile(join(siteDir, 'search', name), membership);
  const facetsUrl = `/search/${name}`;

  const searchPage = join(siteDir, 'search/index.html');
  const html = await readFile(searchPage, 'utf8');
  if (!html.includes(EMPTY_HINTS_MARKUP)) throw new Error(`${searchPage} has no ${EMPTY_HINTS_MARKUP} to fill in`);
  const lang = /<html[^>]*\slang="([^"]+)"/.exec(html)?.[1] ?? 'unknown';
  await writeFile(searchPage, html.replace(EMPTY_HINTS_MARKUP, indexHintsMarkup({ entry, lang, bundlePath, facetsUrl })));
  return { facetsUrl, pages: pages.length };
}
