import { describe, expect, it } from 'vitest';
import { formatCounts, monthlyRecurrence, nearestInDirection, parseCounts } from '../../src/lib/calendar/navigation';

/** Boxes on a 20 px grid: [column, row]. */
const grid = (cells: [number, number][]) => cells.map(([column, row]) => ({ x: column * 20, y: row * 20, w: 10, h: 10 }));

describe('nearestInDirection', () => {
  const rects = grid([
    [0, 0], // 0
    [1, 0], // 1
    [5, 0], // 2
    [1, 1], // 3
    [0, 3], // 4
  ]);

  it('moves to the nearest box that way', () => {
    expect(nearestInDirection(rects, 0, 'right')).toBe(1);
    expect(nearestInDirection(rects, 1, 'left')).toBe(0);
    expect(nearestInDirection(rects, 1, 'down')).toBe(3);
    expect(nearestInDirection(rects, 3, 'up')).toBe(1);
  });

  it('stays on the row before jumping to a nearer box off it', () => {
    // From 1, box 3 is nearer than box 2 but lies below, outside the 45° cone.
    expect(nearestInDirection(rects, 1, 'right')).toBe(2);
  });

  it('falls back to a box off the cone when nothing else lies that way', () => {
    expect(nearestInDirection(rects, 3, 'right')).toBe(2);
  });

  it('stays put at the edge', () => {
    expect(nearestInDirection(rects, 2, 'right')).toBeNull();
    expect(nearestInDirection(rects, 0, 'up')).toBeNull();
  });
});

describe('pattern counts in a data attribute', () => {
  it('round-trips', () => {
    const counts = new Map([
      ['retry-storm', 3],
      ['dns-failure', 1],
    ]);
    expect(formatCounts(counts)).toBe('retry-storm:3 dns-failure:1');
    expect(parseCounts(formatCounts(counts))).toEqual(counts);
    expect(parseCounts('')).toEqual(new Map());
  });
});

describe('monthlyRecurrence', () => {
  it('counts a pattern per month, apart from incidents whose month is not known', () => {
    const entries = [
      { month: 1, values: ['retry-storm'] },
      { month: 1, values: ['retry-storm', 'dns-failure'] },
      { month: 12, values: ['retry-storm'] },
      { month: 3, values: ['dns-failure'] },
      { month: null, values: ['retry-storm'] },
    ];
    const { months, unplaced } = monthlyRecurrence(entries, 'retry-storm');
    expect(months).toEqual([2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
    expect(unplaced).toBe(1);
  });
});
