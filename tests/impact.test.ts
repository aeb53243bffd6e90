import { describe, expect, it } from 'vitest';
import { IMPACT_DESCRIPTIONS, IMPACT_LEVELS, impactRank } from '../src/lib/impact';

describe('impact scale', () => {
  it('orders levels from unknown to critical', () => {
    expect(IMPACT_LEVELS).toEqual(['unknown', 'none', 'minor', 'major', 'critical']);
  });

  it('ranks unknown 0, none 1, minor 2, major 3, critical 4', () => {
    expect(IMPACT_LEVELS.map(impactRank)).toEqual([0, 1, 2, 3, 4]);
  });

  it('describes every level', () => {
    expect(Object.keys(IMPACT_DESCRIPTIONS).sort()).toEqual([...IMPACT_LEVELS].sort());
    for (const level of IMPACT_LEVELS) expect(IMPACT_DESCRIPTIONS[level].length).toBeGreaterThan(0);
  });
});
