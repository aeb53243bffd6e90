/**
 * The inverted lists similar incidents are found through (src/lib/similar.ts): for each pattern,
 * service and strong term, the incidents holding it, as typed arrays in item order.
 */
import type { SimilarityInput } from './similar';
import { isStopWord, tokenize } from './search/words';

const TERMS_PER_INCIDENT = 24;

/** How much sharing a value held by `count` of `total` incidents says: the rarer, the more. */
export function idf(total: number, count: number): number {
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
export interface TermVector {
  terms: Int32Array;
  weights: Float64Array;
}

/** For each term number, the incidents holding it and its weight in each, in item order. */
export interface Postings {
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

/** The inverted lists through which each incident finds its candidates, and each one's place by id. */
export interface SimilarityIndex {
  byPattern: Map<string, Int32Array>;
  byService: Map<string, Int32Array>;
  vectors: TermVector[];
  postings: Postings[];
  indexById: Map<string, number>;
}

export function buildIndex(items: readonly SimilarityInput[]): SimilarityIndex {
  return {
    byPattern: invert(items, (item) => item.patterns),
    byService: invert(items, (item) => item.services),
    ...termVectors(items),
    indexById: new Map(items.map((item, index) => [item.id, index])),
  };
}
