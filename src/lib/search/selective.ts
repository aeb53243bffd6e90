/**
 * Selective words first. A word on most pages ("service", "failed" in a postmortem corpus)
 * changes the ranking little, since BM25 weighs it by its rarity, yet costs the most to look up:
 * Pagefind answers it with thousands of results. The build lists the site's common words
 * (src/integrations/search-index-extras.ts); the search page ranks and draws results from the
 * selective words first, then refines the ranking with the common ones.
 */
import type { QueryTerm, ShapedQuery } from './query';

/** A word on at least this share of pages is common. BM25 gives it at most ln 5 ≈ 1.6 of weight. */
export const COMMON_SHARE = 0.2;

/** Words on at least COMMON_SHARE of the pages, from each word's page count. */
export function commonWords(pageCounts: ReadonlyMap<string, number>, pages: number): string[] {
  return [...pageCounts].filter(([, count]) => count >= COMMON_SHARE * pages).map(([word]) => word).sort();
}

export interface Phases {
  /** The selective part of the query: ranks and draws the first results. */
  first: ShapedQuery;
  /** What refines it: common words, and phrases made only of them. Empty when nothing is common. */
  rest: ShapedQuery;
}

/** A query with no selective word is searched whole, in one phase. */
export function selectiveFirst(query: ShapedQuery, common: ReadonlySet<string>): Phases {
  const isCommon = (term: QueryTerm) => common.has(term.text);
  const phraseIsCommon = (phrase: string) => phrase.split(' ').every((word) => common.has(word));
  const first: ShapedQuery = { terms: query.terms.filter((t) => !isCommon(t)), phrases: query.phrases.filter((p) => !phraseIsCommon(p)) };
  if (!first.terms.some((t) => t.weight === 1)) return { first: query, rest: { terms: [], phrases: [] } };
  return { first, rest: { terms: query.terms.filter(isCommon), phrases: query.phrases.filter(phraseIsCommon) } };
}
