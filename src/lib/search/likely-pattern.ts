/**
 * "Is this a retry storm?" When what a responder typed or pasted says what a failure pattern's
 * name, aliases or signals say, the search page names that pattern above the results, with the
 * signals that matched and the mitigations that worked. It stays quiet unless the match is
 * strong: a wrong suggestion mid-incident costs more than none.
 */
import { meaningfulWords } from './pasted-text';
import { isStopWord, tokenize } from './words';

export interface PatternClues {
  id: string;
  title: string;
  aliases: readonly string[];
  signals: readonly string[];
  mitigations: readonly string[];
}

export interface LikelyPattern {
  id: string;
  title: string;
  /** The name or alias the query used, if it used one. */
  namedAs?: string;
  /** Signals whose telling words the query contains, best first. */
  matchedSignals: string[];
  mitigations: readonly string[];
  /** 0–1: how much of the best clue the query covered, weighted by how telling each word is (1 when named). */
  strength: number;
}

/** How much of a clue's weighted words the query must cover to count as a match. */
export const MATCH_THRESHOLD = 0.6;
/** A signal sentence must share at least this many words: one shared word is a coincidence. */
const MIN_SIGNAL_WORDS = 2;

const SUFFIXES = ['ations', 'ation', 'ings', 'ing', 'ions', 'ion', 'ures', 'ure', 'ies', 'ied', 'es', 'ed', 'ers', 'er', 'ly', 's', 'y'];

/** A crude stem so "expired", "expiry" and "expiration" meet; clues are short, so precision holds. */
export function stem(word: string): string {
  for (const suffix of SUFFIXES) {
    if (word.length - suffix.length >= 4 && word.endsWith(suffix)) return word.slice(0, -suffix.length);
  }
  return word;
}

const unique = (words: readonly string[]) => [...new Set(words.map(stem))];
/** What was typed or pasted: read as pasted text, so log noise cannot make a match. */
const queryStems = (text: string) => unique(meaningfulWords(text).words.map((w) => w.word));
/**
 * A pattern's own clues are short, written text: plain words are enough, and cheap, which
 * matters because the search page prepares every pattern's clues while the index loads.
 */
const clueStems = (text: string) => unique(tokenize(text).filter((w) => w.length >= 2 && !isStopWord(w)));

interface Clue {
  text: string;
  kind: 'name' | 'signal';
  stems: string[];
}

/**
 * A name made mostly of common words ("looks healthy but is not") keeps one telling word, which
 * any query may contain ("/v1/health"); only names mostly made of telling words can be matched
 * by them.
 */
const isSpecificName = (clue: Clue) => clue.stems.length * 2 >= tokenize(clue.text).length;

/** Words that appear in many patterns' clues say little about any one of them. */
function clueWeights(patterns: readonly PatternClues[]): (stem: string) => number {
  const patternsWith = new Map<string, number>();
  for (const pattern of patterns) {
    const all = new Set([pattern.title, ...pattern.aliases, ...pattern.signals].flatMap(clueStems));
    for (const s of all) patternsWith.set(s, (patternsWith.get(s) ?? 0) + 1);
  }
  return (s) => Math.log(1 + patterns.length / (patternsWith.get(s) ?? 1));
}

/** Prepares the patterns once; the returned function matches one query. */
export function patternMatcher(patterns: readonly PatternClues[]): (query: string) => LikelyPattern | undefined {
  const weight = clueWeights(patterns);
  // A pattern with nothing to try (the "unclassified" bucket) is no help to name.
  const prepared = patterns.filter((pattern) => pattern.mitigations.length > 0).map((pattern) => ({
    pattern,
    clues: [
      ...[pattern.title, ...pattern.aliases].map((text): Clue => ({ text, kind: 'name', stems: clueStems(text) })),
      ...pattern.signals.map((text): Clue => ({ text, kind: 'signal', stems: clueStems(text) })),
    ].filter((clue) => clue.stems.length > 0 && (clue.kind === 'signal' || isSpecificName(clue))),
  }));

  return (query) => {
    const typed = new Set(queryStems(query));
    if (typed.size === 0) return undefined;
    const coverage = (clue: Clue) => {
      const matched = clue.stems.filter((s) => typed.has(s));
      const total = clue.stems.reduce((sum, s) => sum + weight(s), 0);
      return { matched: matched.length, share: matched.reduce((sum, s) => sum + weight(s), 0) / total };
    };
    let best: { found: LikelyPattern; rank: number } | undefined;
    for (const { pattern, clues } of prepared) {
      const scored = clues.map((clue) => ({ clue, ...coverage(clue) }));
      const names = scored.filter((c) => c.clue.kind === 'name' && c.matched === c.clue.stems.length);
      const signals = scored
        .filter((c) => c.clue.kind === 'signal' && c.matched >= Math.min(MIN_SIGNAL_WORDS, c.clue.stems.length) && c.share >= MATCH_THRESHOLD)
        .sort((a, b) => b.share - a.share);
      if (names.length === 0 && signals.length === 0) continue;
      // A named pattern is as strong as a clue can be; more words named wins a tie ("split brain" over "brain").
      const namedAs = names.sort((a, b) => b.clue.stems.length - a.clue.stems.length)[0]?.clue;
      const strength = namedAs ? 1 : signals[0]!.share;
      const rank = strength + (namedAs ? namedAs.stems.length / 100 : 0) + signals.length / 1000;
      if (!best || rank > best.rank) {
        best = {
          rank,
          found: {
            id: pattern.id,
            title: pattern.title,
            ...(namedAs && { namedAs: namedAs.text }),
            matchedSignals: signals.map((c) => c.clue.text),
            mitigations: pattern.mitigations,
            strength,
          },
        };
      }
    }
    return best?.found;
  };
}
