import { describe, expect, it } from 'vitest';
import type { QueryTerm } from '../../src/lib/search/query';
import { DEFAULT_RANK_OPTIONS, rankHits, type Hit, type TermHits } from '../../src/lib/search/rank';

const typed = (text: string): QueryTerm => ({ text, weight: 1, source: text });
const expansion = (text: string, source: string): QueryTerm => ({ text, weight: 0.5, source });
const hits = (scores: Record<string, number>): Hit[] => Object.entries(scores).map(([id, score]) => ({ id, score }));
const search = (term: QueryTerm, scores: Record<string, number>): TermHits => ({ term, hits: hits(scores) });
const NO_COVERAGE = { ...DEFAULT_RANK_OPTIONS, coverageBoost: 0 };

describe('rankHits', () => {
  it('returns nothing when no term found anything', () => {
    expect(rankHits([])).toEqual([]);
    expect(rankHits([search(typed('pool'), {})])).toEqual([]);
  });

  it('scores a page by the weighted sum of its per-term scores', () => {
    const ranked = rankHits(
      [search(typed('db'), { a: 2 }), search(expansion('database', 'db'), { a: 4, b: 6 }), search(typed('timeout'), { b: 1.5 })],
      [],
      NO_COVERAGE,
    );
    expect(ranked).toEqual([
      { id: 'b', score: 0.5 * 6 + 1.5, matched: ['db', 'timeout'] },
      { id: 'a', score: 2 + 0.5 * 4, matched: ['db'] },
    ]);
  });

  it('multiplies by 1 + boost × coverage², coverage being the share of typed words matched', () => {
    const [only] = rankHits([search(typed('pool'), { a: 4 }), search(typed('exhausted'), {})]);
    expect(only).toEqual({ id: 'a', score: 4 * (1 + DEFAULT_RANK_OPTIONS.coverageBoost * 0.25), matched: ['pool'] });
  });

  it('ranks a page matching more typed words above one with a single stronger match', () => {
    const terms = [search(typed('pool'), { broad: 3, strong: 6 }), search(typed('exhausted'), { broad: 2 })];
    // Without the coverage boost the single strong match would win on raw score...
    expect(rankHits(terms, [], NO_COVERAGE).map((r) => r.id)).toEqual(['strong', 'broad']);
    // ...with it, the page that says more of what the responder described comes first.
    expect(rankHits(terms).map((r) => r.id)).toEqual(['broad', 'strong']);
  });

  it('does not let synonym expansions count as extra typed words toward coverage', () => {
    const terms = [
      search(typed('db'), { a: 2 }),
      search(expansion('database', 'db'), { a: 2 }),
      search(typed('timeout'), {}),
    ];
    const [a] = rankHits(terms);
    // Two typed words (db, timeout); "database" is part of "db", so coverage is 1/2, not 2/3.
    expect(a).toEqual({ id: 'a', score: 3 * (1 + 1.5 * 0.5 ** 2), matched: ['db'] });
  });

  it('lists only typed words in matched, never the expansion that was found', () => {
    const [a] = rankHits([search(typed('k8s'), {}), search(expansion('kubernetes', 'k8s'), { a: 1 })]);
    expect(a!.matched).toEqual(['k8s']);
    expect(a!.matched).not.toContain('kubernetes');
  });

  it('lists matched words in query order whatever order the searches finished in', () => {
    const [a] = rankHits([search(typed('exhausted'), { a: 1 }), search(typed('pool'), { a: 1 }), search(typed('primary'), { a: 1 })]);
    expect(a!.matched).toEqual(['exhausted', 'pool', 'primary']);
  });

  it('adds phrase hits to pages the words already found, weighted by phraseWeight', () => {
    const terms = [search(typed('pool'), { a: 1, b: 1 }), search(typed('exhausted'), { a: 1, b: 1 })];
    const ranked = rankHits(terms, [{ phrase: 'pool exhausted', hits: hits({ b: 2 }) }], { coverageBoost: 0, phraseWeight: 3 });
    expect(ranked).toEqual([
      { id: 'b', score: 2 + 3 * 2, matched: ['pool', 'exhausted'] },
      { id: 'a', score: 2, matched: ['pool', 'exhausted'] },
    ]);
  });

  it('never adds a page that only a phrase search found', () => {
    const ranked = rankHits([search(typed('pool'), { a: 1 })], [{ phrase: 'pool exhausted', hits: hits({ z: 100 }) }]);
    expect(ranked.map((r) => r.id)).toEqual(['a']);
  });

  it('orders pages with equal scores by id, whatever order the hits arrived in', () => {
    const forward = rankHits([search(typed('dns'), { c: 1, a: 1, b: 1 })]);
    const backward = rankHits([search(typed('dns'), { b: 1, a: 1, c: 1 })]);
    expect(forward.map((r) => r.id)).toEqual(['a', 'b', 'c']);
    expect(backward).toEqual(forward);
  });
});
