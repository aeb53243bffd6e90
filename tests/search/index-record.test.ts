import { describe, expect, it } from 'vitest';
import { META_LIST_SEPARATOR, META_WEIGHTS, SEARCH_FACETS, searchRecord, UNDATED, type PatternInfo } from '../../src/lib/search/index-record';
import { incident } from '../helpers/incident-fixtures';

const PATTERNS = new Map<string, PatternInfo>([
  ['retry-storm', { title: 'Retry storm', aliases: ['thundering herd', 'reconnect storm'] }],
  ['dns-failure', { title: 'DNS failure', aliases: [] }],
  ['deadlock', { title: 'Deadlock', aliases: ['lock contention'] }],
]);

describe('searchRecord', () => {
  it('describes a dated incident: display metadata, filter values and an ISO sort key', () => {
    const record = searchRecord(
      incident('2017-01-31-writes-time-out', {
        patterns: ['retry-storm', 'dns-failure'],
        services: ['postgres', 'pgbouncer'],
        organization: 'Example Corp',
      }),
      PATTERNS,
    );
    expect(record).toEqual({
      meta: {
        date: '31 Jan 2017, 23:00 UTC',
        datetime: '2017-01-31T23:00:00Z',
        duration: '45m',
        impact: 'major',
        pattern_ids: 'retry-storm|dns-failure',
        patterns: 'Retry storm|DNS failure',
        aliases: 'thundering herd|reconnect storm',
        organization: 'Example Corp',
      },
      filters: {
        pattern: ['retry-storm', 'dns-failure'],
        service: ['postgres', 'pgbouncer'],
        impact: ['major'],
        year: ['2017'],
        organization: ['Example Corp'],
      },
      sortDate: '2017-01-31T23:00:00.000Z',
    });
  });

  it('files an undated incident under year "unknown" and sorts it as oldest', () => {
    const record = searchRecord(incident('undated-lost-writes', { started: 'unknown', duration: 'unknown', patterns: ['deadlock'] }), PATTERNS);
    expect(record.meta.date).toBe('unknown');
    expect(record.meta.datetime).toBe('');
    expect(record.meta.duration).toBe('unknown');
    expect(record.filters.year).toEqual([UNDATED]);
    expect(UNDATED).toBe('unknown');
    expect(record.sortDate).toBe('0000');
    expect(record.sortDate < '1970-01-01T00:00:00.000Z').toBe(true);
  });

  it('keeps a month-precision start at month precision in the text it shows', () => {
    const record = searchRecord(incident('2013-06-dns-outage', { started: '2013-06', duration: '2d', patterns: ['dns-failure'] }), PATTERNS);
    expect(record.meta.date).toBe('Jun 2013');
    expect(record.meta.datetime).toBe('2013-06');
    expect(record.meta.duration).toBe('2d');
    expect(record.filters.year).toEqual(['2013']);
    expect(record.sortDate).toBe('2013-06-01T00:00:00.000Z');
  });

  it('computes the duration from exact start and end when none is stated', () => {
    const record = searchRecord(
      incident('2017-01-31-x', { duration: undefined, started: '2017-01-31T23:00:00Z', ended: '2017-02-01T03:30:00Z' }),
      PATTERNS,
    );
    expect(record.meta.duration).toBe('4h 30m');
  });

  it('files an incident under the UTC year it started in', () => {
    const record = searchRecord(incident('2017-01-01-x', { started: '2017-01-01T01:00:00+02:00' }), PATTERNS);
    expect(record.filters.year).toEqual(['2016']);
    expect(record.meta.datetime).toBe('2016-12-31T23:00:00Z');
  });

  it('leaves out the organization when the writeup names none', () => {
    const record = searchRecord(incident('2017-01-31-x'), PATTERNS);
    expect(record.meta).not.toHaveProperty('organization');
    expect(record.filters.organization).toEqual([]);
    expect(record.filters.service).toEqual([]);
  });

  it('shows a pattern missing from the table by its id, with no aliases', () => {
    const record = searchRecord(incident('2017-01-31-x', { patterns: ['made-up-pattern', 'deadlock'] }), PATTERNS);
    expect(record.meta.patterns).toBe('made-up-pattern|Deadlock');
    expect(record.meta.aliases).toBe('lock contention');
  });

  it('joins list metadata with the documented separator', () => {
    expect(META_LIST_SEPARATOR).toBe('|');
  });

  it('writes only metadata fields that have a search weight, and one filter list per facet', () => {
    const record = searchRecord(incident('2017-01-31-x', { organization: 'Example Corp' }), PATTERNS);
    for (const key of Object.keys(record.meta)) expect(META_WEIGHTS).toHaveProperty(key);
    expect(Object.keys(record.filters)).toEqual([...SEARCH_FACETS]);
  });

  it('gives display-only fields no search weight and pattern names and aliases the most', () => {
    for (const key of ['date', 'datetime', 'duration', 'impact', 'pattern_ids']) expect(META_WEIGHTS[key]).toBe(0);
    expect(META_WEIGHTS.patterns).toBeGreaterThan(META_WEIGHTS.title!);
    expect(META_WEIGHTS.aliases).toBeGreaterThan(META_WEIGHTS.title!);
  });
});
