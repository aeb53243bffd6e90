/**
 * "Similar incidents" on every incident page, computed at build time. Two incidents are similar
 * when they share failure patterns and services (rarer ones count more), the same trigger, and
 * wording (TF-IDF cosine over title, summary and signals). Hand-picked `related` links come first.
 * Candidates are found through inverted lists, so a large corpus never compares every pair.
 */
import { isStopWord, tokenize } from './search/query';

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

export const SIMILAR_LIMIT = 5;
const TERMS_PER_INCIDENT = 24;
const WEIGHTS = { pattern: 1, service: 0.8, trigger: 0.4, text: 3 } as const;
/** Below this cosine, shared wording is too thin to show as a reason. */
const WORDING_REASON_THRESHOLD = 0.15;

function idf(total: number, count: number): number {
  return Math.log(1 + total / count);
}

function invert(items: readonly SimilarityInput[], key: (item: SimilarityInput) => readonly string[]): Map<string, number[]> {
  const lists = new Map<string, number[]>();
  items.forEach((item, index) => {
    for (const value of new Set(key(item))) {
      let list = lists.get(value);
      if (!list) lists.set(value, (list = []));
      list.push(index);
    }
  });
  return lists;
}

/** Unit-length TF-IDF vectors of each incident's strongest terms. */
function termVectors(items: readonly SimilarityInput[]): Map<string, number>[] {
  const counts = items.map((item) => {
    const tf = new Map<string, number>();
    for (const word of tokenize(item.text)) if (word.length > 2 && !isStopWord(word)) tf.set(word, (tf.get(word) ?? 0) + 1);
    return tf;
  });
  const df = new Map<string, number>();
  for (const tf of counts) for (const term of tf.keys()) df.set(term, (df.get(term) ?? 0) + 1);
  return counts.map((tf) => {
    const weighted = [...tf].map(([term, n]) => [term, (1 + Math.log(n)) * idf(items.length, df.get(term)!)] as const);
    const top = weighted.sort((a, b) => b[1] - a[1]).slice(0, TERMS_PER_INCIDENT);
    const norm = Math.hypot(...top.map(([, w]) => w)) || 1;
    return new Map(top.map(([term, w]) => [term, w / norm]));
  });
}

/**
 * The most similar incidents to each incident, by id. `label` turns a pattern id into the text a
 * reader sees in the reason.
 */
export function similarIncidents(
  items: readonly SimilarityInput[],
  label: (patternId: string) => string = (id) => id,
  limit = SIMILAR_LIMIT,
): Map<string, SimilarIncident[]> {
  const byPattern = invert(items, (item) => item.patterns);
  const byService = invert(items, (item) => item.services);
  const vectors = termVectors(items);
  const byTerm = new Map<string, number[]>();
  vectors.forEach((vector, index) => {
    for (const term of vector.keys()) {
      let list = byTerm.get(term);
      if (!list) byTerm.set(term, (list = []));
      list.push(index);
    }
  });
  const indexById = new Map(items.map((item, index) => [item.id, index]));
  const result = new Map<string, SimilarIncident[]>();

  items.forEach((item, self) => {
    const scores = new Map<number, { score: number; patterns: string[]; services: string[]; cosine: number }>();
    const entry = (other: number) => {
      let e = scores.get(other);
      if (!e) scores.set(other, (e = { score: 0, patterns: [], services: [], cosine: 0 }));
      return e;
    };
    const shared = (values: readonly string[], lists: Map<string, number[]>, weight: number, into: 'patterns' | 'services') => {
      for (const value of new Set(values)) {
        const list = lists.get(value)!;
        for (const other of list) {
          if (other === self) continue;
          const e = entry(other);
          e.score += weight * idf(items.length, list.length);
          e[into].push(value);
        }
      }
    };
    shared(item.patterns, byPattern, WEIGHTS.pattern, 'patterns');
    shared(item.services, byService, WEIGHTS.service, 'services');
    for (const [term, weight] of vectors[self]!) {
      for (const other of byTerm.get(term)!) if (other !== self) entry(other).cosine += weight * vectors[other]!.get(term)!;
    }
    const ranked = [...scores]
      .map(([other, e]) => {
        const sameTrigger = item.trigger !== undefined && item.trigger !== 'unknown' && items[other]!.trigger === item.trigger;
        const score = e.score + WEIGHTS.text * e.cosine + (sameTrigger ? WEIGHTS.trigger : 0);
        const reasons = [
          ...e.patterns.map(label),
          ...e.services,
          ...(sameTrigger ? [`trigger: ${item.trigger}`] : []),
          ...(e.cosine >= WORDING_REASON_THRESHOLD ? ['similar wording'] : []),
        ];
        return { id: items[other]!.id, score, reasons, handPicked: false };
      })
      .filter((s) => s.reasons.length > 0)
      .sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));

    const picked = item.related
      .filter((id) => indexById.has(id) && id !== item.id)
      .map((id) => ({ ...(ranked.find((r) => r.id === id) ?? { id, score: Infinity, reasons: [] }), handPicked: true }));
    const pickedIds = new Set(picked.map((p) => p.id));
    result.set(item.id, [...picked, ...ranked.filter((r) => !pickedIds.has(r.id))].slice(0, Math.max(limit, picked.length)));
  });
  return result;
}
