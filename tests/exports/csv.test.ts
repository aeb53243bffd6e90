import { describe, expect, it } from 'vitest';
import { csvField, incidentsCsv, toCsv, CSV_COLUMNS } from '../../src/lib/exports/csv';
import type { ExportedIncident } from '../../src/lib/exports/incident-record';

describe('toCsv', () => {
  it('writes RFC 4180: CRLF records, quoted fields with commas, quotes and line breaks, quotes doubled', () => {
    expect(toCsv([['a', 'b,c'], ['say "hi"', 'two\nlines']])).toBe('a,"b,c"\r\n"say ""hi""","two\nlines"\r\n');
  });

  it('keeps a spreadsheet from running a field as a formula', () => {
    for (const value of ['=HYPERLINK("x")', '+1', '-cmd', '@SUM(A1)', '\tx']) expect(csvField(value).replace(/^"|"$/g, '').startsWith("'"), value).toBe(true);
    expect(csvField('\rcmd')).toBe(`"'\rcmd"`);
    expect(csvField('plain text')).toBe('plain text');
    expect(csvField('a = b')).toBe('a = b');
  });
});

describe('incidentsCsv', () => {
  const incident: ExportedIncident = {
    slug: '2017-01-31-a',
    url: 'https://kb.example.org/incidents/2017-01-31-a/',
    title: 'Database, deleted',
    summary: 'An engineer ran "rm -rf".',
    started: { text: '2017-01-31', precision: 'day', iso: '2017-01-31' },
    duration: { kind: 'range', text: 'about 1 day, from dates', minMinutes: 0, maxMinutes: 2880 },
    impact: 'critical',
    patterns: [{ id: 'untested-backups', title: 'Untested backups' }, { id: 'human-error', title: 'Human error' }],
    services: ['db', 'backups'],
    signals: [],
    sources: [],
    related: [],
    copyOf: '2017-02-01-b',
  };

  it('gives a header row and one row per incident, lists joined with ";" and ranges as their bounds', () => {
    const [header, row] = incidentsCsv([incident]).split('\r\n');
    expect(header).toBe(CSV_COLUMNS.join(','));
    expect(CSV_COLUMNS).toEqual(expect.arrayContaining(['started_precision', 'ended_precision', 'duration_min_minutes', 'duration_max_minutes', 'copy_of']));
    expect(row).toBe('2017-01-31-a,https://kb.example.org/incidents/2017-01-31-a/,"Database, deleted",,2017-01-31,day,,,"about 1 day, from dates",0,2880,critical,untested-backups;human-error,db;backups,,,2017-02-01-b,"An engineer ran ""rm -rf""."');
  });

  it('gives an end with its precision, and leaves both empty when the writeup gives only a duration', () => {
    // No comma in any field, so the rows split on commas.
    const plain: ExportedIncident = { ...incident, title: 'Database deleted', duration: { kind: 'unknown', text: 'unknown' } };
    const ended: ExportedIncident = { ...plain, ended: { text: '2017-02-01T10:00Z', precision: 'minute', iso: '2017-02-01T10:00:00Z' } };
    const [header, withEnd, withoutEnd] = incidentsCsv([ended, plain]).split('\r\n').map((line) => line.split(','));
    const column = (name: string) => header!.indexOf(name);
    expect([withEnd![column('ended')], withEnd![column('ended_precision')]]).toEqual(['2017-02-01T10:00:00Z', 'minute']);
    expect([withoutEnd![column('ended')], withoutEnd![column('ended_precision')]]).toEqual(['', '']);
  });
});
