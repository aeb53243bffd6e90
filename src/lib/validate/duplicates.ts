/**
 * Likely duplicate writeups: two that cite the same source, or whose text largely overlaps. Only
 * ever a warning (`--strict` makes it an error): a weekly incident log is one source for several
 * incidents. Two writeups that list each other under `related` are known to be distinct.
 */
import { tokenize } from '../search/words';

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

export function findDuplicates(candidates: readonly DuplicateCandidate[]): Duplicate[] {
  const linked = (a: number, b: number) =>
    candidates[a]!.related.includes(candidates[b]!.id) || candidates[b]!.related.includes(candidates[a]!.id);
  return [...sourceDuplicates(candidates), ...textDuplicates(candidates)].filter(({ a, b }) => !linked(a, b));
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
 */
function textDuplicates(candidates: readonly DuplicateCandidate[]): Duplicate[] {
  const sets = candidates.map((candidate) => shingles(candidate.text));
  const keys = new Float64Array(sets.reduce((total, set) => total + set.length, 0));
  let k = 0;
  sets.forEach((set, doc) => set.forEach((shingle) => (keys[k++] = shingle * WRITEUP_SPACE + doc)));
  keys.sort();

  const n = candidates.length;
  const shared = new Map<number, number>();
  for (let start = 0; start < keys.length; ) {
    const shingle = Math.floor(keys[start]! / WRITEUP_SPACE);
    let end = start + 1;
    while (end < keys.length && Math.floor(keys[end]! / WRITEUP_SPACE) === shingle) end++;
    if (end - start >= 2 && end - start <= COMMON_SHINGLE) {
      for (let i = start; i < end; i++) {
        for (let j = i + 1; j < end; j++) {
          const pair = (keys[i]! % WRITEUP_SPACE) * n + (keys[j]! % WRITEUP_SPACE);
          shared.set(pair, (shared.get(pair) ?? 0) + 1);
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

/** Hashes of every run of three words (as search splits them: case, accents and punctuation ignored), each once. */
function shingles(text: string): Uint32Array {
  const words = tokenize(text).map(hash);
  const hashes = new Uint32Array(Math.max(0, words.length - 2));
  for (let i = 0; i < hashes.length; i++) {
    hashes[i] = Math.imul(Math.imul(words[i]!, 0x01000193) ^ words[i + 1]!, 0x01000193) ^ words[i + 2]!;
  }
  hashes.sort();
  let unique = 0;
  for (let i = 0; i < hashes.length; i++) if (i === 0 || hashes[i] !== hashes[i - 1]) hashes[unique++] = hashes[i]!;
  return hashes.subarray(0, unique);
}

/** FNV-1a, 32 bits. */
function hash(word: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), 0x01000193);
  return h;
}
