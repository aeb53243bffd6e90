import { describe, expect, it } from 'vitest';
import { incidentSchema, patternSchema, sourceSchema } from '../../src/lib/schema';
import { describeIssues, fieldName, type KnownKeys } from '../../src/lib/validate/schema-issues';
import { MINIMAL_INCIDENT } from '../helpers/incident-fixtures';

const incidentKeys: KnownKeys = (path) => (path.length === 0 ? Object.keys(incidentSchema.shape) : Object.keys(sourceSchema.shape));

/** describeIssues for an incident front matter built from the minimal valid one. */
function problemsFor(overrides: Record<string, unknown>, drop: string[] = []) {
  const input: Record<string, unknown> = { ...MINIMAL_INCIDENT, ...overrides };
  for (const key of drop) delete input[key];
  const result = incidentSchema.safeParse(input);
  if (result.success) throw new Error('expected the input to be invalid');
  return describeIssues(result.error, input, incidentKeys);
}

describe('fieldName', () => {
  it('joins keys with dots and indices with brackets', () => {
    expect(fieldName(['sources', 0, 'url'])).toBe('sources[0].url');
    expect(fieldName(['patterns', 1])).toBe('patterns[1]');
    expect(fieldName(['a', 'b'])).toBe('a.b');
    expect(fieldName(['title'])).toBe('title');
  });

  it('gives an empty name for the root and a bare index for a root list', () => {
    expect(fieldName([])).toBe('');
    expect(fieldName([0])).toBe('[0]');
  });
});

describe('describeIssues', () => {
  it('names a missing required field as required', () => {
    expect(problemsFor({}, ['title'])).toEqual([{ path: ['title'], message: '"title" is required' }]);
    expect(problemsFor({}, ['patterns'])).toEqual([{ path: ['patterns'], message: '"patterns" is required' }]);
  });

  it('names a missing field inside a list item by its full path', () => {
    expect(problemsFor({ sources: [{ title: 'Postmortem' }] })).toEqual([
      { path: ['sources', 0, 'url'], message: '"sources[0].url" is required' },
    ]);
  });

  // The module doc promises "required fields named as such"; zod reports a missing union field as invalid_union.
  it('names a missing started as required', () => {
    expect(problemsFor({}, ['started'])).toEqual([{ path: ['started'], message: '"started" is required' }]);
  });

  // Same promise; zod reports a missing enum as invalid_value, so the message reads "undefined is not one of: ...".
  it('names a missing impact as required, with the values it may take', () => {
    expect(problemsFor({}, ['impact'])).toEqual([{ path: ['impact'], message: '"impact" is required', hint: 'one of: unknown, none, minor, major, critical' }]);
  });

  it('answers a misspelled key with the field it resembles', () => {
    expect(problemsFor({ sumary: 'x' })).toEqual([
      { path: ['sumary'], message: 'unknown field "sumary"', hint: 'did you mean "summary"?' },
    ]);
  });

  it('lists the allowed fields when an unknown key resembles none of them', () => {
    expect(problemsFor({ colour: 'red' })).toEqual([
      {
        path: ['colour'],
        message: 'unknown field "colour"',
        hint: `allowed: ${Object.keys(incidentSchema.shape).join(', ')}`,
      },
    ]);
  });

  it('reports each unknown key separately', () => {
    expect(problemsFor({ sumary: 'x', colour: 'red' }).map((p) => p.path)).toEqual([['sumary'], ['colour']]);
  });

  it('asks the known keys of the object the unknown key sits in', () => {
    expect(problemsFor({ sources: [{ title: 'x', url: 'https://example.com', ulr: 'y' }] })).toEqual([
      { path: ['sources', 0, 'ulr'], message: 'unknown field "ulr"', hint: 'did you mean "url"?' },
    ]);
  });

  it('answers a misspelled enum value with the value it resembles', () => {
    expect(problemsFor({ impact: 'majr' })).toEqual([
      { path: ['impact'], message: '"majr" is not one of: unknown, none, minor, major, critical', hint: 'did you mean "major"?' },
    ]);
  });

  it('lists the allowed values without a hint when nothing is close', () => {
    expect(problemsFor({ detection: 'pager' })).toEqual([
      { path: ['detection'], message: '"pager" is not one of: alert, customer-report, staff, automated-test, unknown' },
    ]);
  });

  it('shows a non-string enum value as JSON', () => {
    expect(problemsFor({ impact: 3 })).toEqual([
      { path: ['impact'], message: '3 is not one of: unknown, none, minor, major, critical' },
    ]);
  });

  it('asks for quotes when a number is given for text', () => {
    expect(problemsFor({ title: 5 })).toEqual([
      { path: ['title'], message: 'must be a string, not number 5', hint: 'put the value in quotes' },
    ]);
  });

  it('asks for a list, one line per item, when a single value is given for a list', () => {
    expect(problemsFor({ patterns: 'retry-storm' })).toEqual([
      {
        path: ['patterns'],
        message: 'must be a list, not string "retry-storm"',
        hint: 'write it as a list, one "- retry-storm" line per item',
      },
    ]);
  });

  it('calls an empty YAML value empty and asks to fill it in or remove it', () => {
    expect(problemsFor({ title: null })).toEqual([
      { path: ['title'], message: 'must be a string, not empty', hint: 'fill in a value or remove the field' },
    ]);
  });

  it('describes lists and groups of fields given where text is expected', () => {
    expect(problemsFor({ organization: ['a'] })).toEqual([{ path: ['organization'], message: 'must be a string, not a list' }]);
    expect(problemsFor({ organization: { a: 1 } })).toEqual([
      { path: ['organization'], message: 'must be a string, not a group of fields' },
    ]);
  });

  it('uses "an" before a vowel', () => {
    expect(problemsFor({ sources: 'https://example.com' })[0]!.message).toBe('must be a list, not string "https://example.com"');
    expect(problemsFor({ sources: ['https://example.com'] })[0]!.message).toBe('must be an object, not string "https://example.com"');
  });

  it('says which value a union field does not accept', () => {
    expect(problemsFor({ started: 20170131 })).toEqual([{ path: ['started'], message: 'number 20170131 is not accepted here' }]);
    expect(problemsFor({ started: ['2017'] })).toEqual([{ path: ['started'], message: 'a list is not accepted here' }]);
  });

  it('passes custom messages through unchanged', () => {
    expect(problemsFor({ patterns: [] })).toEqual([{ path: ['patterns'], message: 'name at least one pattern' }]);
    expect(problemsFor({ duration: '45' })).toEqual([
      { path: ['duration'], message: '"45" is not a duration: write it like 45m, 4h30m, 2d, 1d6h, PT4H30M, or unknown' },
    ]);
  });

  it('describes every issue in the error, in order', () => {
    expect(problemsFor({ title: 5, impact: 'majr', sumary: 'x' }).map((p) => p.path)).toEqual([['title'], ['impact'], ['sumary']]);
  });

  it('works for patterns with their own known keys', () => {
    const input = { title: 'Retry storm', summary: 'x.', signals: ['a'], mitigations: ['b'], alias: ['thundering herd'] };
    const result = patternSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(describeIssues(result.error!, input, () => Object.keys(patternSchema.shape))).toEqual([
      { path: ['alias'], message: 'unknown field "alias"', hint: 'did you mean "aliases"?' },
    ]);
  });
});
