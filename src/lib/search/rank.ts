/**
 * Merges per-word Pagefind searches into one ranking. Pagefind's score for one word is BM25
 * (term frequency, inverse document frequency, length, with our field weights), so the weighted
 * sum over words is a BM25 "any word" query. Two things BM25 alone misses for symptom queries:
 * a page that matches more of what the responder described is more likely the same incident
 * (coverage), and words in the same order are stronger evidence than scattered ones (phrases).
 */
import type { QueryTerm } from './query';

export interface Hit {
  id: string;
  score: number;
}

export interface TermHits {
  term: QueryTerm;
  hits: readonly Hit[];
}

export interface PhraseHits {
  phrase: string;
  hits: readonly Hit[];
}

export interface RankedHit {
  id: string;
  score: number;
  /** Typed words (not expansions) this page matched, in query order. */
  matched: string[];
}

export interface RankOptions {
  /** How strongly covering more of the typed words lifts a page. */
  coverageBoost: number;
  /** Weight of a phrase match relative to a single word match. */
  phraseWeight: number;
}

export const DEFAULT_RANK_OPTIONS: RankOptions = { coverageBoost: 1.5, phraseWeight: 1 };

export function rankHits(terms: readonly TermHits[], phrases: readonly PhraseHits[] = [], options: RankOptions = DEFAULT_RANK_OPTIONS): RankedHit[] {
  const typedWords = [...new Set(terms.map((t) => t.term.source))];
  const pages = new Map<string, { score: number; matched: Set<string> }>();
  const page = (id: string) => {
    let entry = pages.get(id);
    if (!entry) pages.set(id, (entry = { score: 0, matched: new Set() }));
    return entry;
  };

  for (const { term, hits } of terms) {
    for (const hit of hits) {
      const entry = page(hit.id);
      entry.score += term.weight * hit.score;
      entry.matched.add(term.source);
    }
  }
  for (const { hits } of phrases) {
    for (const hit of hits) {
      if (pages.has(hit.id)) page(hit.id).score += options.phraseWeight * hit.score;
    }
  }

  return [...pages]
    .map(([id, { score, matched }]) => {
      const coverage = typedWords.length > 0 ? matched.size / typedWords.length : 0;
      return {
        id,
        score: score * (1 + options.coverageBoost * coverage * coverage),
        matched: typedWords.filter((word) => matched.has(word)),
      };
    })
    .sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
}
