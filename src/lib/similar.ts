/**
 * "Similar incidents" on every incident page, computed at build time. Two incidents are similar
 * when they share failure patterns and services (rarer ones count more), the same trigger, and
 * wording (TF-IDF cosine over title, summary and signals). Hand-picked `related` links come first.
 * Candidates are found through inverted lists, so a large corpus never compares every pair.
 */
import type { IncidentLike } from './incidents';
import { buildIndex, idf, type Postings, type SimilarityIndex, type TermVector } from './similarity-index';

export interface SimilarityInput {
  id: string;
  patterns: readonly string[];
  services: readonly string[];
  trigger?: string | undefined;
  related: readonly string[];
  /** Title, summary and signals: short, specific text. */
  text: string;
}

export interface SimilarIncident {
  id: string;
  score: number;
  /** Why, in order: shared pattern titles, shared services, trigger, wording. */
  reasons: string[];
  handPicked: boolean;
}

/** What similarity looks at in a writeup: title, summary and signals are short and specific. */
export function toSimilarityInput({ id, data }: IncidentLike): SimilarityInput {
  return {
    id,
    patterns: data.patterns,
    services: data.services,
    trigger: data.trigger,
    related: data.related,
    text: [data.title, data.summary, ...data.signals].join('\n'),
  };
}

export const SIMILAR_LIMIT = 5;
const WEIGHTS = { pattern: 1, service: 0.8, trigger: 0.4, text: 3 } as const;
/** Extra candidates kept beyond the limit, in case some have no reason to show. */
const SPARE_CANDIDATES = 5;
/** Below this cosine, shared wording is too thin to show as a reason. */
const WORDING_REASON_THRESHOLD = 0.15;

/**
 * The most similar incidents to each incident, by id. `label` turns a pattern id into the text a
 * reader sees in the reason. Reasons are worked out only for the few that make the list.
 */
export function similarIncidents(
  items: readonly SimilarityInput[],
  label: (patternId: string) => string = (id) => id,
  limit = SIMILAR_LIMIT,
): Map<string, SimilarIncident[]> {
  const index = buildIndex(items);
  const board = newScoreboard(items.length);
  const result = new Map<string, SimilarIncident[]>();
  items.forEach((item, self) => {
    const candidates = scoreCandidates(items, index, board, self);
    const scoreOf = scorer(items, item, board);
    const best = bestCandidates(candidates, scoreOf, board.cosine, limit + item.related.length + SPARE_CANDIDATES);
    const hand = handPicked(item, self, index.indexById, scoreOf, board.cosine);
    // Both lists above hold their scores now; the board is clean for the next incident.
    clearScores(board, candidates);
    result.set(item.id, chooseSimilar(items, item, hand, best, label, limit));
  });
  return result;
}

/**
 * One incident's running scores against every other, by index, and the list of those touched so
 * far. Allocated once and cleared after each incident: at 10,000 incidents, per-candidate objects
 * made this the slowest step of the build.
 */
interface Scoreboard {
  featureScore: Float64Array;
  cosine: Float64Array;
  touched: Uint8Array;
  candidates: Int32Array;
}

function newScoreboard(size: number): Scoreboard {
  return { featureScore: new Float64Array(size), cosine: new Float64Array(size), touched: new Uint8Array(size), candidates: new Int32Array(size) };
}

function clearScores(board: Scoreboard, candidates: Int32Array): void {
  for (const other of candidates) {
    board.featureScore[other] = 0;
    board.cosine[other] = 0;
    board.touched[other] = 0;
  }
}

/** Scores every incident sharing a pattern, a service or a strong term with `self`; returns them, in the order first met. */
function scoreCandidates(items: readonly SimilarityInput[], index: SimilarityIndex, board: Scoreboard, self: number): Int32Array {
  const item = items[self]!;
  let found = addShared(board, self, 0, item.patterns, index.byPattern, WEIGHTS.pattern, items.length);
  found = addShared(board, self, found, item.services, index.byService, WEIGHTS.service, items.length);
  found = addWording(board, self, found, index.vectors[self]!, index.postings);
  return board.candidates.subarray(0, found);
}

/** Adds each shared value's weight, more for a rarer one, to the incidents holding it; returns the new candidate count. */
function addShared(board: Scoreboard, self: number, found: number, values: readonly string[], lists: Map<string, Int32Array>, weight: number, total: number): number {
  const { featureScore, touched, candidates } = board;
  for (const value of new Set(values)) {
    const list = lists.get(value)!;
    const gain = weight * idf(total, list.length);
    for (const other of list) {
      if (other === self) continue;
      if (!touched[other]) {
        touched[other] = 1;
        candidates[found++] = other;
      }
      featureScore[other]! += gain;
    }
  }
  return found;
}

/** Adds `self`'s share of the TF-IDF cosine to the incidents holding its terms; returns the new candidate count. */
function addWording(board: Scoreboard, self: number, found: number, { terms, weights }: TermVector, postings: Postings[]): number {
  const { cosine, touched, candidates } = board;
  for (let t = 0; t < terms.length; t++) {
    const weight = weights[t]!;
    const list = postings[terms[t]!]!;
    for (let p = 0; p < list.items.length; p++) {
      const other = list.items[p]!;
      if (other === self) continue;
      if (!touched[other]) {
        touched[other] = 1;
        candidates[found++] = other;
      }
      cosine[other]! += weight * list.weights[p]!;
    }
  }
  return found;
}

function sharesTrigger(item: SimilarityInput, them: SimilarityInput): boolean {
  return item.trigger !== undefined && item.trigger !== 'unknown' && them.trigger === item.trigger;
}

/** A candidate's score and its wording cosine, read off the scoreboard before it is cleared. */
interface Scored {
  score: number;
  cosine: number;
}

/** The total score of each other incident against `item`, from the scoreboard as it stands. */
function scorer(items: readonly SimilarityInput[], item: SimilarityInput, { featureScore, cosine }: Scoreboard): (other: number) => number {
  return (other) => featureScore[other]! + WEIGHTS.text * cosine[other]! + (sharesTrigger(item, items[other]!) ? WEIGHTS.trigger : 0);
}

/**
 * The `keep` best candidates, best first. Only the best few are needed: a bounded insertion beats
 * sorting thousands of candidates. Ties keep input order, so the result is stable without
 * comparing ids.
 */
function bestCandidates(candidates: Int32Array, scoreOf: (other: number) => number, cosine: Float64Array, keep: number): (Scored & { other: number })[] {
  const best: (Scored & { other: number })[] = [];
  for (const other of candidates) {
    const score = scoreOf(other);
    if (best.length === keep && score <= best[keep - 1]!.score) continue;
    let at = best.length;
    while (at > 0 && (best[at - 1]!.score < score || (best[at - 1]!.score === score && best[at - 1]!.other > other))) at--;
    best.splice(at, 0, { other, score, cosine: cosine[other]! });
    if (best.length > keep) best.pop();
  }
  return best;
}

/** The writeup's own `related` links that name another incident, in its order, with their scores. */
function handPicked(item: SimilarityInput, self: number, indexById: Map<string, number>, scoreOf: (other: number) => number, cosine: Float64Array): Map<number, Scored> {
  return new Map(item.related.flatMap((id) => {
    const other = indexById.get(id);
    return other === undefined || other === self ? [] : [[other, { score: scoreOf(other), cosine: cosine[other]! }] as const];
  }));
}

/** Why `them` is similar to `item`, in the order SimilarIncident.reasons gives. */
function reasons(item: SimilarityInput, them: SimilarityInput, wording: number, label: (patternId: string) => string): string[] {
  return [
    ...[...new Set(item.patterns)].filter((p) => them.patterns.includes(p)).map(label),
    ...[...new Set(item.services)].filter((s) => them.services.includes(s)),
    ...(sharesTrigger(item, them) ? [`trigger: ${item.trigger}`] : []),
    ...(wording >= WORDING_REASON_THRESHOLD ? ['similar wording'] : []),
  ];
}

/** The hand-picked incidents, then the best others with a reason to show, up to the limit. */
function chooseSimilar(
  items: readonly SimilarityInput[],
  item: SimilarityInput,
  hand: Map<number, Scored>,
  best: readonly (Scored & { other: number })[],
  label: (patternId: string) => string,
  limit: number,
): SimilarIncident[] {
  const picked = [...hand].map(([other, found]) => ({
    id: items[other]!.id,
    score: found.score,
    reasons: reasons(item, items[other]!, found.cosine, label),
    handPicked: true,
  }));
  const computed: SimilarIncident[] = [];
  for (const candidate of best) {
    if (computed.length + picked.length >= limit) break;
    if (hand.has(candidate.other)) continue;
    const why = reasons(item, items[candidate.other]!, candidate.cosine, label);
    // A candidate with nothing to show (wording too thin to name) is skipped.
    if (why.length > 0) computed.push({ id: items[candidate.other]!.id, score: candidate.score, reasons: why, handPicked: false });
  }
  return [...picked, ...computed];
}
