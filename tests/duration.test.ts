import { describe, expect, it } from 'vitest';
import {
  approximately,
  DURATION_FORMS,
  DurationSyntaxError,
  estimateMinutes,
  formatDuration,
  formatIncidentDuration,
  isoDuration,
  parseDuration,
} from '../src/lib/duration';

describe('parseDuration', () => {
  it.each([
    ['45m', 45],
    ['4h', 240],
    ['4h30m', 270],
    ['2d', 2880],
    ['1d6h', 1800],
    ['1d6h15m', 1815],
    ['1d15m', 1455],
    ['0m', 0],
  ])('reads the compact duration %s as %s minutes', (text, minutes) => {
    expect(parseDuration(text)).toBe(minutes);
  });

  it.each([
    ['PT4H30M', 270],
    ['PT45M', 45],
    ['P2D', 2880],
    ['P1DT6H', 1800],
    ['PT90S', 1.5],
    ['PT30S', 0.5],
    ['P1W', 10080],
    ['P1DT1H1M', 1501],
  ])('reads the ISO 8601 duration %s as %s minutes', (text, minutes) => {
    expect(parseDuration(text)).toBe(minutes);
  });

  it('reads fractional ISO seconds', () => {
    expect(parseDuration('PT1.5S')).toBeCloseTo(0.025, 10);
  });

  it('reads lowercase ISO durations', () => {
    expect(parseDuration('pt4h30m')).toBe(270);
  });

  it('ignores surrounding whitespace', () => {
    expect(parseDuration('  45m ')).toBe(45);
    expect(parseDuration('\tPT1H\n')).toBe(60);
  });

  it('returns null for unknown', () => {
    expect(parseDuration('unknown')).toBeNull();
    expect(parseDuration(' unknown ')).toBeNull();
  });

  it.each([
    [''],
    ['   '],
    ['P'],
    ['PT'],
    ['P1DT'],
    ['4x'],
    ['-5m'],
    ['4 h'],
    ['4h 30m'],
    ['45'],
    ['0'],
    ['30m4h'],
    ['1.5h'],
    ['h'],
    ['Unknown'],
    ['PT4H30'],
    ['4H30M'],
  ])('rejects %j with a DurationSyntaxError', (text) => {
    expect(() => parseDuration(text)).toThrow(DurationSyntaxError);
  });

  it('names the bad value and shows the accepted forms in its error', () => {
    expect(() => parseDuration('4x')).toThrow(
      '"4x" is not a duration: write it like 45m, 4h30m, 2d, 1d6h, PT4H30M, or unknown',
    );
  });

  it('accepts every form it names in its error and the duration field\'s description', () => {
    const forms = DURATION_FORMS.split(/, (?:or )?/);
    expect(forms).toEqual(['45m', '4h30m', '2d', '1d6h', 'PT4H30M', 'unknown']);
    for (const form of forms) expect(() => parseDuration(form)).not.toThrow();
  });

  it('throws an Error subclass so callers can catch it generically', () => {
    let caught: unknown;
    try {
      parseDuration('45');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(Error);
    expect(caught).toBeInstanceOf(DurationSyntaxError);
    expect((caught as Error).message).toContain('"45"');
  });
});

describe('formatDuration', () => {
  it.each([
    [270, '4h 30m'],
    [240, '4h'],
    [45, '45m'],
    [1, '1m'],
    [60, '1h'],
    [1440, '1d'],
    [2880, '2d'],
    [3000, '2d 2h'],
    [1800, '1d 6h'],
  ])('shows %s minutes as %s', (minutes, text) => {
    expect(formatDuration(minutes)).toBe(text);
  });

  it('shows the two largest units that are not zero', () => {
    expect(formatDuration(1815)).toBe('1d 6h');
    expect(formatDuration(1499)).toBe('1d 59m');
    expect(formatDuration(24 * 60 + 11)).toBe('1d 11m');
    expect(formatDuration(3 * 1440 + 5 * 60 + 7)).toBe('3d 5h');
  });

  it('shows durations under a minute in seconds', () => {
    expect(formatDuration(0.5)).toBe('30s');
    expect(formatDuration(0.025)).toBe('2s');
    expect(formatDuration(0)).toBe('0s');
  });

  it('rounds to the nearest minute from one minute up', () => {
    expect(formatDuration(44.4)).toBe('44m');
    expect(formatDuration(44.6)).toBe('45m');
    expect(formatDuration(59.6)).toBe('1h');
  });

  it('shows null as unknown', () => {
    expect(formatDuration(null)).toBe('unknown');
  });

  it('round-trips what parseDuration reads', () => {
    expect(formatDuration(parseDuration('P1DT6H'))).toBe('1d 6h');
    expect(formatDuration(parseDuration('unknown'))).toBe('unknown');
  });
});

describe('isoDuration', () => {
  it.each([
    [270, 'PT4H30M'],
    [240, 'PT4H'],
    [45, 'PT45M'],
    [1.5, 'PT1M30S'],
    [0.5, 'PT30S'],
    [2880, 'PT48H'],
    [61, 'PT1H1M'],
  ])('writes %s minutes as %s', (minutes, iso) => {
    expect(isoDuration(minutes)).toBe(iso);
  });

  it('writes zero as PT0S, never the invalid PT', () => {
    expect(isoDuration(0)).toBe('PT0S');
  });

  it('rounds to whole seconds', () => {
    expect(isoDuration(0.0251)).toBe('PT2S');
  });

  it('gives text that parseDuration reads back to the same minutes', () => {
    for (const minutes of [0, 0.5, 1.5, 45, 270, 2880, 1501]) {
      expect(parseDuration(isoDuration(minutes))).toBe(minutes);
    }
  });
});

describe('formatIncidentDuration', () => {
  const DAY = 1440;

  it('shows an exact duration as formatDuration does', () => {
    expect(formatIncidentDuration({ kind: 'exact', minutes: 270 })).toBe('4h 30m');
  });

  it('shows a narrow range as about its midpoint, saying where it came from', () => {
    expect(formatIncidentDuration({ kind: 'range', min: 6 * DAY, max: 8 * DAY, from: 'day' })).toBe('about 7 days, from dates');
  });

  it('shows a range that may be nothing as an upper bound', () => {
    expect(formatIncidentDuration({ kind: 'range', min: 0, max: 2 * DAY, from: 'day' })).toBe('under 2 days, from dates');
  });

  it('shows a wide range by both ends, the unit said once when they share it', () => {
    expect(formatIncidentDuration({ kind: 'range', min: 150 * DAY, max: 240 * DAY, from: 'month' })).toBe('5 to 8 months, from months');
    expect(formatIncidentDuration({ kind: 'range', min: 14 * 60, max: 38 * 60, from: 'day' })).toBe('14 hours to 2 days, from dates');
  });

  it('names years as the source when a year was all that was given', () => {
    expect(formatIncidentDuration({ kind: 'range', min: 150 * DAY, max: 548 * DAY, from: 'year' })).toBe('5 months to 1.5 years, from years');
  });

  it('shows unknown as unknown', () => {
    expect(formatIncidentDuration({ kind: 'unknown' })).toBe('unknown');
  });
});

describe('approximately', () => {
  it.each([
    [0.2, '1 minute'],
    [45, '45 minutes'],
    [14 * 60, '14 hours'],
    [7 * 1440, '7 days'],
    [183 * 1440, '6 months'],
    [548 * 1440, '1.5 years'],
    [365.25 * 1440 * 2, '2 years'],
  ])('reads %s minutes as %s', (minutes, text) => {
    expect(approximately(minutes)).toBe(text);
  });
});

describe('estimateMinutes', () => {
  it('gives the exact value, the midpoint of a range, or null', () => {
    expect(estimateMinutes({ kind: 'exact', minutes: 30 })).toBe(30);
    expect(estimateMinutes({ kind: 'range', min: 60, max: 180, from: 'day' })).toBe(120);
    expect(estimateMinutes({ kind: 'unknown' })).toBeNull();
  });
});
