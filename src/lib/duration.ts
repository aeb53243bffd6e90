/**
 * Incident durations as writeups state them (DURATION_FORMS): compact days, hours and minutes,
 * ISO 8601, or `unknown`. Internally a duration is a whole or fractional number of minutes;
 * `null` means the duration is not known.
 */

export type Minutes = number;

const COMPACT = /^(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?$/;
const ISO = /^P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

/**
 * The forms a writeup may write a duration in, as a contributor reads them: the `duration`
 * field's description in src/lib/schema.ts and the message for an unreadable one both say this.
 * It lives here, beside the patterns it describes, because the schema imports this parser.
 */
export const DURATION_FORMS = '45m, 4h30m, 2d, 1d6h, PT4H30M, or unknown';

export class DurationSyntaxError extends Error {}

/**
 * Parses a duration. Returns minutes, or `null` for `unknown`.
 * Throws DurationSyntaxError with a message that shows the accepted forms.
 */
export function parseDuration(text: string): Minutes | null {
  const value = text.trim();
  if (value === 'unknown') return null;
  const compact = COMPACT.exec(value);
  if (compact && value !== '') {
    const [, d, h, m] = compact;
    return toMinutes({ days: d, hours: h, minutes: m });
  }
  const iso = ISO.exec(value.toUpperCase());
  if (iso && !/^PT?$/.test(value.toUpperCase()) && !value.toUpperCase().endsWith('T')) {
    const [, w, d, h, m, s] = iso;
    return toMinutes({ weeks: w, days: d, hours: h, minutes: m, seconds: s });
  }
  throw new DurationSyntaxError(`"${text}" is not a duration: write it like ${DURATION_FORMS}`);
}

function toMinutes(parts: Partial<Record<'weeks' | 'days' | 'hours' | 'minutes' | 'seconds', string>>): Minutes {
  const n = (s: string | undefined) => (s ? Number(s) : 0);
  return (
    n(parts.weeks) * 7 * 24 * 60 +
    n(parts.days) * 24 * 60 +
    n(parts.hours) * 60 +
    n(parts.minutes) +
    n(parts.seconds) / 60
  );
}

/**
 * `270` → `4h 30m`; `3000` → `2d 2h`; `1451` → `1d 11m`; `0.5` → `30s`; `null` → `unknown`.
 * The two largest units that are not zero: a third would be noise at that scale, and a zero
 * in the middle must not hide the minutes of a day-long incident.
 */
export function formatDuration(minutes: Minutes | null): string {
  if (minutes === null) return 'unknown';
  const seconds = Math.round(minutes * 60);
  if (seconds < 60) return `${seconds}s`;
  const total = Math.round(seconds / 60);
  const parts = [
    [Math.floor(total / 1440), 'd'],
    [Math.floor((total % 1440) / 60), 'h'],
    [total % 60, 'm'],
  ] as const;
  return parts
    .filter(([value]) => value > 0)
    .slice(0, 2)
    .map(([value, unit]) => `${value}${unit}`)
    .join(' ');
}

/** ISO 8601 form for `<time datetime>`: `PT4H30M`. */
export function isoDuration(minutes: Minutes): string {
  const totalSeconds = Math.round(minutes * 60);
  const h = Math.floor(totalSeconds / 3600);
  const m = Math.floor((totalSeconds % 3600) / 60);
  const s = totalSeconds % 60;
  return `PT${h ? `${h}H` : ''}${m ? `${m}M` : ''}${s || totalSeconds === 0 ? `${s}S` : ''}`;
}

/**
 * How long an incident lasted, as far as its writeup lets us know: exact (a stated duration, or
 * two instants), a range (dates, months or years, which only bound it), or unknown.
 */
export type IncidentDuration =
  | { kind: 'exact'; minutes: Minutes }
  | { kind: 'range'; min: Minutes; max: Minutes; from: RangePrecision }
  | { kind: 'unknown' };

/** The coarsest precision among the times a range was taken from. */
export type RangePrecision = 'day' | 'month' | 'year';

export const UNKNOWN_DURATION: IncidentDuration = { kind: 'unknown' };

/** One number for sizing and sorting: the exact value, a range's midpoint, or null. */
export function estimateMinutes(duration: IncidentDuration): Minutes | null {
  if (duration.kind === 'exact') return duration.minutes;
  if (duration.kind === 'range') return (duration.min + duration.max) / 2;
  return null;
}

const RANGE_SOURCE: Record<RangePrecision, string> = { day: 'from dates', month: 'from months', year: 'from years' };

/** A range whose ends are this close is "about" its midpoint; wider ones show both ends. */
const ABOUT_RATIO = 1.5;

const DAYS_PER_YEAR = 365.25;

/** The unit a coarse reading uses, by the length read: each up to where the next reads better. */
const COARSE_UNITS = [
  { name: 'minute', minutes: 1, below: 90, decimals: 0 },
  { name: 'hour', minutes: 60, below: 36 * 60, decimals: 0 },
  { name: 'day', minutes: 1440, below: 45 * 1440, decimals: 0 },
  { name: 'month', minutes: (1440 * DAYS_PER_YEAR) / 12, below: 548 * 1440, decimals: 0 },
  { name: 'year', minutes: 1440 * DAYS_PER_YEAR, below: Infinity, decimals: 1 },
] as const;

function coarse(minutes: Minutes): { value: number; unit: string } {
  const unit = COARSE_UNITS.find((u) => minutes < u.below)!;
  const scale = 10 ** unit.decimals;
  const value = Math.max(1, Math.round((minutes / unit.minutes) * scale) / scale);
  return { value, unit: value === 1 ? unit.name : `${unit.name}s` };
}

/** A coarse reading of a length of time in the unit that suits it: `14 hours`, `7 days`, `1.5 years`. */
export function approximately(minutes: Minutes): string {
  const { value, unit } = coarse(minutes);
  return `${value} ${unit}`;
}

/**
 * For reading: `4h 30m`; `about 7 days, from dates`; `under 2 days, from dates`;
 * `6 to 8 months, from months`; `unknown`.
 */
export function formatIncidentDuration(duration: IncidentDuration): string {
  if (duration.kind === 'exact') return formatDuration(duration.minutes);
  if (duration.kind === 'unknown') return 'unknown';
  const { min, max, from } = duration;
  const source = RANGE_SOURCE[from];
  if (min <= 0) return `under ${approximately(max)}, ${source}`;
  if (max <= min * ABOUT_RATIO) return `about ${approximately((min + max) / 2)}, ${source}`;
  const [low, high] = [coarse(min), coarse(max)];
  // "6 to 8 days" rather than "6 days to 8 days".
  const lowText = low.unit.replace(/s$/, '') === high.unit.replace(/s$/, '') ? `${low.value}` : `${low.value} ${low.unit}`;
  return `${lowText} to ${high.value} ${high.unit}, ${source}`;
}
