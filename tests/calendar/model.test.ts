import { describe, expect, it } from 'vitest';
import { buildCalendar, entriesOfYear, patternCalendar, facetOptions, trailingWindow, windowText } from '../../src/lib/calendar/model';
import { incident } from '../helpers/incident-fixtures';

const DAY = 86_400_000;

describe('buildCalendar', () => {
  const calendar = buildCalendar([
    incident('2021-03-04-writes-time-out', { started: '2021-03-04T10:00:00Z', duration: '4h30m', impact: 'major', patterns: ['retry-storm'], services: ['postgres'] }),
    incident('2013-06-pool-deadlock', { started: '2013-06', duration: 'unknown', impact: 'minor', patterns: ['deadlock', 'retry-storm'], services: ['postgres', 'pgbouncer'] }),
    incident('2013-disk-full', { started: '2013', duration: '2d', impact: 'critical', patterns: ['capacity-limit'] }),
    incident('undated-lost-cluster', { started: 'unknown', duration: '1h', impact: 'critical', patterns: ['deadlock'] }),
  ]);

  it('draws every dated incident, oldest first, and lists the undated ones instead', () => {
    expect(calendar.entries.map((entry) => entry.slug)).toEqual(['2013-disk-full', '2013-06-pool-deadlock', '2021-03-04-writes-time-out']);
    expect(calendar.undated).toEqual([{ href: '/incidents/undated-lost-cluster/', title: 'Writes to the primary time out', patterns: ['deadlock'] }]);
  });

  it('names each box by title, then date at its precision, duration and impact', () => {
    const [year, month, day] = calendar.entries;
    expect(day!.label).toBe('Writes to the primary time out\n4 Mar 2021, 10:00 UTC · lasted 4h 30m · impact major');
    expect(month!.label).toBe('Writes to the primary time out\nJun 2013 (day not known) · duration unknown · impact minor');
    expect(year!.label).toBe('Writes to the primary time out\n2013 (month not known) · lasted 2d · impact critical');
  });

  it('keeps the start month for the filter, unless only the year is known', () => {
    expect(calendar.entries.map((entry) => entry.month)).toEqual([null, 6, 3]);
  });

  it('pages the newest year at /calendar/ and every other year at /calendar/<year>/', () => {
    expect(calendar.years.map(({ year, href, count }) => [year, href, count])).toEqual([
      [2021, '/calendar/', 1],
      [2013, '/calendar/2013/', 2],
    ]);
  });

  it('counts patterns per year and overall, leaving undated incidents out', () => {
    expect(Object.fromEntries(calendar.years[1]!.patterns)).toEqual({ deadlock: 1, 'retry-storm': 1, 'capacity-limit': 1 });
    expect(Object.fromEntries(calendar.patterns)).toEqual({ 'retry-storm': 2, deadlock: 1, 'capacity-limit': 1 });
  });

  it('counts services per year and overall, for the service highlight', () => {
    expect(Object.fromEntries(calendar.years[1]!.services)).toEqual({ postgres: 1, pgbouncer: 1 });
    expect(facetOptions(calendar, 'service')).toEqual([
      { id: 'pgbouncer', title: 'pgbouncer', count: 1 },
      { id: 'postgres', title: 'postgres', count: 2 },
    ]);
    expect(calendar.entries.find((entry) => entry.slug === '2013-06-pool-deadlock')?.services).toEqual(['postgres', 'pgbouncer']);
  });

  it('gives the entries of one year', () => {
    expect(entriesOfYear(calendar, 2013).map((entry) => entry.slug)).toEqual(['2013-disk-full', '2013-06-pool-deadlock']);
  });

  it('offers the patterns of dated incidents in the filter, by title, with their counts', () => {
    const titles = new Map([
      ['retry-storm', 'Retry storm'],
      ['deadlock', 'Deadlock'],
    ]);
    expect(facetOptions(calendar, 'pattern', titles)).toEqual([
      { id: 'capacity-limit', title: 'capacity-limit', count: 1 },
      { id: 'deadlock', title: 'Deadlock', count: 1 },
      { id: 'retry-storm', title: 'Retry storm', count: 2 },
    ]);
  });

  it('gives a pattern its years oldest first, linked to the filtered year pages, and its undated count', () => {
    const deadlock = patternCalendar(calendar, 'deadlock');
    expect(deadlock.years).toEqual([{ year: 2013, href: '/calendar/2013/?pattern=deadlock' }]);
    expect(deadlock.entries.map((entry) => entry.slug)).toEqual(['2013-06-pool-deadlock']);
    expect(deadlock.undated).toBe(1);
    expect(patternCalendar(calendar, 'retry-storm').years.map((year) => year.href)).toEqual(['/calendar/2013/?pattern=retry-storm', '/calendar/?pattern=retry-storm']);
  });

  it('has no years when no incident has a date', () => {
    expect(buildCalendar([incident('undated-x', { started: 'unknown' })]).years).toEqual([]);
  });
});

describe('trailingWindow', () => {
  const { entries } = buildCalendar([
    incident('2025-01-14-a', { started: '2025-01-14T11:00:00Z' }),
    incident('2025-01-16-b', { started: '2025-01-16T17:30:00Z' }),
    incident('2025-02-month-only', { started: '2025-02', duration: 'unknown' }),
  ]);

  it('ends on the newest incident’s day when the data is not live', () => {
    const window = trailingWindow(entries, Date.UTC(2026, 10, 21, 12));
    expect(window).toEqual({ start: Date.UTC(2025, 0, 3), days: 14, live: false });
    expect(windowText(window)).toBe('3 Jan 2025 – 16 Jan 2025');
  });

  it('ends today while an incident falls within the last 14 days', () => {
    const now = Date.UTC(2025, 0, 29, 8);
    expect(trailingWindow(entries, now)).toEqual({ start: Date.UTC(2025, 0, 16), days: 14, live: true });
    expect(trailingWindow(entries, now + DAY).live).toBe(false);
  });

  it('counts today by the UTC day, whatever the local zone', () => {
    // 23:30 in Los Angeles on 28 January is already the 29th in UTC.
    expect(trailingWindow(entries, Date.parse('2025-01-28T23:30:00-08:00')).start).toBe(Date.UTC(2025, 0, 16));
  });

  it('reaches forward to an incident dated after today', () => {
    expect(trailingWindow(entries, Date.UTC(2025, 0, 10)).start).toBe(Date.UTC(2025, 0, 3));
  });

  it('ends today when no incident has a known day', () => {
    expect(trailingWindow([], Date.UTC(2025, 5, 30, 12))).toEqual({ start: Date.UTC(2025, 5, 17), days: 14, live: true });
  });
});
