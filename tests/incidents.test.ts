import { describe, expect, it } from 'vitest';
import {
  countByPattern,
  incidentDuration,
  incidentsWithPattern,
  isPublished,
  neighbours,
  newestFirst,
  startedAt,
} from '../src/lib/incidents';
import { incident, incidentData, ids } from './helpers/incident-fixtures';

/** Data with `started`/`ended` and no stated duration. */
const span = (started: string, ended: string) => incidentData({ started, ended, duration: undefined });

describe('incidentDuration', () => {
  const exact = (minutes: number) => ({ kind: 'exact', minutes });

  it('uses the stated duration', () => {
    expect(incidentDuration(incidentData({ duration: '4h30m' }))).toEqual(exact(270));
  });

  it('prefers the stated duration to ended minus started', () => {
    expect(incidentDuration(incidentData({ started: '2017-01-31T10:00Z', ended: '2017-01-31T12:00Z', duration: '2h1m' }))).toEqual(exact(121));
  });

  it('derives the duration from exact start and end times', () => {
    expect(incidentDuration(span('2017-01-31T23:00Z', '2017-02-01T03:30Z'))).toEqual(exact(270));
    expect(incidentDuration(span('2017-01-31T23:00:00Z', '2017-01-31T23:00:30Z'))).toEqual(exact(0.5));
  });

  it('derives the duration across offsets in UTC', () => {
    expect(incidentDuration(span('2017-01-31T23:00-08:00', '2017-02-01T08:00Z'))).toEqual(exact(60));
  });

  it('gives a range for dates rather than dropping the duration or inventing an exact one', () => {
    expect(incidentDuration(span('2022-04-07', '2022-04-14'))).toEqual({ kind: 'range', min: 6 * 1440, max: 8 * 1440, from: 'day' });
    expect(incidentDuration(span('2017-01', '2017-02'))).toMatchObject({ kind: 'range', from: 'month' });
    expect(incidentDuration(span('2017-01-31T23:00Z', '2017-02-01'))).toMatchObject({ kind: 'range', from: 'day' });
  });

  it('is unknown for an unknown start or an unknown duration', () => {
    expect(incidentDuration(span('unknown', '2017-02-01T03:30Z'))).toEqual({ kind: 'unknown' });
    expect(incidentDuration(incidentData({ duration: 'unknown' }))).toEqual({ kind: 'unknown' });
  });
});

describe('startedAt', () => {
  it('gives the start instant, or -Infinity when unknown', () => {
    expect(startedAt(incidentData({ started: '2017-01-31' }))).toBe(Date.UTC(2017, 0, 31));
    expect(startedAt(incidentData({ started: 'unknown' }))).toBe(-Infinity);
  });
});

describe('newestFirst', () => {
  it('orders by start, newest first, across precisions', () => {
    const sorted = newestFirst([
      incident('2013-old', { started: '2013' }),
      incident('2017-01-31-exact', { started: '2017-01-31T23:00Z' }),
      incident('2017-02-new', { started: '2017-02' }),
      incident('2017-01-31-day', { started: '2017-01-31' }),
    ]);
    expect(ids(sorted)).toEqual(['2017-02-new', '2017-01-31-exact', '2017-01-31-day', '2013-old']);
  });

  it('puts unknown dates last', () => {
    const sorted = newestFirst([
      incident('undated-a', { started: 'unknown' }),
      incident('1999-old', { started: '1999' }),
      incident('2017-new', { started: '2017' }),
    ]);
    expect(ids(sorted)).toEqual(['2017-new', '1999-old', 'undated-a']);
  });

  it('breaks ties by slug, whatever the input order', () => {
    const a = incident('2017-01-31-a', { started: '2017-01-31' });
    const b = incident('2017-01-31-b', { started: '2017-01-31' });
    const c = incident('2017-01-31-c', { started: '2017-01-31' });
    expect(ids(newestFirst([c, a, b]))).toEqual(['2017-01-31-a', '2017-01-31-b', '2017-01-31-c']);
    expect(ids(newestFirst([b, c, a]))).toEqual(['2017-01-31-a', '2017-01-31-b', '2017-01-31-c']);
  });

  it('breaks ties among unknown dates by slug too', () => {
    const sorted = newestFirst([
      incident('undated-c', { started: 'unknown' }),
      incident('undated-a', { started: 'unknown' }),
      incident('undated-b', { started: 'unknown' }),
    ]);
    expect(ids(sorted)).toEqual(['undated-a', 'undated-b', 'undated-c']);
  });

  it('compares instants, not written text', () => {
    const sorted = newestFirst([
      incident('2017-01-31-la', { started: '2017-01-31T23:00-08:00' }), // 07:00Z on 1 Feb
      incident('2017-02-01-utc', { started: '2017-02-01T06:00Z' }),
    ]);
    expect(ids(sorted)).toEqual(['2017-01-31-la', '2017-02-01-utc']);
  });

  it('does not change the list it is given', () => {
    const input = [incident('a', { started: '2013' }), incident('b', { started: '2017' })];
    newestFirst(input);
    expect(ids(input)).toEqual(['a', 'b']);
  });
});

describe('neighbours', () => {
  const ordered = [incident('c', { started: '2019' }), incident('b', { started: '2018' }), incident('a', { started: '2017' })];

  it('gives the older and newer incident around one in the middle', () => {
    const { older, newer } = neighbours(ordered, 1);
    expect(older?.id).toBe('a');
    expect(newer?.id).toBe('c');
  });

  it('gives only an older one for the newest and only a newer one for the oldest', () => {
    expect(neighbours(ordered, 0)).toEqual({ older: ordered[1] });
    expect(neighbours(ordered, 2)).toEqual({ newer: ordered[1] });
  });

  it('gives nothing for a position outside the list, or in a list of one', () => {
    expect(neighbours(ordered, 3)).toEqual({});
    expect(neighbours(ordered, -1)).toEqual({});
    expect(neighbours([ordered[0]!], 0)).toEqual({});
  });
});

describe('countByPattern', () => {
  it('counts incidents per pattern id', () => {
    const counts = countByPattern([
      incident('a', { patterns: ['retry-storm', 'cascading-failure'] }),
      incident('b', { patterns: ['retry-storm'] }),
      incident('c', { patterns: ['deadlock'] }),
    ]);
    expect(Object.fromEntries(counts)).toEqual({ 'retry-storm': 2, 'cascading-failure': 1, deadlock: 1 });
  });

  it('gives an empty map for no incidents', () => {
    expect(countByPattern([]).size).toBe(0);
  });
});

describe('incidentsWithPattern', () => {
  it('keeps incidents with the pattern, newest first', () => {
    const list = [
      incident('old', { started: '2013', patterns: ['retry-storm'] }),
      incident('other', { started: '2018', patterns: ['deadlock'] }),
      incident('new', { started: '2017', patterns: ['deadlock', 'retry-storm'] }),
    ];
    expect(ids(incidentsWithPattern(list, 'retry-storm'))).toEqual(['new', 'old']);
    expect(ids(incidentsWithPattern(list, 'dns-failure'))).toEqual([]);
  });

  it('matches whole pattern ids, not parts of them', () => {
    expect(incidentsWithPattern([incident('a', { patterns: ['retry-storm'] })], 'retry')).toEqual([]);
  });
});

describe('isPublished', () => {
  it('hides drafts in production only', () => {
    expect(isPublished(incidentData({ draft: true }), true)).toBe(false);
    expect(isPublished(incidentData({ draft: true }), false)).toBe(true);
    expect(isPublished(incidentData({ draft: false }), true)).toBe(true);
    expect(isPublished(incidentData(), true)).toBe(true);
  });
});
