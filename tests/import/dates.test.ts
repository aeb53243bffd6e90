import { describe, expect, it } from 'vitest';
import { corpusTime, dateInTitle, dateInUrl } from '../../src/commands/import/dates';
import type { TimePoint } from '../../src/lib/time-point';

/** The text and precision of a time point: what a reader is shown. */
const shown = (time: TimePoint | undefined) => (time ? { text: time.text, precision: time.precision } : undefined);
const startOf = (time: TimePoint | undefined) => (time && time.precision !== 'unknown' ? time.start : undefined);

describe('corpusTime', () => {
  it('reads midnight UTC as a bare day, since that is how the corpus writes a day', () => {
    expect(shown(corpusTime('2019-07-02T00:00:00Z'))).toEqual({ text: '2019-07-02', precision: 'day' });
  });

  it('reads 23:59:59 UTC ("end of that day") as a bare day too', () => {
    expect(shown(corpusTime('2019-07-02T23:59:59Z'))).toEqual({ text: '2019-07-02', precision: 'day' });
  });

  it('reads the Date objects YAML produces the same way as the strings', () => {
    expect(shown(corpusTime(new Date(Date.UTC(2019, 6, 2))))).toEqual({ text: '2019-07-02', precision: 'day' });
    expect(shown(corpusTime(new Date(Date.UTC(2019, 6, 2, 23, 59, 59))))).toEqual({ text: '2019-07-02', precision: 'day' });
    expect(shown(corpusTime(new Date(Date.UTC(2019, 6, 2, 10, 30))))).toEqual({ text: '2019-07-02T10:30:00Z', precision: 'second' });
  });

  it('keeps a real time of day in UTC, to the second', () => {
    const time = corpusTime('2019-07-02T10:30:00Z');
    expect(shown(time)).toEqual({ text: '2019-07-02T10:30:00Z', precision: 'second' });
    expect(startOf(time)).toBe(Date.UTC(2019, 6, 2, 10, 30));
  });

  it('keeps the offset a timestamp was written with, and the instant it names', () => {
    const east = corpusTime('2019-07-02T10:30:00+02:00');
    expect(shown(east)).toEqual({ text: '2019-07-02T10:30:00+02:00', precision: 'second' });
    expect(startOf(east)).toBe(Date.UTC(2019, 6, 2, 8, 30));
    const west = corpusTime('2019-07-02T10:30:00-07:00');
    expect(shown(west)).toEqual({ text: '2019-07-02T10:30:00-07:00', precision: 'second' });
    expect(startOf(west)).toBe(Date.UTC(2019, 6, 2, 17, 30));
  });

  it('gives nothing for a missing, empty or unreadable value', () => {
    expect(corpusTime(undefined)).toBeUndefined();
    expect(corpusTime(null)).toBeUndefined();
    expect(corpusTime('')).toBeUndefined();
    expect(corpusTime('sometime last week')).toBeUndefined();
    expect(corpusTime(new Date('not a date'))).toBeUndefined();
  });

  it('reads the literal "unknown" as an unknown time', () => {
    expect(corpusTime('unknown')).toEqual({ text: 'unknown', precision: 'unknown' });
  });

  it('does not depend on the machine\'s time zone', () => {
    expect(process.env.TZ).toBe('America/Los_Angeles'); // set by vitest.config.ts for this reason
    expect(shown(corpusTime('2019-01-01T00:00:00Z'))).toEqual({ text: '2019-01-01', precision: 'day' });
    expect(shown(corpusTime(new Date(Date.UTC(2019, 0, 1, 7, 59, 59))))).toEqual({ text: '2019-01-01T07:59:59Z', precision: 'second' });
  });

  // Bug: `new Date('2019-07')` is midnight UTC on the 1st, so a month (or a year) is padded into a
  // day nobody wrote; time-point.ts: "a postmortem that only says June 2013 must never be shown
  // as 2013-06-01".
  it('keeps month and year precision instead of inventing the first day', () => {
    expect(shown(corpusTime('2019-07'))).toEqual({ text: '2019-07', precision: 'month' });
    expect(shown(corpusTime('2019'))).toEqual({ text: '2019', precision: 'year' });
  });

  // Bug: a timestamp without a zone goes through `new Date(string)`, which reads it in the
  // machine's local zone, so the instant depends on where the import runs (here 17:30Z, not 10:30Z).
  it('never reads a timestamp without a zone in the machine\'s local time', () => {
    const time = corpusTime('2019-07-02T10:30:00');
    expect(time === undefined || startOf(time) === Date.UTC(2019, 6, 2, 10, 30)).toBe(true);
  });
});

describe('dateInTitle', () => {
  it('finds an ISO date', () => {
    expect(shown(dateInTitle('Outage on 2019-07-02: writes failed'))).toEqual({ text: '2019-07-02', precision: 'day' });
  });

  it('finds "July 2, 2019" with or without the comma and ordinal', () => {
    for (const title of ['Outage of July 2, 2019', 'Outage of July 2 2019', 'Outage of July 2nd, 2019', 'JULY 2, 2019 OUTAGE']) {
      expect(shown(dateInTitle(title))).toEqual({ text: '2019-07-02', precision: 'day' });
    }
  });

  it('finds "2 July 2019"', () => {
    expect(shown(dateInTitle('Incident report, 2 July 2019'))).toEqual({ text: '2019-07-02', precision: 'day' });
    expect(shown(dateInTitle('Incident report, 14 December, 2020'))).toEqual({ text: '2020-12-14', precision: 'day' });
  });

  it('finds a month and year at month precision', () => {
    expect(shown(dateInTitle('Service degradation (August 2022)'))).toEqual({ text: '2022-08', precision: 'month' });
    expect(shown(dateInTitle('Postmortem for May, 2016'))).toEqual({ text: '2016-05', precision: 'month' });
  });

  it('finds a bare year at year precision', () => {
    expect(shown(dateInTitle('The 2017 storage outage'))).toEqual({ text: '2017', precision: 'year' });
  });

  it('prefers the most precise date form', () => {
    expect(shown(dateInTitle('2018 review: the outage of March 3, 2018'))).toEqual({ text: '2018-03-03', precision: 'day' });
  });

  it('does not take other numbers for years', () => {
    expect(dateInTitle('1500 servers lost power')).toBeUndefined();
    expect(dateInTitle('HTTP 503 from the API')).toBeUndefined();
    expect(dateInTitle('20170 requests dropped')).toBeUndefined();
  });

  it('gives nothing for a title without a date', () => {
    expect(dateInTitle('Writes to the primary time out')).toBeUndefined();
    expect(dateInTitle('')).toBeUndefined();
  });

  it('gives no date rather than an impossible one', () => {
    expect(dateInTitle('Outage on 2019-02-30')).toBeUndefined();
  });
});

describe('dateInUrl', () => {
  it('finds a /YYYY/MM/DD/ blog path', () => {
    expect(shown(dateInUrl('https://blog.example.com/2018/08/05/database-outage/'))).toEqual({ text: '2018-08-05', precision: 'day' });
  });

  it('finds a dashed date in a path segment', () => {
    expect(shown(dateInUrl('https://example.com/posts/2018-08-05-database-outage'))).toEqual({ text: '2018-08-05', precision: 'day' });
  });

  it('finds a /YYYY/MM/ path at month precision', () => {
    expect(shown(dateInUrl('https://example.com/blog/2018/08/database-outage'))).toEqual({ text: '2018-08', precision: 'month' });
  });

  it('ignores digits in the host name', () => {
    expect(dateInUrl('https://2018-08-05.example.com/outage')).toBeUndefined();
  });

  it('ignores impossible months and paths without dates', () => {
    expect(dateInUrl('https://example.com/2018/13/05/outage/')).toBeUndefined();
    expect(dateInUrl('https://example.com/incidents/1234/')).toBeUndefined();
    expect(dateInUrl('not a url')).toBeUndefined();
  });

  it('gives no date rather than an impossible day', () => {
    expect(dateInUrl('https://example.com/2018/02/31/outage/')).toBeUndefined();
  });
});
