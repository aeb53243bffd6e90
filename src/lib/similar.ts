/**
 * "Similar incidents" on every incident page, computed at build time. Two incidents are similar
 * when they share failure patterns and services (rarer ones count more), the same trigger, and
 * wording (TF-IDF cosine over title, summary and signals). Hand-picked `related` links come first.
 * Candidates are found through inverted lists, so a large corpus never compares every pair.
 */
import type { IncidentLike } from './incidents';
import { isStopWord, tokenize } from './search/words';

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
const TERMS_PER_INCIDENT = 24;
const WEIGHTS = { pattern: 1, service: 0.8, trigger: 0.4, text: 3 } as const;
/** Extra candidates kept beyond the limit, in case some have no reason to show. */
const SPARE_CANDIDATES = 5;
/** Below this cosine, shared wording is too thin to show as a reason. */
const WORDING_REASON_THRESHOLD = 0.15;

function idf(total: number, count: number): number {
  return Math.log(1 + total / count);
}

/** Index lists of the items holding each value (a pattern, a service), in item order. */
function invert(items: readonly SimilarityInput[], key: (item: SimilarityInput) => readonly string[]): Map<string, Int32Array> {
  const lists = new Map<string, number[]>();
  items.forEach((item, index) => {
    for (const value of new Set(key(item))) {
      let list = lists.get(value);
      if (!list) lists.set(value, (list = []));
      list.push(index);
    }
  });
  return new Map([...lists].map(([value, list]) => [value, Int32Array.from(list)]));
}

/** Each incident's strongest terms as parallel arrays of term numbers and unit-length TF-IDF weights. */
interface TermVector {
  terms: Int32Array;
  weights: Float64Array;
}

/** For each term number, the incidents holding it and its weight in each, in item order. */
interface Postings {
  items: Int32Array;
  weights: Float64Array;
}

function termVectors(items: readonly SimilarityInput[]): { vectors: TermVector[]; postings: Postings[] } {
  const counts = items.map((item) => {
    const tf = new Map<string, number>();
    for (const word of tokenize(item.text)) if (word.length > 2 && !isStopWord(word)) tf.set(word, (tf.get(word) ?? 0) + 1);
    return tf;
  });
  const df = new Map<string, number>();
  for (const tf of counts) for (const term of tf.keys()) df.set(term, (df.get(term) ?? 0) + 1);
  const termNumber = new Map<string, number>();
  const lists: { items: number[]; weights: number[] }[] = [];
  const vectors = counts.map((tf, index): TermVector => {
    const weighted = [...tf].map(([term, n]) => [term, (1 + Math.log(n)) * idf(items.length, df.get(term)!)] as const);
    const top = weighted.sort((a, b) => b[1] - a[1]).slice(0, TERMS_PER_INCIDENT);
    const norm = Math.hypot(...top.map(([, w]) => w)) || 1;
    const terms = new Int32Array(top.length);
    const weights = new Float64Array(top.length);
    top.forEach(([term, w], at) => {
      let number = termNumber.get(term);
      if (number === undefined) {
        termNumber.set(term, (number = lists.length));
        lists.push({ items: [], weights: [] });
      }
      terms[at] = number;
      weights[at] = w / norm;
      lists[number]!.items.push(index);
      lists[number]!.weights.push(w / norm);
    });
    return { terms, weights };
  });
  return { vectors, postings: lists.map((list) => ({ items: Int32Array.from(list.items), weights: Float64Array.from(list.weights) })) };
}

/**
 * The most similar incidents to each incident, by id. `label` turns a pattern id into the text a
 * reader sees in the reason.
 *
 * Scores accumulate in typed arrays reused for every incident, and reasons are worked out only
 * for the few that make the list: at 10,000 incidents, per-candidate objects made this the
 * slowest step of the build.
 */
export function similarIncidents(
  items: readonly SimilarityInput[],
  label: (patternId: string) => string = (id) => id,
  limit = SIMILAR_LIMIT,
): Map<string, SimilarIncident[]> {
  const byPattern = invert(items, (item) => item.patterns);
  const byService = invert(items, (item) => item.services);
  const { vectors, postings } = termVectors(items);
  const indexById = new Map(items.map((item, index) => [item.id, index]));
  const featureScore = new Float64Array(items.length);
  const cosine = new Float64Array(items.length);
  const touched = new Uint8Array(items.length);
  const candidateList = new Int32Array(items.length);
  const result = new Map<string, SimilarIncident[]>();

  items.forEach((item, self) => {
    let found = 0;
    const addShared = (values: readonly string[], lists: Map<string, Int32Array>, weight: number) => {
      for (const value of new Set(values)) {
        const list = lists.get(value)!;
        const gain = weight * idf(items.length, list.length);
        for (const other of list) {
          if (other === self) continue;
          if (!touched[other]) {
            touched[other] = 1;
            candidateList[found++] = other;
          }
          featureScore[other]! += gain;
        }
      }
    };
    addShared(item.patterns, byPattern, WEIGHTS.pattern);
    addShared(item.services, byService, WEIGHTS.service);
    const { terms, weights } = vectors[self]!;
    for (let t = 0; t < terms.length; t++) {
      const weight = weights[t]!;
      const list = postings[terms[t]!]!;
      for (let p = 0; p < list.items.length; p++) {
        const other = list.items[p]!;
        if (other === self) continue;
        if (!touched[other]) {
          touched[other] = 1;
          candidateList[found++] = other;
        }
        cosine[other]! += weight * list.weights[p]!;
      }
    }
    const candidates = candidateList.subarray(0, found);

    const hasTrigger = item.trigger !== undefined && item.trigger !== 'unknown';
    const scoreOf = (other: number) =>
      featureScore[other]! + WEIGHTS.text * cosine[other]! + (hasTrigger && items[other]!.trigger === item.trigger ? WEIGHTS.trigger : 0);
    // Only the best few are needed: a bounded insertion beats sorting thousands of candidates.
    // Ties keep input order, so the result is stable without comparing ids.
    const keep = limit + item.related.length + SPARE_CANDIDATES;
    const best: { other: number; score: number; cosine: number }[] = [];
    for (const other of candidates) {
      const score = scoreOf(other);
      if (best.length === keep && score <= best[keep - 1]!.score) continue;
      let at = best.length;
      while (at > 0 && (best[at - 1]!.score < score || (best[at - 1]!.score === score && best[at - 1]!.other > other))) at--;
      best.splice(at, 0, { other, score, cosine: cosine[other]! });
      if (best.length > keep) best.pop();
    }
    const hand = new Map(item.related.flatMap((id) => {
      const other = indexById.get(id);
      return other === undefined || other === self ? [] : [[other, { score: scoreOf(other), cosine: cosine[other]! }] as const];
    }));
    for (const other of candidates) {
      featureScore[other] = 0;
      cosine[other] = 0;
      touched[other] = 0;
    }

    const reasonsFor = (other: number, wording: number): string[] => {
      const them = items[other]!;
      const sameTrigger = hasTrigger && them.trigger === item.trigger;
      return [
        ...[...new Set(item.patterns)].filter((p) => them.patterns.includes(p)).map(label),
        ...[...new Set(item.services)].filter((s) => them.services.includes(s)),
        ...(sameTrigger ? [`trigger: ${item.trigger}`] : []),
        ...(wording >= WORDING_REASON_THRESHOLD ? ['similar wording'] : []),
      ];
    };
    const picked = [...hand].map(([other, found]) => ({
      id: items[other]!.id,
      score: found.score,
      reasons: reasonsFor(other, found.cosine),
      handPicked: true,
    }));
    const computed: SimilarIncident[] = [];
    for (const candidate of best) {
      if (computed.length + picked.length >= limit) break;
      if (hand.has(candidate.other)) continue;
      const reasons = reasonsFor(candidate.other, candidate.cosine);
      // A candidate with nothing to show (wording too thin to name) is skipped.
      if (reasons.length > 0) computed.push({ id: items[candidate.other]!.id, score: candidate.score, reasons, handPicked: false });
    }
    result.set(item.id, [...picked, ...computed]);
  });
  return result;
}
