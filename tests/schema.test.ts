import { describe, expect, it } from 'vitest';
import { z } from 'astro/zod';
import { describeFields, incidentSchema, MAX_SUMMARY_SENTENCES, patternSchema, sourceSchema, type IncidentInput } from '../src/lib/schema';
import { DURATION_FORMS } from '../src/lib/duration';
import { parseTimePoint } from '../src/lib/time-point';
import { incidentData, MINIMAL_INCIDENT, VALID_INCIDENT } from './helpers/incident-fixtures';

type Input = Record<string, unknown>;

/** The issues safeParse reports, as `{ path, message }`; an empty list when the input is valid. */
function issues(schema: z.ZodType, input: Input): { path: PropertyKey[]; message: string }[] {
  const result = schema.safeParse(input);
  return result.success ? [] : result.error.issues.map(({ path, message }) => ({ path, message }));
}

const incidentIssues = (input: Input) => issues(incidentSchema, input);
const without = (input: Input, key: string) => Object.fromEntries(Object.entries(input).filter(([k]) => k !== key));
/** The minimal writeup without its duration, so only started/ended are in play. */
const exact = (overrides: Input) => ({ ...without(MINIMAL_INCIDENT, 'duration'), ...overrides });

describe('incidentSchema', () => {
  it('accepts a complete writeup and parses times and duration', () => {
    const result = incidentSchema.safeParse(VALID_INCIDENT);
    expect(result.success).toBe(true);
    const data = result.data!;
    expect(data.title).toBe('Writes to the primary time out');
    expect(data.started).toEqual(parseTimePoint('2017-01-31T23:00:00Z'));
    expect(data.ended).toEqual(parseTimePoint('2017-02-01T03:30:00Z'));
    expect(data.duration).toEqual({ text: '4h30m', minutes: 270 });
    expect(data.sources).toEqual([{ title: 'Postmortem', url: 'https://example.com/postmortem' }]);
    expect(data.related).toEqual(['2016-05-01-earlier-pool-exhaustion']);
  });

  it('accepts YAML Date objects for started and ended', () => {
    const data = incidentData({
      started: new Date(Date.UTC(2017, 0, 31)),
      ended: new Date(Date.UTC(2017, 1, 1, 3, 30)),
      duration: undefined,
    });
    expect(data.started).toMatchObject({ text: '2017-01-31', precision: 'day' });
    expect(data.ended).toMatchObject({ text: '2017-02-01T03:30:00Z', precision: 'second' });
  });

  it('fills in defaults for optional lists and draft', () => {
    const data = incidentData();
    expect(data.services).toEqual([]);
    expect(data.signals).toEqual([]);
    expect(data.sources).toEqual([]);
    expect(data.related).toEqual([]);
    expect(data.draft).toBe(false);
    expect(data.ended).toBeUndefined();
    expect(data.organization).toBeUndefined();
  });

  it('trims the title and summary', () => {
    const data = incidentData({ title: '  Writes time out  ', summary: '  Pool exhausted.  ' });
    expect(data.title).toBe('Writes time out');
    expect(data.summary).toBe('Pool exhausted.');
  });

  it.each([['title'], ['summary'], ['started'], ['impact'], ['patterns']])(
    'rejects a writeup without the required field %s',
    (field) => {
      const found = incidentIssues(without(MINIMAL_INCIDENT, field));
      expect(found).toHaveLength(1);
      expect(found[0]!.path).toEqual([field]);
    },
  );

  it('rejects an empty title and an empty summary', () => {
    expect(incidentIssues({ ...MINIMAL_INCIDENT, title: '   ' }).map((i) => i.path)).toEqual([['title']]);
    expect(incidentIssues({ ...MINIMAL_INCIDENT, summary: '' })).toEqual([
      { path: ['summary'], message: 'write one to three sentences' },
    ]);
  });

  it('rejects an empty pattern list', () => {
    expect(incidentIssues({ ...MINIMAL_INCIDENT, patterns: [] })).toEqual([
      { path: ['patterns'], message: 'name at least one pattern' },
    ]);
  });

  it('rejects a pattern id that is not kebab-case', () => {
    expect(incidentIssues({ ...MINIMAL_INCIDENT, patterns: ['retry-storm', 'Retry Storm'] })).toEqual([
      { path: ['patterns', 1], message: 'a pattern id must be lowercase kebab-case, like retry-storm' },
    ]);
  });

  it('rejects a service that is not kebab-case', () => {
    expect(incidentIssues({ ...MINIMAL_INCIDENT, services: ['Postgres'] })).toEqual([
      { path: ['services', 0], message: 'a service must be lowercase kebab-case, like retry-storm' },
    ]);
  });

  it('rejects a related entry that is not an incident slug', () => {
    expect(incidentIssues({ ...MINIMAL_INCIDENT, related: ['writes-time-out'] })).toEqual([
      { path: ['related', 0], message: 'must be an incident slug like 2017-01-31-short-title' },
    ]);
  });

  it('rejects an unknown key', () => {
    const found = incidentIssues({ ...MINIMAL_INCIDENT, sumary: 'x' });
    expect(found).toHaveLength(1);
    expect(found[0]!.path).toEqual([]);
    expect(found[0]!.message).toContain('sumary');
  });

  it('rejects an unknown key inside a source', () => {
    const found = incidentIssues({ ...MINIMAL_INCIDENT, sources: [{ title: 'x', url: 'https://example.com', author: 'y' }] });
    expect(found.map((i) => i.path)).toEqual([['sources', 0]]);
  });

  it.each([
    ['impact', 'severe'],
    ['trigger', 'cosmic-rays'],
    ['detection', 'luck'],
  ])('rejects a %s outside its list of values', (field, value) => {
    expect(incidentIssues({ ...MINIMAL_INCIDENT, [field]: value }).map((i) => i.path)).toEqual([[field]]);
  });

  it('rejects a draft flag that is not a boolean', () => {
    expect(incidentIssues({ ...MINIMAL_INCIDENT, draft: 'yes' }).map((i) => i.path)).toEqual([['draft']]);
  });

  it('rejects an unreadable started, passing on the time parser message', () => {
    expect(incidentIssues({ ...MINIMAL_INCIDENT, started: '2017-01-31T23:00' })).toEqual([
      { path: ['started'], message: '"2017-01-31T23:00" has no time zone: add Z for UTC or an offset like +02:00' },
    ]);
  });

  it('rejects an unreadable duration, passing on the duration parser message', () => {
    expect(incidentIssues({ ...MINIMAL_INCIDENT, duration: '45' })).toEqual([
      { path: ['duration'], message: '"45" is not a duration: write it like 45m, 4h30m, 2d, 1d6h, PT4H30M, or unknown' },
    ]);
  });

  it('rejects ended: unknown, asking to leave the field out', () => {
    expect(incidentIssues({ ...MINIMAL_INCIDENT, ended: 'unknown' })).toEqual([
      { path: ['ended'], message: 'give a date, or leave the field out when it is not known' },
    ]);
  });

  it('rejects a writeup that ends before it starts', () => {
    expect(incidentIssues(exact({ started: '2017-01-31T23:00Z', ended: '2017-01-31T22:00Z' }))).toEqual([
      { path: ['ended'], message: '"ended" (2017-01-31T22:00Z) must be after "started" (2017-01-31T23:00Z)' },
    ]);
  });

  it('rejects a writeup that ends the instant it starts', () => {
    expect(incidentIssues(exact({ started: '2017-01-31T23:00Z', ended: '2017-01-31T23:00:00Z' })).map((i) => i.path)).toEqual([
      ['ended'],
    ]);
  });

  it('rejects a bare end date before a bare start date', () => {
    expect(incidentIssues(exact({ started: '2017-01-31', ended: '2017-01-30' })).map((i) => i.path)).toEqual([['ended']]);
  });

  it('reports only the order problem when ended is before started and duration disagrees too', () => {
    expect(
      incidentIssues({ ...MINIMAL_INCIDENT, started: '2017-01-31T23:00Z', ended: '2017-01-31T22:00Z', duration: '3d' }).map(
        (i) => i.path,
      ),
    ).toEqual([['ended']]);
  });

  it('accepts an ended that is after started without a duration', () => {
    expect(incidentIssues(exact({ ended: '2017-02-01T01:00Z' }))).toEqual([]);
  });

  it('rejects a duration that contradicts started and ended', () => {
    expect(
      incidentIssues({ ...MINIMAL_INCIDENT, started: '2017-01-31T10:00Z', ended: '2017-01-31T12:00Z', duration: '3h' }),
    ).toEqual([{ path: ['duration'], message: '"duration" 3h contradicts started/ended, which span 120 minutes' }]);
  });

  it('accepts a duration within one minute of ended minus started', () => {
    const base = { ...MINIMAL_INCIDENT, started: '2017-01-31T10:00Z', ended: '2017-01-31T12:00Z' };
    expect(incidentIssues({ ...base, duration: '2h' })).toEqual([]);
    expect(incidentIssues({ ...base, duration: '2h1m' })).toEqual([]);
    expect(incidentIssues({ ...base, duration: '1h59m' })).toEqual([]);
    expect(incidentIssues({ ...base, duration: 'PT2H' })).toEqual([]);
  });

  it('rejects a duration more than one minute off ended minus started', () => {
    const base = { ...MINIMAL_INCIDENT, started: '2017-01-31T10:00Z', ended: '2017-01-31T12:00Z' };
    expect(incidentIssues({ ...base, duration: '2h2m' }).map((i) => i.path)).toEqual([['duration']]);
    expect(incidentIssues({ ...base, duration: '1h58m' }).map((i) => i.path)).toEqual([['duration']]);
  });

  it('compares the duration with started and ended written in different offsets', () => {
    expect(
      incidentIssues({ ...MINIMAL_INCIDENT, started: '2017-01-31T23:00-08:00', ended: '2017-02-01T09:00+01:00', duration: '1h' }),
    ).toEqual([]);
  });

  it('accepts a duration that fits the range coarse dates allow', () => {
    expect(
      incidentIssues({ ...MINIMAL_INCIDENT, started: '2017-01-31', ended: '2017-02-01', duration: '30h' }),
    ).toEqual([]);
  });

  it('rejects a duration longer than coarse dates allow, giving the range', () => {
    expect(incidentIssues({ ...MINIMAL_INCIDENT, started: '2017-01-31', ended: '2017-02-01', duration: '3d' })).toEqual([
      { path: ['duration'], message: '"duration" 3d contradicts started/ended, which span between 0 and 2880 minutes' },
    ]);
  });

  it('skips the consistency check when the duration is unknown', () => {
    expect(
      incidentIssues({ ...MINIMAL_INCIDENT, started: '2017-01-31T10:00Z', ended: '2017-01-31T12:00Z', duration: 'unknown' }),
    ).toEqual([]);
  });

  it('requires ended or duration, reporting it on duration', () => {
    expect(incidentIssues(exact({}))).toEqual([
      { path: ['duration'], message: 'give "ended" or "duration" (write duration: unknown when neither is known)' },
    ]);
  });

  it('accepts duration: unknown alone', () => {
    const data = incidentData({ duration: 'unknown' });
    expect(data.duration).toEqual({ text: 'unknown', minutes: null });
    expect(data.ended).toBeUndefined();
  });

  it('accepts an unknown start with an end date, without comparing them', () => {
    expect(incidentIssues(exact({ started: 'unknown', ended: '2017-02-01' }))).toEqual([]);
  });

  it.each([['javascript:alert(1)'], ['ftp://example.com/postmortem'], ['data:text/html,<script>alert(1)</script>'], ['not a url']])(
    'rejects the source url %j',
    (url) => {
      const found = incidentIssues({ ...MINIMAL_INCIDENT, sources: [{ title: 'Postmortem', url }] });
      expect(found.length).toBeGreaterThan(0);
      for (const issue of found) expect(issue.path).toEqual(['sources', 0, 'url']);
      expect(found.map((i) => i.message).join(' ')).toMatch(/http\(s\)|URL/);
    },
  );

  it('accepts http and https source urls', () => {
    expect(
      incidentIssues({
        ...MINIMAL_INCIDENT,
        sources: [
          { title: 'A', url: 'http://example.com/a' },
          { title: 'B', url: 'https://example.com/b?x=1#y' },
        ],
      }),
    ).toEqual([]);
  });

  it('rejects a source without a title', () => {
    expect(incidentIssues({ ...MINIMAL_INCIDENT, sources: [{ url: 'https://example.com' }] }).map((i) => i.path)).toEqual([
      ['sources', 0, 'title'],
    ]);
  });

  it('accepts a summary of three sentences', () => {
    expect(incidentIssues({ ...MINIMAL_INCIDENT, summary: 'One thing. Then another! Was it DNS? ' })).toEqual([]);
  });

  it('rejects a summary of four sentences', () => {
    expect(incidentIssues({ ...MINIMAL_INCIDENT, summary: 'One. Two. Three. Four.' })).toEqual([
      { path: ['summary'], message: 'keep the summary to 3 sentences; the rest belongs in the body' },
    ]);
  });

  it('does not count abbreviations followed by lowercase words as sentences', () => {
    expect(
      incidentIssues({ ...MINIMAL_INCIDENT, summary: 'Pools, e.g. pgbouncer, filled up. Writes failed. Reads were fine, i.e. degraded.' }),
    ).toEqual([]);
  });

  it('lists every field it accepts', () => {
    expect(Object.keys(incidentSchema.shape)).toEqual([
      'title', 'summary', 'started', 'ended', 'duration', 'impact', 'patterns', 'services',
      'organization', 'trigger', 'detection', 'signals', 'sources', 'related', 'draft',
    ]);
  });
});

describe('patternSchema', () => {
  const VALID_PATTERN = {
    title: 'Retry storm',
    summary: 'Clients retry at once and multiply the load.',
    signals: ['request rate rises while success rate falls'],
    mitigations: ['exponential backoff with jitter'],
  };
  const patternIssues = (input: Input) => issues(patternSchema, input);

  it('accepts a valid pattern and defaults aliases and related to empty lists', () => {
    const result = patternSchema.safeParse(VALID_PATTERN);
    expect(result.success).toBe(true);
    expect(result.data).toEqual({ ...VALID_PATTERN, aliases: [], related: [] });
  });

  it('keeps aliases and related ids', () => {
    const data = patternSchema.parse({ ...VALID_PATTERN, aliases: ['thundering herd'], related: ['cascading-failure'] });
    expect(data.aliases).toEqual(['thundering herd']);
    expect(data.related).toEqual(['cascading-failure']);
  });

  it.each([['title'], ['summary'], ['signals'], ['mitigations']])('rejects a pattern without %s', (field) => {
    expect(patternIssues(without(VALID_PATTERN, field)).map((i) => i.path)).toEqual([[field]]);
  });

  it('rejects empty signal and mitigation lists with a message saying so', () => {
    expect(patternIssues({ ...VALID_PATTERN, signals: [], mitigations: [] })).toEqual([
      { path: ['signals'], message: 'list at least one signal' },
      { path: ['mitigations'], message: 'list at least one mitigation' },
    ]);
  });

  it('rejects a related id that is not kebab-case', () => {
    expect(patternIssues({ ...VALID_PATTERN, related: ['Cascading failure'] })).toEqual([
      { path: ['related', 0], message: 'a pattern id must be lowercase kebab-case, like retry-storm' },
    ]);
  });

  it('rejects an unknown key', () => {
    expect(patternIssues({ ...VALID_PATTERN, impact: 'major' }).map((i) => i.path)).toEqual([[]]);
  });

  it('rejects a summary of four sentences', () => {
    expect(patternIssues({ ...VALID_PATTERN, summary: 'One. Two. Three. Four.' }).map((i) => i.path)).toEqual([['summary']]);
  });
});

describe('describeFields', () => {
  const schemas: [string, z.ZodObject<Record<string, z.ZodType>, z.core.$ZodObjectConfig>][] = [
    ['incidentSchema', incidentSchema],
    ['sourceSchema', sourceSchema],
    ['patternSchema', patternSchema],
  ];

  it.each(schemas)('gives every field of %s a description and examples the field accepts', (_, schema) => {
    const fields = describeFields(schema);
    expect(fields.map((field) => field.name)).toEqual(Object.keys(schema.shape));
    for (const { name, description, examples } of fields) {
      expect(description, name).toMatch(/^[A-Z]\S* .*[^.]$/);
      expect(examples.length, name).toBeGreaterThan(0);
      const field = schema.shape[name]!;
      for (const example of examples) expect(field.safeParse(example).success, `${name}: ${JSON.stringify(example)}`).toBe(true);
    }
  });

  it('tells which fields a writeup must have and which values an enum allows', () => {
    const fields = describeFields(incidentSchema);
    expect(fields.filter((field) => !field.optional).map((field) => field.name)).toEqual(['title', 'summary', 'started', 'impact', 'patterns']);
    expect(Object.fromEntries(fields.filter((field) => field.values).map((field) => [field.name, field.values]))).toEqual({
      impact: ['unknown', 'none', 'minor', 'major', 'critical'],
      trigger: ['deploy', 'config-change', 'infra-change', 'upgrade', 'traffic', 'dependency', 'hardware', 'time', 'security', 'unknown'],
      detection: ['alert', 'customer-report', 'staff', 'automated-test', 'unknown'],
    });
  });

  it('describes the duration forms the parser names, and the summary limit the rule enforces', () => {
    const description = (name: string) => describeFields(incidentSchema).find((field) => field.name === name)!.description;
    expect(description('duration')).toContain(DURATION_FORMS);
    expect(description('summary')).toContain(`At most ${MAX_SUMMARY_SENTENCES} sentences`);
  });

  it('refuses a field without a description', () => {
    expect(() => describeFields(z.object({ bare: z.string() }))).toThrow('field "bare" has no description and examples');
  });
});

describe('IncidentInput', () => {
  it('types front matter the schema accepts, so a field it does not know or a value of the wrong type does not compile', () => {
    const input: IncidentInput = { title: 'T', summary: 'S.', started: '2017-01-31', duration: '45m', impact: 'major', patterns: ['retry-storm'] };
    // @ts-expect-error the schema has no "severity" field
    const unknownField: IncidentInput = { ...input, severity: 'high' };
    // @ts-expect-error "huge" is not an impact level
    const wrongValue: IncidentInput = { ...input, impact: 'huge' };
    expect(incidentSchema.safeParse(input).success).toBe(true);
    expect(incidentSchema.safeParse(unknownField).success).toBe(false);
    expect(incidentSchema.safeParse(wrongValue).success).toBe(false);
  });
});
