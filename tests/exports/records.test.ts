import { describe, expect, it } from 'vitest';
import { toExportedIncident } from '../../src/lib/exports/incident-record';
import { incident } from '../helpers/incident-fixtures';

const context = {
  incidentUrl: (slug: string) => `https://kb.example.org/incidents/${slug}/`,
  patternTitles: new Map([['retry-storm', 'Retry storm']]),
  copies: new Map([['2020-01-02-copy', '2020-01-01-original']]),
};

describe('toExportedIncident', () => {
  it('gives times as written with their precision, and a duration from dates as the range it is', () => {
    const exported = toExportedIncident(incident('2020-01-02-copy', { started: '2020-01-02', ended: '2020-01-04', duration: undefined }), context);
    expect(exported.started).toEqual({ text: '2020-01-02', precision: 'day', iso: '2020-01-02' });
    expect(exported.duration.kind).toBe('range');
    expect(exported.duration.minMinutes).toBeLessThan(exported.duration.maxMinutes!);
    expect(exported.duration.text).toMatch(/about|from dates/);
    expect(exported.duration).toMatchObject({ minMinutes: 1440, maxMinutes: 4320 });
    expect(exported.patterns).toEqual([{ id: 'retry-storm', title: 'Retry storm' }]);
    expect(exported.copyOf).toBe('2020-01-01-original');
    expect(exported.url).toBe('https://kb.example.org/incidents/2020-01-02-copy/');
  });

  it('gives an exact duration with equal bounds, and no copy or end for an original without one', () => {
    const exported = toExportedIncident(incident('2021-05-05-x', { started: '2021-05-05T10:00Z', ended: '2021-05-05T11:30Z', duration: undefined }), context);
    expect(exported.duration).toEqual({ kind: 'exact', text: '1h 30m', minMinutes: 90, maxMinutes: 90 });
    expect(exported).not.toHaveProperty('copyOf');
    expect(toExportedIncident(incident('2021-05-06-y', { started: '2021-05-06' }), context)).not.toHaveProperty('ended');
  });

  it('rounds a range outward to whole minutes, so the true length is never outside the bounds', () => {
    // Started to the second, ended only as a date: 839.8 to 2279.8 minutes, then 839.2 to 2279.2.
    const range = (started: string) => toExportedIncident(incident('2021-05-05-z', { started, ended: '2021-05-06', duration: undefined }), context).duration;
    expect(range('2021-05-05T10:00:10Z')).toMatchObject({ kind: 'range', minMinutes: 839, maxMinutes: 2280 });
    expect(range('2021-05-05T10:00:50Z')).toMatchObject({ kind: 'range', minMinutes: 839, maxMinutes: 2280 });
  });

  it('refuses a pattern id that has no pattern, naming the writeup and the id', () => {
    expect(() => toExportedIncident(incident('2021-05-07-w', { patterns: ['no-such-pattern'] }), context)).toThrow(/2021-05-07-w: pattern "no-such-pattern"/);
  });
});
