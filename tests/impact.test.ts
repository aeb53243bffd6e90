import { describe, expect, it } from 'vitest';
import { bySeverityDescending, IMPACT_DESCRIPTIONS, IMPACT_LEVELS, impactRank, type Impact } from '../src/lib/impact';

describe('impact scale', () => {
  it('orders levels from unknown to critical', () => {
    expect(IMPACT_LEVELS).toEqual(['unknown', 'none', 'minor', 'major', 'critical']);
  });

  it('ranks unknown 0, none 1, minor 2, major 3, critical 4', () => {
    expect(IMPACT_LEVELS.map(impactRank)).toEqual([0, 1, 2, 3, 4]);
  });

  it('sorts most severe first', () => {
    const impacts: Impact[] = ['minor', 'unknown', 'critical', 'none', 'major'];
    expect([...impacts].sort(bySeverityDescending)).toEqual(['critical', 'major', 'minor', 'none', 'unknown']);
  });

  it('treats equal impacts as a tie', () => {
    expect(bySeverityDescending('major', 'major')).toBe(0);
    expect(bySeverityDescending('minor', 'major')).toBeGreaterThan(0);
    expect(bySeverityDescending('major', 'minor')).toBeLessThan(0);
  });

  it('describes every level', () => {
    expect(Object.keys(IMPACT_DESCRIPTIONS).sort()).toEqual([...IMPACT_LEVELS].sort());
    for (const level of IMPACT_LEVELS) expect(IMPACT_DESCRIPTIONS[level].length).toBeGreaterThan(0);
  });
});
