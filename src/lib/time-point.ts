/**
 * Points in time as writeups state them, keeping the precision that was given: a postmortem
 * that only says "June 2013" must never be shown as "2013-06-01 00:00 UTC".
 *
 * Accepted: `2017-01-31T23:00:00Z` / `2017-01-31T23:00+01:00` (offset required), `2017-01-31`,
 * `2017-01`, `2017`, and `unknown`. YAML turns unquoted timestamps into Date objects; those are
 * accepted too (midnight UTC is read as a bare date, since that is what YAML produced it from).
 */

import type { IncidentDuration, RangePrecision } from './duration';

export type Precision = 'year' | 'month' | 'day' | 'minute' | 'second';

export interface KnownTime {
  /** The value as written (normalised for Date input), shown to readers. */
  text: string;
  precision: Precision;
  /** Earliest instant the value can mean, epoch ms UTC. */
  start: number;
  /** Instant just after the latest the value can mean, epoch ms UTC. */
  end: number;
}

export interface UnknownTime {
  text: 'unknown';
  precision: 'unknown';
}

export type TimePoint = KnownTime | UnknownTime;

export class TimeSyntaxError extends Error {}

const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;
const DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;
const HINT = 'write it like 2017-01-31T23:00:00Z, 2017-01-31, 2017-01, 2017 or unknown';

export function isKnown(time: TimePoint): time is KnownTime {
  return time.precision !== 'unknown';
}

export function parseTimePoint(value: string | Date): TimePoint {
  if (value instanceof Date) return fromDate(value);
  const text = value.trim();
  if (text === 'unknown') return { text: 'unknown', precision: 'unknown' };

  const dt = DATE_TIME.exec(text);
  if (dt) {
    const [, y, mo, d, h, mi, s, fraction, zone] = dt;
    checkCalendarDate(text, +y, +mo, +d);
    if (+h > 23 || +mi > 59 || (s !== undefined && +s > 59)) {
      throw new TimeSyntaxError(`"${text}" has an impossible time of day`);
    }
    const offset = offsetMinutes(zone);
    if (offset === undefined) throw new TimeSyntaxError(`"${text}" has an impossible time zone offset ${zone}`);
    // Status pages stamp to the millisecond; a duration between two such stamps keeps it.
    const start = utc(+y, +mo - 1, +d, +h, +mi, s ? +s : 0) + Math.floor(Number(fraction ?? 0) * 1000) - offset * 60_000;
    const precision: Precision = s === undefined ? 'minute' : 'second';
    return { text, precision, start, end: start + (precision === 'minute' ? 60_000 : 1000) };
  }

  const date = DATE.exec(text);
  if (date) {
    const [, y, mo, d] = date;
    if (mo === undefined) {
      return { text, precision: 'year', start: utc(+y, 0, 1), end: utc(+y + 1, 0, 1) };
    }
    if (+mo < 1 || +mo > 12) throw new TimeSyntaxError(`"${text}" has no month ${mo}`);
    if (d === undefined) {
      return { text, precision: 'month', start: utc(+y, +mo - 1, 1), end: utc(+y, +mo, 1) };
    }
    checkCalendarDate(text, +y, +mo, +d);
    return { text, precision: 'day', start: utc(+y, +mo - 1, +d), end: utc(+y, +mo - 1, +d + 1) };
  }

  if (/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/.test(text)) {
    throw new TimeSyntaxError(`"${text}" has no time zone: add Z for UTC or an offset like +02:00`);
  }
  throw new TimeSyntaxError(`"${text}" is not a date: ${HINT}`);
}

function fromDate(date: Date): KnownTime {
  const ms = date.getTime();
  if (Number.isNaN(ms)) throw new TimeSyntaxError(`not a date: ${HINT}`);
  const iso = date.toISOString();
  if (iso.endsWith('T00:00:00.000Z')) {
    return { text: iso.slice(0, 10), precision: 'day', start: ms, end: ms + 86_400_000 };
  }
  return { text: iso.replace('.000Z', 'Z'), precision: 'second', start: ms, end: ms + 1000 };
}

/** Date.UTC, except that years 0–99 mean those years, not 1900–1999. */
function utc(y: number, mo: number, d: number, h = 0, mi = 0, s = 0): number {
  const date = new Date(Date.UTC(y, mo, d, h, mi, s));
  if (y >= 0 && y < 100) date.setUTCFullYear(date.getUTCFullYear() - 1900);
  return date.getTime();
}

function checkCalendarDate(text: string, y: number, mo: number, d: number): void {
  const probe = new Date(utc(y, mo - 1, d));
  if (probe.getUTCFullYear() !== y || probe.getUTCMonth() !== mo - 1 || probe.getUTCDate() !== d) {
    throw new TimeSyntaxError(`"${text}" is not a real calendar date`);
  }
}

/** Minutes east of UTC, or undefined for an offset no place uses (beyond ±14:00). */
function offsetMinutes(zone: string): number | undefined {
  if (zone === 'Z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = Number(digits.slice(2, 4));
  if (hours > 14 || minutes > 59) return undefined;
  return sign * (hours * 60 + minutes);
}

/** True when the value names an instant (minute or second), not a whole day or month. */
export function isExact(time: KnownTime): boolean {
  return time.precision === 'minute' || time.precision === 'second';
}

/** True when the value names a day or an instant in one, not only a month or a year. */
export function knowsDay(time: KnownTime): boolean {
  return time.precision !== 'month' && time.precision !== 'year';
}

/** Whether `ended` cannot be after `started`, given the precision each was written with. */
export function endsNotAfterStart(started: KnownTime, ended: KnownTime): boolean {
  if (isExact(started) && isExact(ended)) return ended.start <= started.start;
  return ended.end <= started.start;
}

/**
 * The range of durations (minutes) that `started` and `ended` allow, widened by their precision:
 * "2017-01-31" to "2017-02-01" allows anything from 0 to 2 days.
 */
export function durationRange(started: KnownTime, ended: KnownTime): { min: number; max: number } {
  if (isExact(started) && isExact(ended)) {
    const exact = (ended.start - started.start) / 60_000;
    return { min: exact, max: exact };
  }
  return {
    min: Math.max(0, (ended.start - started.end) / 60_000),
    max: (ended.end - started.start) / 60_000,
  };
}

const COARSEST_FIRST: readonly RangePrecision[] = ['year', 'month', 'day'];

/**
 * The duration `started` and `ended` give: exact when both are instants, else the range their
 * precision allows, named by the coarser of the two, since that is what makes it approximate.
 */
export function durationBetween(started: KnownTime, ended: KnownTime): IncidentDuration {
  const { min, max } = durationRange(started, ended);
  if (min === max) return { kind: 'exact', minutes: min };
  const from = COARSEST_FIRST.find((p) => started.precision === p || ended.precision === p) ?? 'day';
  return { kind: 'range', min, max, from };
}

/** The UTC calendar date (YYYY-MM-DD) the value starts on, or its year/month when coarser. */
export function utcDatePrefix(time: KnownTime): string {
  const iso = new Date(time.start).toISOString();
  if (time.precision === 'year') return iso.slice(0, 4);
  if (time.precision === 'month') return iso.slice(0, 7);
  return iso.slice(0, 10);
}

/** English month abbreviations, January first. */
export const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * Human text in UTC at the precision given: `2017`, `Jun 2013`, `31 Jan 2017`,
 * `31 Jan 2017, 23:00 UTC`.
 */
export function formatUtc(time: TimePoint): string {
  if (!isKnown(time)) return 'unknown';
  const d = new Date(time.start);
  const year = d.getUTCFullYear();
  if (time.precision === 'year') return String(year);
  const month = MONTHS[d.getUTCMonth()];
  if (time.precision === 'month') return `${month} ${year}`;
  const day = `${d.getUTCDate()} ${month} ${year}`;
  if (time.precision === 'day') return day;
  const hh = String(d.getUTCHours()).padStart(2, '0');
  const mm = String(d.getUTCMinutes()).padStart(2, '0');
  return `${day}, ${hh}:${mm} UTC`;
}

/** Value for `<time datetime>` at the precision given. */
export function machineReadable(time: KnownTime): string {
  return isExact(time) ? new Date(time.start).toISOString().replace('.000Z', 'Z') : utcDatePrefix(time);
}
