import { describe, expect, it } from 'vitest';
import { lineBefore, type MeasuredRun } from '../../bench/support/measured-run';

const run = (lines: [number, string][]): MeasuredRun => ({ code: 0, seconds: 1, peakRssBytes: 0, peakAtMs: 0, lines: lines.map(([atMs, text]) => ({ atMs, text })) });

describe('lineBefore', () => {
  it('names the last line written before the moment, skipping blank lines', () => {
    const lines = run([[10, '[build] Building static entrypoints...'], [20, '   '], [30, ''], [40, 'later']]);
    expect(lineBefore(lines, 35)).toBe('[build] Building static entrypoints...');
  });

  it('says nothing had been written yet when no line came before', () => {
    expect(lineBefore(run([[50, 'first']]), 10)).toBe('(nothing yet)');
  });
});
