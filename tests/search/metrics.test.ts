import { describe, expect, it } from 'vitest';
import { mrrAt, rankOf, recallAt, type Judged } from '../../src/lib/search/metrics';

const run = (expected: string, ...ranked: string[]): Judged => ({ ranked, expected });

describe('rankOf', () => {
  it('gives the 1-based position of the expected result', () => {
    expect(rankOf(run('a', 'a', 'b'))).toBe(1);
    expect(rankOf(run('c', 'a', 'b', 'c'))).toBe(3);
  });

  it('is undefined when the expected result is missing', () => {
    expect(rankOf(run('z', 'a', 'b'))).toBeUndefined();
    expect(rankOf(run('z'))).toBeUndefined();
  });

  it('uses the first position when a result is listed twice', () => {
    expect(rankOf(run('a', 'b', 'a', 'a'))).toBe(2);
  });
});

describe('recallAt', () => {
  const runs = [run('a', 'a'), run('b', 'x', 'b'), run('c', 'x', 'y', 'z', 'c'), run('d', 'x')];

  it('is the share of runs whose expected result is within the top k', () => {
    expect(recallAt(1, runs)).toBe(1 / 4);
    expect(recallAt(2, runs)).toBe(2 / 4);
    expect(recallAt(3, runs)).toBe(2 / 4);
    expect(recallAt(4, runs)).toBe(3 / 4);
    expect(recallAt(100, runs)).toBe(3 / 4);
  });

  it('is 0 for no runs rather than NaN', () => {
    expect(recallAt(5, [])).toBe(0);
  });
});

describe('mrrAt', () => {
  it('averages 1/rank over all runs, counting misses as 0', () => {
    const runs = [run('a', 'a'), run('b', 'x', 'b'), run('c', 'x', 'y', 'c'), run('d', 'x')];
    expect(mrrAt(10, runs)).toBeCloseTo((1 + 1 / 2 + 1 / 3 + 0) / 4, 12);
  });

  it('counts a result ranked below k as a miss', () => {
    const runs = [run('a', 'a'), run('c', 'x', 'y', 'c')];
    expect(mrrAt(2, runs)).toBe(1 / 2);
    expect(mrrAt(3, runs)).toBeCloseTo((1 + 1 / 3) / 2, 12);
  });

  it('is 0 for no runs rather than NaN', () => {
    expect(mrrAt(10, [])).toBe(0);
  });
});
