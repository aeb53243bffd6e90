/**
 * Calendar layouts: dated incidents and a window in, boxes `{x, y, w, h, shade}`
 * out, in SVG user units. Pure and UTC-based: a day is a UTC day and nothing here reads the
 * clock or the local zone, so every build draws the same picture. d3 supplies the intervals.
 *
 * The three views share one mechanism. A view is rows of slots (a day, a month, a band); a slot
 * flows its incidents' boxes left to right, oldest first, wrapping into lines, and a row is as
 * tall as its fullest slot. So several incidents on one day stack in their cell instead of hiding
 * each other, boxes keep the size their duration gives them, and since slots never overlap,
 * boxes never do.
 *
 * A date known only to the month or year is never pinned to a false day: such incidents go to a
 * band under the days ("Day not known", "Month not known"), in their month's span or across
 * the whole year.
 */
import { group, utcDay, utcFormat, utcMonday, utcMonth, utcYear } from 'd3';
import { boxSide, impactShade, MAX_SIDE } from './encoding';
import { estimateMinutes, type IncidentDuration } from '../duration';
import type { Impact } from '../impact';
import { knowsDay, type KnownTime } from '../time-point';

/** What a layout needs to know about an incident. */
export interface CalendarItem {
  slug: string;
  start: KnownTime;
  duration: IncidentDuration;
  impact: Impact;
}

export interface CalendarBox<T extends CalendarItem = CalendarItem> {
  item: T;
  x: number;
  y: number;
  w: number;
  h: number;
  /** 1 (no impact) to 4 (critical), darker as it grows; null for unknown impact, drawn outlined. */
  shade: number | null;
  /** False when the duration is unknown: the box has the smallest size and a mark. */
  sized: boolean;
  /** True when the size comes from a range (dates, months or years), drawn with a dashed edge. */
  approximate: boolean;
}

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface Label {
  x: number;
  y: number;
  text: string;
  /** Centred on x; otherwise x is where the text starts. */
  centred?: boolean;
}

export interface CalendarLayout<T extends CalendarItem = CalendarItem> {
  width: number;
  height: number;
  /** Oldest first, the order keyboard users meet them in. */
  boxes: CalendarBox<T>[];
  /** One background per day or band slot, so an empty day reads as empty, not missing. */
  cells: Rect[];
  labels: Label[];
}

/** A window of whole UTC days: `start` is a UTC midnight (epoch ms). */
export interface DayWindow {
  start: number;
  days: number;
}

/** Space between a slot's edge and its boxes. */
const PAD = 1.5;
/** Space between boxes sharing a slot. */
const GAP = 2;
/** Pitch of the day grid: the largest box fits with its padding. */
export const CELL = MAX_SIDE + 2 * PAD;
/** Width of a day column in the day strip: room for a "14 Jan" label. */
export const DAY_COLUMN = 2 * CELL;
/** Left gutter of the year grid, for weekday names. */
const GUTTER = 28;
/** Height of one line of label text, and where its baseline sits. */
const LINE = 14;
const BASELINE = 10;

export const DAY_NOT_KNOWN = 'Day not known';
export const MONTH_NOT_KNOWN = 'Month not known';

const monthName = utcFormat('%b');
const weekdayName = utcFormat('%a');
const dayAndMonth = utcFormat('%-d %b');

interface Slot<T> {
  x: number;
  width: number;
  items: readonly T[];
}

interface Row<T> {
  slots: Slot<T>[];
  /** Drawn on a line of its own above the row. */
  title?: string;
}

interface Line<T> {
  boxes: { item: T; side: number }[];
  width: number;
  height: number;
}

const round = (value: number) => Math.round(value * 100) / 100;

/** Oldest first; ties by slug so every build orders them alike. */
export const chronological = (a: CalendarItem, b: CalendarItem) => a.start.start - b.start.start || a.slug.localeCompare(b.slug);

/** Greedy lines of boxes no wider than the slot's inside. */
function flow<T extends CalendarItem>(items: readonly T[], width: number): Line<T>[] {
  const lines: Line<T>[] = [];
  for (const item of [...items].sort(chronological)) {
    const side = boxSide(estimateMinutes(item.duration));
    let line = lines.at(-1);
    if (!line || line.width + GAP + side > width - 2 * PAD) lines.push((line = { boxes: [], width: -GAP, height: 0 }));
    line.boxes.push({ item, side });
    line.width += GAP + side;
    line.height = Math.max(line.height, side);
  }
  return lines;
}

const linesHeight = (lines: readonly Line<unknown>[]) =>
  lines.reduce((sum, line) => sum + line.height, 0) + GAP * Math.max(0, lines.length - 1);

/**
 * Places rows top to bottom from `top`. Lines are centred across their slot; a slot's block
 * of lines is centred in the first `CELL` of height and grows down from there.
 */
function stackRows<T extends CalendarItem>(rows: readonly Row<T>[], top: number, titleX: number) {
  const boxes: CalendarBox<T>[] = [];
  const cells: Rect[] = [];
  const labels: Label[] = [];
  const rowTops: number[] = [];
  let y = top;
  for (const row of rows) {
    if (row.title) {
      labels.push({ x: titleX, y: y + BASELINE, text: row.title });
      y += LINE;
    }
    rowTops.push(y);
    const flowed = row.slots.map((slot) => ({ slot, lines: flow(slot.items, slot.width) }));
    const height = Math.max(CELL, ...flowed.map(({ lines }) => linesHeight(lines) + 2 * PAD));
    for (const { slot, lines } of flowed) {
      cells.push({ x: slot.x + 0.5, y: y + 0.5, w: slot.width - 1, h: height - 1 });
      let lineTop = y + PAD + Math.max(0, (CELL - 2 * PAD - linesHeight(lines)) / 2);
      for (const line of lines) {
        let x = slot.x + (slot.width - line.width) / 2;
        for (const { item, side } of line.boxes) {
          boxes.push({
            item,
            x: round(x),
            y: round(lineTop + (line.height - side) / 2),
            w: side,
            h: side,
            shade: impactShade(item.impact),
            sized: item.duration.kind !== 'unknown',
            approximate: item.duration.kind === 'range',
          });
          x += side + GAP;
        }
        lineTop += line.height + GAP;
      }
    }
    y += height;
  }
  boxes.sort((a, b) => chronological(a.item, b.item));
  return { boxes, cells, labels, rowTops, bottom: y };
}

function byPrecision<T extends CalendarItem>(items: readonly T[]) {
  return {
    days: items.filter((item) => knowsDay(item.start)),
    months: items.filter((item) => item.start.precision === 'month'),
    years: items.filter((item) => item.start.precision === 'year'),
  };
}

/** Items by the UTC day (epoch ms of its midnight) they start on. */
const byDay = <T extends CalendarItem>(items: readonly T[]) => group(items, (item) => +utcDay.floor(new Date(item.start.start)));

/**
 * The bands for dates known only to the month or the year, under a view whose month `i` spans
 * `edges[i]` to `edges[i + 1]`. Bands without incidents are left out.
 */
function impreciseRows<T extends CalendarItem>(items: readonly T[], months: readonly Date[], edges: readonly number[]): Row<T>[] {
  const { months: monthOnly, years: yearOnly } = byPrecision(items);
  const rows: Row<T>[] = [];
  if (monthOnly.length > 0) {
    rows.push({
      title: DAY_NOT_KNOWN,
      slots: months.map((month, i) => ({
        x: edges[i]!,
        width: edges[i + 1]! - edges[i]!,
        items: monthOnly.filter((item) => item.start.start === +month),
      })),
    });
  }
  if (yearOnly.length > 0) {
    rows.push({ title: MONTH_NOT_KNOWN, slots: [{ x: edges[0]!, width: edges.at(-1)! - edges[0]!, items: yearOnly }] });
  }
  return rows;
}

function yearBounds(year: number): { start: Date; end: Date } {
  // Not Date.UTC(year, …): it reads years 0–99 as 1900–1999.
  const start = new Date(0);
  start.setUTCFullYear(year, 0, 1);
  return { start, end: utcYear.offset(start, 1) };
}

const inRange = <T extends CalendarItem>(items: readonly T[], start: Date, end: Date) =>
  items.filter((item) => item.start.start >= +start && item.start.start < +end);

function finish<T extends CalendarItem>(placed: ReturnType<typeof stackRows<T>>, width: number, labels: Label[]): CalendarLayout<T> {
  return {
    width,
    height: round(placed.bottom),
    boxes: placed.boxes,
    cells: placed.cells.map(({ x, y, w, h }) => ({ x: round(x), y: round(y), w: round(w), h: round(h) })),
    labels: [...labels, ...placed.labels].map((label) => ({ ...label, x: round(label.x), y: round(label.y) })),
  };
}

/**
 * A year at a glance: weeks (Monday first) as columns, weekdays as rows, month names on top,
 * then the bands for dates known only to the month or year. Only items starting in `year`.
 */
export function yearLayout<T extends CalendarItem>(items: readonly T[], year: number): CalendarLayout<T> {
  const { start, end } = yearBounds(year);
  const column = (date: Date) => utcMonday.count(start, date);
  const x = (date: Date) => GUTTER + column(date) * CELL;
  const width = x(utcDay.offset(end, -1)) + CELL;
  const inYear = inRange(items, start, end);
  const perDay = byDay(byPrecision(inYear).days);
  const days = utcDay.range(start, end);
  const weekday = (date: Date) => (date.getUTCDay() + 6) % 7;

  const rows: Row<T>[] = [0, 1, 2, 3, 4, 5, 6].map((row) => ({
    slots: days.filter((day) => weekday(day) === row).map((day) => ({ x: x(day), width: CELL, items: perDay.get(+day) ?? [] })),
  }));
  // A month's span starts at its first full week, where its name goes (January at the edge).
  const months = utcMonth.range(start, end);
  const edges = [GUTTER, ...months.slice(1).map((month) => x(utcMonday.ceil(month))), width];
  rows.push(...impreciseRows(inYear, months, edges));

  const placed = stackRows(rows, LINE, GUTTER);
  const labels: Label[] = [
    ...months.map((month, i) => ({ x: edges[i]! + 1, y: BASELINE, text: monthName(month) })),
    // Monday, Wednesday, Friday, as most wall calendars abbreviate them.
    ...[0, 2, 4].map((row) => ({ x: 0, y: placed.rowTops[row]! + CELL / 2 + 4, text: weekdayName(utcDay.offset(utcMonday.ceil(start), row)) })),
  ];
  return finish(placed, width, labels);
}

/** Consecutive days as columns, each headed by its weekday and date; for short windows. */
export function dayStripLayout<T extends CalendarItem>(items: readonly T[], window: DayWindow): CalendarLayout<T> {
  const first = new Date(window.start);
  const days = utcDay.range(first, utcDay.offset(first, window.days));
  const perDay = byDay(byPrecision(items).days);
  const rows: Row<T>[] = [{ slots: days.map((day, i) => ({ x: i * DAY_COLUMN, width: DAY_COLUMN, items: perDay.get(+day) ?? [] })) }];
  const placed = stackRows(rows, 2 * LINE, 0);
  const labels = days.flatMap((day, i) => [
    { x: i * DAY_COLUMN + 2, y: BASELINE, text: weekdayName(day) },
    { x: i * DAY_COLUMN + 2, y: LINE + BASELINE, text: dayAndMonth(day) },
  ]);
  return finish(placed, days.length * DAY_COLUMN, labels);
}

/**
 * One year as twelve month columns, for small multiples: a pattern's incidents year by year.
 * Incidents on a known day stack in their month; the bands follow as in the year grid.
 */
export function monthStripLayout<T extends CalendarItem>(items: readonly T[], year: number): CalendarLayout<T> {
  const { start, end } = yearBounds(year);
  const inYear = inRange(items, start, end);
  const months = utcMonth.range(start, end);
  const edges = [...months.keys(), months.length].map((i) => i * CELL);
  const { days } = byPrecision(inYear);
  const rows: Row<T>[] = [
    {
      slots: months.map((month, i) => ({
        x: edges[i]!,
        width: CELL,
        items: days.filter((item) => +utcMonth.floor(new Date(item.start.start)) === +month),
      })),
    },
    ...impreciseRows(inYear, months, edges),
  ];
  const placed = stackRows(rows, LINE, 0);
  const labels = months.map((month, i) => ({ x: edges[i]! + CELL / 2, y: BASELINE, text: monthName(month).slice(0, 1), centred: true }));
  return finish(placed, edges.at(-1)!, labels);
}
