/**
 * Typo tolerance for words the index does not know. Typed in a hurry, "kuberentes" or
 * "replicaton" match nothing, and Pagefind has no fuzzy matching; the build writes the indexed
 * words with their document counts (the lexicon, split by first letter so a lookup fetches one
 * small file), and a word that found nothing is replaced by its closest lexicon words.
 */

/** Indexed words starting with one letter, with how many pages use each. */
export type LexiconShard = Readonly<Record<string, number>>;

/** Words shorter than this are too ambiguous to correct ("tim" is time, tin, tom…). */
export const MIN_CORRECTABLE_LENGTH = 4;

/** The lexicon shard a word is looked up in; undefined when the word is not one we correct. */
export function shardOf(word: string): string | undefined {
  return word.length >= MIN_CORRECTABLE_LENGTH && /^[a-z]+$/.test(word) ? word[0] : undefined;
}

/** Edits allowed: one in a short word, two from eight letters on. */
export function allowedEdits(word: string): number {
  return word.length >= 8 ? 2 : 1;
}

/**
 * Optimal string alignment distance (Levenshtein plus swapping two neighbours, the commonest
 * typo), giving up once it must exceed `limit`.
 */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, before[j - 2]! + 1);
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > limit) return limit + 1;
    before = previous;
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * The lexicon words closest to `word`, fewest edits first, then the most used: a typo's intended
 * word is usually a common one. At most `count` words.
 */
export function corrections(word: string, shard: LexiconShard, count = 2): string[] {
  const limit = allowedEdits(word);
  const found: { word: string; distance: number; pages: number }[] = [];
  for (const [candidate, pages] of Object.entries(shard)) {
    if (candidate === word) return [];
    const distance = editDistance(word, candidate, limit);
    if (distance <= limit) found.push({ word: candidate, distance, pages });
  }
  return found
    .sort((a, b) => a.distance - b.distance || b.pages - a.pages || a.word.localeCompare(b.word))
    .slice(0, count)
    .map((f) => f.word);
}

/** Builds the lexicon shards from the indexed text of every page. */
export function buildLexicon(pageWords: Iterable<Iterable<string>>): Map<string, Record<string, number>> {
  const pages = new Map<string, number>();
  for (const words of pageWords) {
    for (const word of new Set(words)) if (shardOf(word) && word.length <= 24) pages.set(word, (pages.get(word) ?? 0) + 1);
  }
  const shards = new Map<string, Record<string, number>>();
  for (const word of [...pages.keys()].sort()) {
    const letter = shardOf(word)!;
    let shard = shards.get(letter);
    if (!shard) shards.set(letter, (shard = {}));
    shard[word] = pages.get(word)!;
  }
  return shards;
}
