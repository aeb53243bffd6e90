import { describe, expect, it } from 'vitest';
import {
  boxSide,
  CAP_MINUTES,
  FLOOR_MINUTES,
  impactShade,
  MAX_SIDE,
  MIN_SIDE,
  shadeClass,
} from '../src/lib/calendar-encoding';
import { IMPACT_LEVELS } from '../src/lib/impact';

const DAY = 24 * 60;

describe('box size', () => {
  it('grows strictly with duration from the floor to the cap', () => {
    let previous = 0;
    for (let minutes = FLOOR_MINUTES; minutes <= CAP_MINUTES; minutes *= 1.05) {
      expect(boxSide(minutes)).toBeGreaterThan(previous);
      previous = boxSide(minutes);
    }
  });

  it('gives an incident that lasted at least twice as long a visibly larger box', () => {
    for (let minutes = FLOOR_MINUTES; minutes * 2 <= CAP_MINUTES; minutes *= 1.3) {
      expect(boxSide(minutes * 2) - boxSide(minutes)).toBeGreaterThan(0.5);
    }
  });

  it('keeps a 5-minute blip visible and a 3-day outage well inside a day', () => {
    expect(boxSide(5)).toBeGreaterThan(MIN_SIDE + 1);
    expect(boxSide(3 * DAY)).toBeLessThan(MAX_SIDE - 3);
  });

  it('gives the smallest box to anything up to a minute, zero included, and the largest from a year', () => {
    expect(boxSide(0)).toBe(MIN_SIDE);
    expect(boxSide(0.5)).toBe(MIN_SIDE);
    expect(boxSide(FLOOR_MINUTES)).toBe(MIN_SIDE);
    expect(boxSide(CAP_MINUTES)).toBe(MAX_SIDE);
    expect(boxSide(10 * CAP_MINUTES)).toBe(MAX_SIDE);
  });

  it('gives an unknown duration the smallest box', () => {
    expect(boxSide(null)).toBe(MIN_SIDE);
  });
});

describe('box shade', () => {
  it('darkens strictly from no impact to critical', () => {
    const shades = IMPACT_LEVELS.filter((level) => level !== 'unknown').map(impactShade);
    expect(shades).toEqual([1, 2, 3, 4]);
  });

  it('has no shade for an unknown impact, which is drawn outlined', () => {
    expect(impactShade('unknown')).toBeNull();
    expect(shadeClass(null)).toBe('su');
    expect(shadeClass(4)).toBe('s4');
  });
});
