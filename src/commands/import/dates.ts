/** Finding a usable `started` for an imported record, in the order the importer documents. */
import { isExact, isKnown, parseTimePoint, TimeSyntaxError, type TimePoint } from '../../lib/time-point';

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/**
 * A corpus timestamp as a time point. The corpus writes midnight UTC when only the day is
 * known (and 23:59:59 for "end of that day"), so those become day precision: showing 00:00 UTC
 * would invent a time nobody recorded.
 */
export function corpusTime(value: unknown): TimePoint | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  let time: TimePoint;
  try {
    // A date-time without a zone is read as UTC, the corpus's convention, never as local time.
    const text = value instanceof Date ? value : String(value).trim().replace(/^(\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)$/, '$1Z');
    time = parseTimePoint(text);
  } catch (error) {
    if (error instanceof TimeSyntaxError) return undefined;
    throw error;
  }
  if (!isKnown(time) || !isExact(time)) return time;
  const iso = new Date(time.start).toISOString();
  return /T(00:00:00|23:59:59)\.000Z$/.test(iso) ? parseTimePoint(iso.slice(0, 10)) : time;
}

/** A date written in a title: `2019-07-02`, `July 2, 2019`, `2 July 2019`, `(August 2022)`. */
export function dateInTitle(title: string): TimePoint | undefined {
  const text = title.toLowerCase();
  const iso = /\b(\d{4})-(\d{2})-(\d{2})\b/.exec(text);
  if (iso) return safe(`${iso[1]}-${iso[2]}-${iso[3]}`);
  const month = `(${MONTHS.join('|')})`;
  const mdy = new RegExp(`\\b${month} (\\d{1,2})(?:st|nd|rd|th)?,? (\\d{4})\\b`).exec(text);
  if (mdy) return safe(`${mdy[3]}-${pad(MONTHS.indexOf(mdy[1]!) + 1)}-${pad(Number(mdy[2]))}`);
  const dmy = new RegExp(`\\b(\\d{1,2}) ${month},? (\\d{4})\\b`).exec(text);
  if (dmy) return safe(`${dmy[3]}-${pad(MONTHS.indexOf(dmy[2]!) + 1)}-${pad(Number(dmy[1]))}`);
  const my = new RegExp(`\\b${month},? (\\d{4})\\b`).exec(text);
  if (my) return safe(`${my[2]}-${pad(MONTHS.indexOf(my[1]!) + 1)}`);
  const year = /\b(19[7-9]\d|20\d{2})\b/.exec(text);
  if (year) return safe(year[1]!);
  return undefined;
}

/** A publication date in a blog-style URL: `/2018/08/05/…`, `/2018/08/…`, `…-2018-08-05-…`. */
export function dateInUrl(url: string): TimePoint | undefined {
  const path = /\/\/[^/]+(\/.*)$/.exec(url)?.[1] ?? '';
  const ymd = /\/((?:19|20)\d{2})\/(0[1-9]|1[0-2])\/([0-2]\d|3[01])\//.exec(path);
  if (ymd) return safe(`${ymd[1]}-${ymd[2]}-${ymd[3]}`);
  const dashed = /\b((?:19|20)\d{2})-(0[1-9]|1[0-2])-([0-2]\d|3[01])\b/.exec(path);
  if (dashed) return safe(`${dashed[1]}-${dashed[2]}-${dashed[3]}`);
  const ym = /\/((?:19|20)\d{2})\/(0[1-9]|1[0-2])\//.exec(path);
  if (ym) return safe(`${ym[1]}-${ym[2]}`);
  return undefined;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function safe(text: string): TimePoint | undefined {
  try {
    return parseTimePoint(text);
  } catch (error) {
    if (error instanceof TimeSyntaxError) return undefined;
    throw error;
  }
}
