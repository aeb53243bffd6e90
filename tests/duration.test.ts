import { describe, expect, it } from 'vitest';
import { DurationSyntaxError, formatDuration, isoDuration, parseDuration } from '../src/lib/duration';

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

  it('shows at most two units, dropping minutes once there are days', () => {
    expect(formatDuration(1815)).toBe('1d 6h');
    expect(formatDuration(1499)).toBe('1d');
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
