import { describe, expect, it } from 'vitest';
import { randomLcg, utcMonday } from 'd3';
import { boxSide, MIN_SIDE } from '../../src/lib/calendar/encoding';
import {
  CELL,
  DAY_COLUMN,
  DAY_NOT_KNOWN,
  dayStripLayout,
  monthStripLayout,
  MONTH_NOT_KNOWN,
  yearLayout,
  type CalendarBox,
  type CalendarItem,
  type CalendarLayout,
  type Rect,
} from '../../src/lib/calendar/layout';
import type { IncidentDuration } from '../../src/lib/duration';
import { estimateMinutes } from '../../src/lib/duration';
import type { Impact } from '../../src/lib/impact';
import { IMPACT_LEVELS } from '../../src/lib/impact';
import { isKnown, parseTimePoint } from '../../src/lib/time-point';

/** An item lasting `duration`: minutes exactly, a range, or null for unknown. */
function item(slug: string, started: string, duration: number | IncidentDuration | null = 60, impact: Impact = 'major'): CalendarItem {
  const start = parseTimePoint(started);
  if (!isKnown(start)) throw new Error(`${started} is not a date`);
  const stated: IncidentDuration = duration === null ? { kind: 'unknown' } : typeof duration === 'number' ? { kind: 'exact', minutes: duration } : duration;
  return { slug, start, duration: stated, impact };
}

const box = (layout: CalendarLayout, slug: string): CalendarBox => {
  const found = layout.boxes.find((b) => b.item.slug === slug);
  if (!found) throw new Error(`no box for ${slug}`);
  return found;
};

const overlaps = (a: Rect, b: Rect) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
const inside = (inner: Rect, outer: Rect) =>
  inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.w <= outer.x + outer.w && inner.y + inner.h <= outer.y + outer.h;

/** `count` incidents over 2021, many days holding several, with every impact and some unknown durations. */
function crowdedYear(count: number): CalendarItem[] {
  const next = randomLcg(42);
  return Array.from({ length: count }, (_, i) => {
    const day = new Date(Date.UTC(2021, 0, 1) + Math.floor(next() * 365) * 86_400_000 + Math.floor(next() * 1440) * 60_000);
    const minutes = next() < 0.1 ? null : Math.round(2 ** (next() * 14));
    return item(`incident-${i}`, day.toISOString().replace('.000Z', 'Z'), minutes, IMPACT_LEVELS[i % IMPACT_LEVELS.length]);
  });
}

describe('yearLayout', () => {
  it('puts a day in its week column and weekday row, weeks starting on Monday', () => {
    // 4 March 2021 is a Thursday, the fourth row; Monday 1 March is in the same column.
    const layout = yearLayout([item('thu', '2021-03-04T10:00Z'), item('mon', '2021-03-01T10:00Z')], 2021);
    const thursday = box(layout, 'thu');
    const monday = box(layout, 'mon');
    expect(thursday.x + thursday.w / 2).toBeCloseTo(monday.x + monday.w / 2);
    expect(thursday.y - monday.y).toBeCloseTo(3 * CELL);
    const columns = utcMonday.count(new Date(Date.UTC(2021, 0, 1)), new Date(Date.UTC(2021, 2, 1)));
    const first = yearLayout([item('jan4', '2021-01-04T10:00Z')], 2021);
    expect(monday.x - box(first, 'jan4').x).toBeCloseTo((columns - 1) * CELL);
  });

  it('places an incident on its UTC day, not the local day of the zone the build runs in', () => {
    expect(process.env.TZ).toBe('America/Los_Angeles');
    // 02:00 UTC on Friday 5 March is still Thursday 4 March in Los Angeles.
    const late = item('late', '2021-03-05T02:00Z');
    expect(new Date(late.start.start).getDate()).toBe(4);
    const layout = yearLayout([late, item('friday', '2021-03-05T20:00Z')], 2021);
    expect(box(layout, 'late').x).toBeCloseTo(box(layout, 'friday').x);
    expect(box(layout, 'late').y).toBeLessThan(box(layout, 'friday').y + CELL);
    expect(box(layout, 'late').y).toBeGreaterThan(box(layout, 'friday').y - CELL);
  });

  it('places an offset time on the UTC day it falls on', () => {
    const layout = yearLayout([item('offset', '2021-03-04T23:30-08:00'), item('friday', '2021-03-05T12:00Z')], 2021);
    expect(box(layout, 'offset').x).toBe(box(layout, 'friday').x);
  });

  it('draws the same picture whatever the time zone', () => {
    const items = crowdedYear(200);
    const here = JSON.stringify(yearLayout(items, 2021));
    const zone = process.env.TZ;
    try {
      process.env.TZ = 'Asia/Kathmandu';
      expect(JSON.stringify(yearLayout(items, 2021))).toBe(here);
    } finally {
      process.env.TZ = zone;
    }
  });

  it('draws only the incidents of its year', () => {
    const layout = yearLayout([item('before', '2020-12-31T23:59Z'), item('in', '2021-06-01'), item('after', '2022-01-01T00:00Z')], 2021);
    expect(layout.boxes.map((b) => b.item.slug)).toEqual(['in']);
  });

  it('sizes every box by its duration alone, however crowded its day', () => {
    const layout = yearLayout(crowdedYear(600), 2021);
    for (const b of layout.boxes) {
      expect(b.w).toBe(b.h);
      expect(b.w).toBeCloseTo(boxSide(estimateMinutes(b.item.duration)), 2);
    }
  });

  it('makes a box larger whenever its incident lasted at least twice as long', () => {
    const layout = yearLayout(crowdedYear(600), 2021);
    const sized = layout.boxes.filter((b) => b.sized);
    const minutes = (b: CalendarBox) => estimateMinutes(b.item.duration)!;
    const wrong = sized.flatMap((a) => sized.filter((b) => minutes(a) >= 2 * minutes(b) && a.w * a.h <= b.w * b.h).map((b) => [a, b]));
    expect(wrong).toEqual([]);
  });

  it('shades every box by its impact, darker for more, none for unknown', () => {
    const layout = yearLayout(crowdedYear(100), 2021);
    const ranks = ['none', 'minor', 'major', 'critical'];
    for (const b of layout.boxes) {
      expect(b.shade).toBe(b.item.impact === 'unknown' ? null : ranks.indexOf(b.item.impact) + 1);
    }
  });

  it('never overlaps two boxes, and keeps each inside the picture', () => {
    const layout = yearLayout(crowdedYear(800), 2021);
    expect(layout.boxes).toHaveLength(800);
    const frame = { x: 0, y: 0, w: layout.width, h: layout.height };
    expect(layout.boxes.filter((b) => !inside(b, frame))).toEqual([]);
    const pairs = layout.boxes.flatMap((a, i) => layout.boxes.slice(i + 1).filter((b) => overlaps(a, b)).map((b) => `${a.item.slug} ${b.item.slug}`));
    expect(pairs).toEqual([]);
  });

  it('stacks the incidents of one day inside that day, oldest first, and grows the row to fit', () => {
    const sameDay = ['01', '04', '09', '13', '18', '22'].map((hour, i) => item(`d${i}`, `2021-03-04T${hour}:00Z`, 2 ** (i + 8)));
    const alone = yearLayout([item('other', '2021-03-05T10:00Z')], 2021);
    const layout = yearLayout([...sameDay, item('other', '2021-03-05T10:00Z')], 2021);
    const boxes = sameDay.map((i) => box(layout, i.slug));
    const column = { x: boxes[0]!.x + boxes[0]!.w / 2 - CELL / 2, w: CELL };
    for (const b of boxes) expect(b.x >= column.x && b.x + b.w <= column.x + column.w).toBe(true);
    expect(boxes.map((b) => b.y)).toEqual([...boxes.map((b) => b.y)].sort((p, q) => p - q));
    // Friday's row starts below Thursday's grown row.
    expect(box(layout, 'other').y).toBeGreaterThan(box(alone, 'other').y + CELL);
    expect(box(layout, 'other').y).toBeGreaterThan(boxes.at(-1)!.y + boxes.at(-1)!.h);
  });

  it('lets small boxes of one day share a line of its cell', () => {
    const layout = yearLayout([item('a', '2021-03-04T01:00Z', 1), item('b', '2021-03-04T02:00Z', 1)], 2021);
    expect(box(layout, 'a').y).toBe(box(layout, 'b').y);
    expect(box(layout, 'b').x).toBeGreaterThan(box(layout, 'a').x + box(layout, 'a').w);
  });

  it('gives an unknown duration the smallest box, marked as not sized', () => {
    const unknown = box(yearLayout([item('u', '2021-03-04', null)], 2021), 'u');
    expect(unknown.w).toBe(MIN_SIDE);
    expect(unknown.sized).toBe(false);
    expect(unknown.approximate).toBe(false);
  });

  it('sizes a duration known from dates by its midpoint and marks it approximate', () => {
    const week = { kind: 'range', min: 6 * 1440, max: 8 * 1440, from: 'day' } as const;
    const layout = yearLayout([item('dates', '2021-03-04', week), item('exact', '2021-03-05T10:00Z', 7 * 1440)], 2021);
    expect(box(layout, 'dates').w).toBe(box(layout, 'exact').w);
    expect(box(layout, 'dates').approximate).toBe(true);
    expect(box(layout, 'exact').approximate).toBe(false);
    expect(box(layout, 'dates').sized).toBe(true);
  });

  it('puts a date known only to the month in a band under its month, never on a day', () => {
    const layout = yearLayout([item('june', '2021-06'), item('day', '2021-06-01T10:00Z'), item('july', '2021-07-20T10:00Z')], 2021);
    const band = layout.labels.find((label) => label.text === DAY_NOT_KNOWN)!;
    const june = box(layout, 'june');
    expect(june.y).toBeGreaterThan(band.y);
    expect(june.y).toBeGreaterThan(box(layout, 'day').y + CELL);
    const juneLabel = layout.labels.find((label) => label.text === 'Jun')!;
    const julyLabel = layout.labels.find((label) => label.text === 'Jul')!;
    expect(june.x).toBeGreaterThanOrEqual(juneLabel.x - 1);
    expect(june.x + june.w).toBeLessThanOrEqual(julyLabel.x);
  });

  it('puts a date known only to the year in its own band, below the month band', () => {
    const layout = yearLayout([item('year', '2021'), item('month', '2021-02')], 2021);
    const band = layout.labels.find((label) => label.text === MONTH_NOT_KNOWN)!;
    expect(box(layout, 'year').y).toBeGreaterThan(band.y);
    expect(box(layout, 'year').y).toBeGreaterThan(box(layout, 'month').y);
  });

  it('leaves the bands out when no date needs them', () => {
    const layout = yearLayout([item('day', '2021-06-01')], 2021);
    expect(layout.labels.map((label) => label.text)).not.toContain(DAY_NOT_KNOWN);
    expect(layout.labels.map((label) => label.text)).not.toContain(MONTH_NOT_KNOWN);
    expect(layout.height).toBe(yearLayout([], 2021).height);
  });

  it('draws a year below 100 as that year, not as 19xx', () => {
    const layout = yearLayout([item('ancient', '0079-08-24')], 79);
    expect(layout.boxes.map((b) => b.item.slug)).toEqual(['ancient']);
  });

  it('draws a background for every day of the year, leap day included', () => {
    expect(yearLayout([], 2021).cells).toHaveLength(365);
    expect(yearLayout([], 2024).cells).toHaveLength(366);
  });

  it('fits a year of 54 week columns into the page width', () => {
    // 2012 starts on a Sunday and is a leap year, so 31 December starts a 54th week.
    expect(yearLayout([], 2012).width).toBeLessThanOrEqual(1120);
  });

  it('lists boxes oldest first, the order keyboard users meet them in', () => {
    const layout = yearLayout(crowdedYear(100), 2021);
    const starts = layout.boxes.map((b) => b.item.start.start);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
  });
});

describe('dayStripLayout', () => {
  const window = { start: Date.UTC(2025, 0, 3), days: 14 };

  it('draws consecutive days as columns headed by weekday and date', () => {
    const layout = dayStripLayout([], window);
    expect(layout.width).toBe(14 * DAY_COLUMN);
    expect(layout.cells).toHaveLength(14);
    const texts = layout.labels.map((label) => label.text);
    expect(texts.slice(0, 2)).toEqual(['Fri', '3 Jan']);
    expect(texts.slice(-2)).toEqual(['Thu', '16 Jan']);
  });

  it('draws only incidents with a known day inside the window, each in its day column', () => {
    const layout = dayStripLayout(
      [item('before', '2025-01-02T23:59Z'), item('first', '2025-01-03T00:00Z'), item('last', '2025-01-16T23:00Z'), item('after', '2025-01-17'), item('month', '2025-01')],
      window,
    );
    expect(layout.boxes.map((b) => b.item.slug)).toEqual(['first', 'last']);
    expect(box(layout, 'first').x).toBeLessThan(DAY_COLUMN);
    expect(box(layout, 'last').x).toBeGreaterThan(13 * DAY_COLUMN);
  });
});

describe('monthStripLayout', () => {
  it('puts each incident in its month column, months known only by month in a band', () => {
    const layout = monthStripLayout([item('mar', '2021-03-31T23:00Z'), item('apr', '2021-04'), item('year', '2021')], 2021);
    expect(layout.width).toBe(12 * CELL);
    const mar = box(layout, 'mar');
    expect(mar.x).toBeGreaterThan(2 * CELL);
    expect(mar.x + mar.w).toBeLessThan(3 * CELL);
    const apr = box(layout, 'apr');
    expect(apr.x).toBeGreaterThan(3 * CELL);
    expect(apr.y).toBeGreaterThan(mar.y + CELL);
    expect(box(layout, 'year').y).toBeGreaterThan(apr.y);
    expect(layout.labels.slice(0, 3).map((label) => label.text)).toEqual(['J', 'F', 'M']);
  });
});
