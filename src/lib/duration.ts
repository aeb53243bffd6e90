/**
 * Incident durations as writeups state them: compact (`4h30m`, `45m`, `2d`, `1d6h`),
 * ISO 8601 (`PT4H30M`, `P2D`, `P1DT6H`), or `unknown`. Internally a duration is a whole or
 * fractional number of minutes; `null` means the duration is not known.
 */

export type Minutes = number;

const COMPACT = /^(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?$/;
const ISO = /^P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

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
  throw new DurationSyntaxError(
    `"${text}" is not a duration: write it like 45m, 4h30m, 2d, 1d6h, PT4H30M, or unknown`,
  );
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

/** `270` → `4h 30m`; `3000` → `2d 2h`; `0.5` → `30s`; `null` → `unknown`. */
export function formatDuration(minutes: Minutes | null): string {
  if (minutes === null) return 'unknown';
  const seconds = Math.round(minutes * 60);
  if (seconds < 60) return `${seconds}s`;
  const total = Math.round(seconds / 60);
  const days = Math.floor(total / 1440);
  const hours = Math.floor((total % 1440) / 60);
  const mins = total % 60;
  // Two units are enough for a reader; the third would be noise at that scale.
  if (days > 0) return hours > 0 ? `${days}d ${hours}h` : `${days}d`;
  if (hours > 0) return mins > 0 ? `${hours}h ${mins}m` : `${hours}h`;
  return `${mins}m`;
}

/** ISO 8601 form for `<time datetime>`: `PT4H30M`. */
export function isoDuration(minutes: Minutes): string {
  const totalSeconds = Math.round(minutes * 60);
  const h = Math.floor(totalSeconds / 3600);
  const m = Math.floor((totalSeconds % 3600) / 60);
  const s = totalSeconds % 60;
  return `PT${h ? `${h}H` : ''}${m ? `${m}M` : ''}${s || totalSeconds === 0 ? `${s}S` : ''}`;
}
