import { describe, expect, it } from 'vitest';
import {
  boxSide,
  CAP_MINUTES,
  FLOOR_MINUTES,
  impactShade,
  MAX_SIDE,
  MIN_SIDE,
  shadeClass,
  boxClass,
  sizeAgreement,
} from '../../src/lib/calendar/encoding';
import { IMPACT_LEVELS } from '../../src/lib/impact';

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

  it('gives the smallest box to anything up to 15 seconds, zero included, and the largest from a year', () => {
    expect(boxSide(0)).toBe(MIN_SIDE);
    expect(boxSide(0.2)).toBe(MIN_SIDE);
    expect(boxSide(0.5)).toBeGreaterThan(MIN_SIDE);
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

  it('adds a dashed edge class to a box sized from a range', () => {
    expect(boxClass(3, true)).toBe('s3 approx');
    expect(boxClass(null, true)).toBe('su approx');
    expect(boxClass(2, false)).toBe('s2');
  });
});

describe('sizeAgreement', () => {
  it('counts the pairs where one lasted at least twice as long, and how many of those have the larger box', () => {
    const drawn = [
      { minutes: 10, side: 8 },
      { minutes: 20, side: 9 },
      { minutes: 40, side: 9 },
      { minutes: 15, side: 7 },
    ];
    // Pairs 2x apart: 20/10, 40/10, 40/20, 40/15; 40/20 share a side.
    expect(sizeAgreement(drawn)).toEqual({ pairs: 4, agreeing: 3 });
  });

  it('leaves out unknown durations, which have no order', () => {
    expect(sizeAgreement([{ minutes: null, side: 6 }, { minutes: 100, side: 10 }])).toEqual({ pairs: 0, agreeing: 0 });
  });
});
