/**
 * Excerpts with every matched word marked, as text segments: the page renders them with
 * textContent and <mark>, never innerHTML, so indexed text can never inject markup.
 */

export interface Segment {
  text: string;
  mark: boolean;
}

const SUFFIXES = ['ations', 'ation', 'ings', 'ing', 'ions', 'ion', 'ies', 'ied', 'ed', 'es', 'er', 's'];

/** A crude English stem, enough to see that "exhausted" answers "exhaust" and "retries" "retry". */
export function roughStem(word: string): string {
  const lower = word.toLowerCase();
  for (const suffix of SUFFIXES) {
    if (lower.length - suffix.length >= 3 && lower.endsWith(suffix)) return lower.slice(0, -suffix.length);
  }
  return lower;
}

export function wordMatches(word: string, terms: readonly string[]): boolean {
  const stem = roughStem(word);
  return terms.some((term) => {
    const t = roughStem(term);
    return stem === t || (t.length >= 3 && stem.startsWith(t)) || (stem.length >= 4 && t.startsWith(stem));
  });
}

const LEAD_IN_WORDS = 3;
const WORD = /[\p{L}\p{N}]+(?:['’_-][\p{L}\p{N}]+)*/gu;

/**
 * The window of about `size` words with the most distinct matched terms, split into marked and
 * unmarked segments, with an ellipsis where text was cut.
 */
export function excerpt(content: string, terms: readonly string[], size = 32): Segment[] {
  const words = [...content.matchAll(WORD)].map((m) => ({ text: m[0], start: m.index, end: m.index + m[0].length }));
  if (words.length === 0) return [];
  const matches = words.map((w) => wordMatches(w.text, terms));
  let bestStart = 0;
  let bestScore = -1;
  for (let start = 0; start < Math.max(1, words.length - size + 1); start++) {
    const distinct = new Set<string>();
    for (let i = start; i < Math.min(words.length, start + size); i++) if (matches[i]) distinct.add(roughStem(words[i]!.text));
    if (distinct.size > bestScore) {
      bestScore = distinct.size;
      bestStart = start;
    }
  }
  // A few words of lead-in read better than starting on the match; the window grows to keep it.
  const first = Math.max(0, bestStart - (bestScore > 0 && bestStart > 0 ? LEAD_IN_WORDS : 0));
  const last = Math.min(words.length, bestStart + size) - 1;
  const segments: Segment[] = [];
  const push = (text: string, mark: boolean) => {
    const previous = segments.at(-1);
    if (previous && previous.mark === mark) previous.text += text;
    else if (text) segments.push({ text, mark });
  };
  if (first > 0) push('… ', false);
  let cursor = words[first]!.start;
  for (let i = first; i <= last; i++) {
    const word = words[i]!;
    push(content.slice(cursor, word.start), false);
    push(word.text, matches[i]!);
    cursor = word.end;
  }
  if (last < words.length - 1) push(' …', false);
  return segments.map((s) => ({ ...s, text: s.text.replace(/\s+/g, ' ') }));
}
