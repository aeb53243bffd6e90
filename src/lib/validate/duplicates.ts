/**
 * Likely duplicate writeups: two that cite the same source, or whose text largely overlaps. Only
 * ever a warning (`--strict` makes it an error): a weekly incident log is one source for several
 * incidents. Two writeups that list each other under `related` are known to be distinct.
 */
import { chunkTokenizer } from '../search/words';

export interface DuplicateCandidate {
  id: string;
  /** Title, summary and body: what a copy would repeat. */
  text: string;
  sourceUrls: readonly string[];
  related: readonly string[];
}

export type DuplicateReason =
  | { kind: 'source'; url: string; index: number; otherIndex: number }
  | { kind: 'text'; overlap: number };

export interface Duplicate {
  /** Indices into the candidates given. */
  a: number;
  b: number;
  reason: DuplicateReason;
}

/** Share of the shorter writeup's word triples found in the other, from which it is a likely copy. */
export const TEXT_OVERLAP_THRESHOLD = 0.5;
/** Below this many word triples a writeup is too short to judge. */
const MIN_SHINGLES = 10;
/** A word triple in more writeups than this is common phrasing, not evidence of copying. */
const COMMON_SHINGLE = 20;

/** Query parameters that only track where a reader came from. */
const TRACKING_PARAM = /^(?:utm_\w+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|igshid|ref|ref_src|_hsenc|_hsmi)$/i;

/**
 * The form two links to the same page share: scheme, `www.`, trailing slash, tracking parameters
 * and parameter order do not matter. The fragment does: a log page names each entry by its anchor.
 */
export function normaliseUrl(raw: string): string | undefined {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return undefined;
  }
  const host = url.hostname.toLowerCase().replace(/^www\./, '') + (url.port ? `:${url.port}` : '');
  const params = [...url.searchParams].filter(([key]) => !TRACKING_PARAM.test(key)).sort(([a], [b]) => a.localeCompare(b));
  const query = params.length ? `?${new URLSearchParams(params)}` : '';
  return `${host}${url.pathname.replace(/\/+$/, '')}${query}${url.hash.length > 1 ? url.hash : ''}`;
}

/** Which candidates' pairs are wanted (by index); every pair when absent. */
export type DuplicateFocus = (index: number) => boolean;

/**
 * Likely duplicate pairs; with a focus, only the pairs holding a focused candidate, the same pairs
 * with the same reasons as without one. The other candidates still count: the first to cite a
 * source, and how many writeups share a word triple, are judged over all of them.
 */
export function findDuplicates(candidates: readonly DuplicateCandidate[], focus?: DuplicateFocus): Duplicate[] {
  // A pattern or a writeup that failed its schema is no candidate: then there is nothing to compare.
  if (focus && !candidates.some((_, index) => focus(index))) return [];
  const wanted = ({ a, b }: Duplicate) => !focus || focus(a) || focus(b);
  const linked = ({ a, b }: Duplicate) =>
    candidates[a]!.related.includes(candidates[b]!.id) || candidates[b]!.related.includes(candidates[a]!.id);
  return [...sourceDuplicates(candidates), ...textDuplicates(candidates, focus)].filter((pair) => wanted(pair) && !linked(pair));
}

function sourceDuplicates(candidates: readonly DuplicateCandidate[]): Duplicate[] {
  const firstCited = new Map<string, { candidate: number; index: number }>();
  const found: Duplicate[] = [];
  candidates.forEach((candidate, b) => {
    const seen = new Set<number>();
    candidate.sourceUrls.forEach((url, index) => {
      const key = normaliseUrl(url);
      if (key === undefined) return;
      const first = firstCited.get(key);
      if (!first) firstCited.set(key, { candidate: b, index });
      else if (first.candidate !== b && !seen.has(first.candidate)) {
        seen.add(first.candidate);
        found.push({ a: first.candidate, b, reason: { kind: 'source', url, index: first.index, otherIndex: index } });
      }
    });
  });
  return found;
}

/** Room for this many writeups in the low bits of a (shingle, writeup) key; 2^32 shingles above it stay exact. */
const WRITEUP_SPACE = 2 ** 21;

/**
 * Pairs whose word triples (shingles) overlap. Every (shingle, writeup) is one number in a typed
 * array; sorted, the writeups sharing a shingle sit side by side, so only pairs that share an
 * uncommon triple are counted. The cost follows the collection's size, not its square.
 *
 * With a focus, only the triples a focused writeup holds can count towards its pairs, so only
 * those go in the array, with every writeup holding them: how common each is stays exact, and the
 * sort is of a few thousand numbers instead of millions.
 */
function textDuplicates(candidates: readonly DuplicateCandidate[], focus?: DuplicateFocus): Duplicate[] {
  const words = wordHasher();
  const sets = candidates.map((candidate) => shingles(words(candidate.text)));
  const focused = focus && union(sets.filter((_, doc) => focus(doc)));
  const counted = focused ? sets.map((set) => intersection(set, focused)) : sets;
  const keys = new Float64Array(counted.reduce((total, set) => total + set.length, 0));
  let k = 0;
  counted.forEach((set, doc) => set.forEach((shingle) => (keys[k++] = shingle * WRITEUP_SPACE + doc)));
  keys.sort();

  const n = candidates.length;
  const shared = new Map<number, number>();
  for (let start = 0; start < keys.length; ) {
    const shingle = Math.floor(keys[start]! / WRITEUP_SPACE);
    let end = start + 1;
    while (end < keys.length && Math.floor(keys[end]! / WRITEUP_SPACE) === shingle) end++;
    if (end - start >= 2 && end - start <= COMMON_SHINGLE) {
      for (let i = start; i < end; i++) {
        const a = keys[i]! % WRITEUP_SPACE;
        for (let j = i + 1; j < end; j++) {
          const b = keys[j]! % WRITEUP_SPACE;
          // Two unfocused writeups see only the focused triples here: their count would be short.
          if (focus && !focus(a) && !focus(b)) continue;
          shared.set(a * n + b, (shared.get(a * n + b) ?? 0) + 1);
        }
      }
    }
    start = end;
  }

  const found: Duplicate[] = [];
  for (const [pair, count] of shared) {
    const a = Math.floor(pair / n);
    const b = pair % n;
    const smaller = Math.min(sets[a]!.length, sets[b]!.length);
    if (smaller < MIN_SHINGLES) continue;
    const overlap = count / smaller;
    if (overlap >= TEXT_OVERLAP_THRESHOLD) found.push({ a, b, reason: { kind: 'text', overlap } });
  }
  return found.sort((x, y) => x.a - y.a || x.b - y.b);
}

/** A text's words as search splits them (case, accents and punctuation ignored), hashed; see chunkTokenizer. */
export const wordHasher = (): ((text: string) => number[]) => chunkTokenizer(hashWord);

/** Hashes of every run of three words, each once. */
function shingles(words: readonly number[]): Uint32Array {
  const hashes = new Uint32Array(Math.max(0, words.length - 2));
  for (let i = 0; i < hashes.length; i++) {
    hashes[i] = Math.imul(Math.imul(words[i]!, 0x01000193) ^ words[i + 1]!, 0x01000193) ^ words[i + 2]!;
  }
  return sortedOnce(hashes);
}

/** The values sorted, each once, in the array's own memory. */
function sortedOnce(values: Uint32Array): Uint32Array {
  values.sort();
  let unique = 0;
  for (let i = 0; i < values.length; i++) if (i === 0 || values[i] !== values[i - 1]) values[unique++] = values[i]!;
  return values.subarray(0, unique);
}

/** The values in any of the sorted sets, sorted, each once. */
function union(sets: readonly Uint32Array[]): Uint32Array {
  const all = new Uint32Array(sets.reduce((total, set) => total + set.length, 0));
  let k = 0;
  for (const set of sets) {
    all.set(set, k);
    k += set.length;
  }
  return sortedOnce(all);
}

/** The values in both sorted sets, in one walk along the two. */
function intersection(a: Uint32Array, b: Uint32Array): Uint32Array {
  const both: number[] = [];
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    if (a[i]! < b[j]!) i++;
    else if (a[i]! > b[j]!) j++;
    else {
      both.push(a[i]!);
      i++;
      j++;
    }
  }
  return Uint32Array.from(both);
}

/** FNV-1a, 32 bits. */
export function hashWord(word: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), 0x01000193);
  return h;
}
