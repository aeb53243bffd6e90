import { describe, expect, it } from 'vitest';
import { patternLinks, toIncidentRow } from '../src/lib/incident-row';
import { incident } from './helpers/incident-fixtures';

const TITLES = new Map([
  ['retry-storm', 'Retry storm'],
  ['cascading-failure', 'Cascading failure'],
]);

describe('patternLinks', () => {
  it('pairs each id with its title, in the order given, falling back to the id', () => {
    expect(patternLinks(['cascading-failure', 'nope'], TITLES)).toEqual([
      { id: 'cascading-failure', title: 'Cascading failure' },
      { id: 'nope', title: 'nope' },
    ]);
  });
});

describe('toIncidentRow', () => {
  it('prepares everything a row shows for an exact, fully described incident', () => {
    const row = toIncidentRow(
      incident('2017-01-31-writes-time-out', {
        title: 'Writes time out',
        summary: 'The pool was exhausted.',
        started: '2017-01-31T23:00-08:00',
        duration: '4h30m',
        impact: 'critical',
        organization: 'Example Corp',
        patterns: ['retry-storm', 'cascading-failure'],
      }),
      TITLES,
    );
    expect(row).toEqual({
      slug: '2017-01-31-writes-time-out',
      href: '/incidents/2017-01-31-writes-time-out/',
      title: 'Writes time out',
      summary: 'The pool was exhausted.',
      dateText: '1 Feb 2017, 07:00 UTC',
      dateTime: '2017-02-01T07:00:00Z',
      durationText: '4h 30m',
      durationIso: 'PT4H30M',
      impact: 'critical',
      organization: 'Example Corp',
      patterns: [
        { id: 'retry-storm', title: 'Retry storm' },
        { id: 'cascading-failure', title: 'Cascading failure' },
      ],
    });
  });

  it('derives the duration from exact start and end times', () => {
    const row = toIncidentRow(
      incident('2017-01-31-a', { started: '2017-01-31T10:00Z', ended: '2017-01-31T11:30Z', duration: undefined }),
      TITLES,
    );
    expect(row.durationText).toBe('1h 30m');
    expect(row.durationIso).toBe('PT1H30M');
  });

  it('keeps a coarse date at its precision and shows the duration it allows as a range', () => {
    const row = toIncidentRow(incident('2013-06-a', { started: '2013-06', ended: '2013-07', duration: undefined }), TITLES);
    expect(row.dateText).toBe('Jun 2013');
    expect(row.dateTime).toBe('2013-06');
    expect(row.durationText).toBe('under 2 months, from months');
    expect(row).not.toHaveProperty('durationIso');
  });

  it('says the duration is unknown when nothing gives it', () => {
    const row = toIncidentRow(incident('2013-06-a', { started: '2013-06', duration: 'unknown' }), TITLES);
    expect(row.durationText).toBe('duration unknown');
    expect(row).not.toHaveProperty('durationIso');
  });

  it('leaves out the machine date for an unknown start', () => {
    const row = toIncidentRow(incident('undated-a', { started: 'unknown', duration: 'unknown' }), TITLES);
    expect(row.dateText).toBe('unknown');
    expect(row).not.toHaveProperty('dateTime');
  });

  it('leaves out the organization when none is given', () => {
    expect(toIncidentRow(incident('2017-01-31-a'), TITLES)).not.toHaveProperty('organization');
  });
});
