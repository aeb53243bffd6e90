/**
 * Selective words first. A word on most pages ("service", "failing" in a postmortem corpus)
 * changes the ranking little, since BM25 weighs it by its rarity, yet costs the most to look up:
 * Pagefind answers it with thousands of results. Pagefind matches stems (Porter2, the Snowball
 * English stemmer), so "failing" finds every page with "failed" or "fails": commonness is a
 * stem's. The build lists the site's common stems (src/integrations/search-index-extras.ts);
 * the search page ranks and draws results from the selective words first, then refines the
 * ranking with everything else.
 */
import porter2 from 'wink-porter2-stemmer';
import type { QueryTerm, ShapedQuery } from './query';

/** A stem on at least this share of pages is common. BM25 gives it at most ln 5 ≈ 1.6 of weight. */
export const COMMON_SHARE = 0.2;

/** The stem Pagefind indexes a word under. */
export const stemOf: (word: string) => string = porter2;

/** Stems on at least COMMON_SHARE of the pages, given the words of each page. */
export function commonStems(pageWords: Iterable<Iterable<string>>): string[] {
  const counts = new Map<string, number>();
  // Pages share most of their words: each distinct word is stemmed once for the whole site.
  const stems = new Map<string, string>();
  const stemOnce = (word: string) => {
    let stem = stems.get(word);
    if (stem === undefined) stems.set(word, (stem = stemOf(word)));
    return stem;
  };
  let pages = 0;
  for (const words of pageWords) {
    pages++;
    for (const stem of new Set([...new Set(words)].map(stemOnce))) counts.set(stem, (counts.get(stem) ?? 0) + 1);
  }
  return [...counts].filter(([, count]) => count >= COMMON_SHARE * pages).map(([stem]) => stem).sort();
}

export interface Phases {
  /** What ranks and draws the first results: the typed words that are not common. */
  first: ShapedQuery;
  /** What refines them: common words, synonyms and phrases. Empty when there is nothing to add. */
  rest: ShapedQuery;
}

/**
 * A query's selective typed words first; everything else after. Synonyms and phrases wait too:
 * each is another lookup, and they reorder results rather than find them. A query with no
 * selective typed word is searched whole, in one phase.
 */
export function selectiveFirst(query: ShapedQuery, commonStems: ReadonlySet<string>): Phases {
  const leads = (term: QueryTerm) => term.weight === 1 && !commonStems.has(stemOf(term.text));
  const first: ShapedQuery = { terms: query.terms.filter(leads), phrases: [] };
  if (first.terms.length === 0) return { first: query, rest: { terms: [], phrases: [] } };
  return { first, rest: { terms: query.terms.filter((t) => !leads(t)), phrases: query.phrases } };
}
