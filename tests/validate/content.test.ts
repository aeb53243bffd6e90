import { describe, expect, it } from 'vitest';
import { entryId, validateContent, type ContentFiles } from '../../src/lib/validate/content';
import type { SourceFile } from '../../src/lib/validate/source-file';

/** An MDX file whose front matter line `lines[i]` is file line i + 2. */
const mdx = (lines: string[], body = 'Body.') => ['---', ...lines, '---', '', body, ''].join('\n');

const patternFile = (id: string, extra: string[] = []): SourceFile => ({
  path: `content/patterns/${id}.mdx`,
  text: mdx([`title: ${id}`, 'summary: A failure pattern.', 'signals:', '  - a signal', 'mitigations:', '  - a mitigation', ...extra]),
});

/** Lines 2-8: title, summary, started, duration, impact, patterns:, first pattern. */
const incidentLines = (patterns = ['retry-storm']) => [
  'title: Writes time out',
  'summary: The pool was exhausted.',
  'started: 2017-01-31T23:00:00Z',
  'duration: 4h30m',
  'impact: major',
  'patterns:',
  ...patterns.map((p) => `  - ${p}`),
];

const incidentFile = (slug: string, lines: string[] = incidentLines(), ext = '.mdx'): SourceFile => ({
  path: `content/incidents/${slug}${ext}`,
  text: mdx(lines),
});

const PATTERNS = [patternFile('retry-storm'), patternFile('cascading-failure', ['related:', '  - retry-storm'])];

const check = (files: Partial<ContentFiles>) => validateContent({ incidents: [], patterns: PATTERNS, ...files });

describe('entryId', () => {
  it('is the file name without folder and extension', () => {
    expect(entryId('content/incidents/2017-01-31-x.mdx')).toBe('2017-01-31-x');
    expect(entryId('2017-01-31-x.md')).toBe('2017-01-31-x');
  });
});

describe('validateContent', () => {
  it('finds no issues in a valid set and returns every entry', () => {
    const report = check({
      incidents: [
        incidentFile('2017-01-31-writes-time-out'),
        incidentFile('2017-01-31-reads-time-out', [...incidentLines(), 'related:', '  - 2017-01-31-writes-time-out']),
      ],
    });
    expect(report.issues).toEqual([]);
    expect(report.incidents.map((e) => e.id)).toEqual(['2017-01-31-writes-time-out', '2017-01-31-reads-time-out']);
    expect(report.patterns.map((e) => e.id)).toEqual(['retry-storm', 'cascading-failure']);
    expect(report.incidents[0]!.data.duration).toEqual({ text: '4h30m', minutes: 270 });
    expect(report.incidents[0]!.parsed.bodyLine).toBe(10);
  });

  it('finds no issues in an empty folder', () => {
    expect(validateContent({ incidents: [], patterns: [] }).issues).toEqual([]);
  });

  it('rejects a writeup whose pattern does not exist, on its line, with a did-you-mean', () => {
    const report = check({ incidents: [incidentFile('2017-01-31-a', incidentLines(['cascading-failure', 'retry-strom']))] });
    expect(report.issues).toEqual([
      {
        file: 'content/incidents/2017-01-31-a.mdx',
        line: 9,
        column: 5,
        field: 'patterns[1]',
        message: 'no pattern "retry-strom" exists',
        hint: 'did you mean "retry-storm"?',
        severity: 'error',
      },
    ]);
  });

  it('gives no hint for an unknown pattern that resembles nothing', () => {
    const [issue] = check({ incidents: [incidentFile('2017-01-31-a', incidentLines(['kubernetes-upgrade']))] }).issues;
    expect(issue).toMatchObject({ line: 8, field: 'patterns[0]', message: 'no pattern "kubernetes-upgrade" exists' });
    expect(issue!.hint).toBeUndefined();
  });

  it('rejects a related slug that does not exist', () => {
    const report = check({
      incidents: [
        incidentFile('2017-01-31-writes-time-out', [...incidentLines(), 'related:', '  - 2017-01-31-writes-time-ot']),
      ],
    });
    expect(report.issues).toEqual([
      {
        file: 'content/incidents/2017-01-31-writes-time-out.mdx',
        line: 10,
        column: 5,
        field: 'related[0]',
        message: 'no incident "2017-01-31-writes-time-ot" exists',
        hint: 'did you mean "2017-01-31-writes-time-out"?',
        severity: 'error',
      },
    ]);
  });

  it('rejects an incident related to itself', () => {
    const report = check({ incidents: [incidentFile('2017-01-31-a', [...incidentLines(), 'related:', '  - 2017-01-31-a'])] });
    expect(report.issues).toEqual([
      {
        file: 'content/incidents/2017-01-31-a.mdx',
        line: 10,
        column: 5,
        field: 'related[0]',
        message: 'incident "2017-01-31-a" is this file itself',
        severity: 'error',
      },
    ]);
  });

  it('rejects a published incident related to a draft', () => {
    const report = check({
      incidents: [
        incidentFile('2017-01-31-a', [...incidentLines(), 'related:', '  - 2017-01-31-b']),
        incidentFile('2017-01-31-b', [...incidentLines(), 'draft: true']),
      ],
    });
    expect(report.issues).toEqual([
      {
        file: 'content/incidents/2017-01-31-a.mdx',
        line: 10,
        column: 5,
        field: 'related[0]',
        message: 'incident "2017-01-31-b" is a draft and will not be published',
        hint: 'link it once it is published',
        severity: 'error',
      },
    ]);
  });

  it('lets a draft link to another draft', () => {
    const report = check({
      incidents: [
        incidentFile('2017-01-31-a', [...incidentLines(), 'draft: true', 'related:', '  - 2017-01-31-b']),
        incidentFile('2017-01-31-b', [...incidentLines(), 'draft: true']),
      ],
    });
    expect(report.issues).toEqual([]);
  });

  it('answers a misspelled key with did-you-mean on its line', () => {
    const report = check({ incidents: [incidentFile('2017-01-31-a', [...incidentLines(), 'sumary: x'])] });
    expect(report.issues).toEqual([
      {
        file: 'content/incidents/2017-01-31-a.mdx',
        line: 9,
        column: 1,
        field: 'sumary',
        message: 'unknown field "sumary"',
        hint: 'did you mean "summary"?',
        severity: 'error',
      },
    ]);
    expect(report.incidents).toEqual([]);
  });

  it('answers a misspelled key inside a source with the source fields', () => {
    const lines = [...incidentLines(), 'sources:', '  - title: Postmortem', '    url: https://example.com', '    ulr: x'];
    const [issue] = check({ incidents: [incidentFile('2017-01-31-a', lines)] }).issues;
    expect(issue).toMatchObject({ line: 12, column: 5, field: 'sources[0].ulr', hint: 'did you mean "url"?' });
  });

  it('reports a source url that is not http(s) on its line', () => {
    const lines = [...incidentLines(), 'sources:', '  - title: A', '    url: https://example.com', '  - title: B', '    url: javascript:alert(1)'];
    const issues = check({ incidents: [incidentFile('2017-01-31-a', lines)] }).issues;
    expect(issues.length).toBeGreaterThan(0);
    for (const issue of issues) expect(issue).toMatchObject({ line: 13, column: 5, field: 'sources[1].url' });
  });

  it('rejects a file name whose date differs from started', () => {
    const report = check({ incidents: [incidentFile('2017-02-01-writes-time-out')] });
    expect(report.issues).toEqual([
      {
        file: 'content/incidents/2017-02-01-writes-time-out.mdx',
        line: 1,
        column: 1,
        field: '(file name)',
        message: 'file name "2017-02-01-writes-time-out" must start with "2017-01-31-", the date in "started"',
        severity: 'error',
      },
    ]);
  });

  it('rejects a file name that is not lowercase kebab-case', () => {
    const [issue] = check({ incidents: [incidentFile('2017-01-31-Writes_Time_Out')] }).issues;
    expect(issue).toMatchObject({ line: 1, column: 1, field: '(file name)' });
    expect(issue!.message).toMatch(/must be YYYY-MM-DD-short-title/);
  });

  it('reports a file that is not .mdx instead of skipping it', () => {
    const report = check({
      incidents: [incidentFile('2017-01-31-a', incidentLines(), '.md'), { path: 'content/incidents/notes.txt', text: 'notes' }],
      patterns: [...PATTERNS, { ...patternFile('deadlock'), path: 'content/patterns/deadlock.yaml' }],
    });
    expect(report.issues.map((i) => i.file)).toEqual([
      'content/incidents/2017-01-31-a.md',
      'content/incidents/notes.txt',
      'content/patterns/deadlock.yaml',
    ]);
    for (const issue of report.issues) {
      expect(issue).toMatchObject({
        line: 1,
        column: 1,
        field: '(file name)',
        message: 'only .mdx files are published; this file would be ignored',
        hint: 'rename it to end in .mdx',
        severity: 'error',
      });
    }
  });

  it('does not let a pattern in a non-.mdx file satisfy references', () => {
    const report = check({
      incidents: [incidentFile('2017-01-31-a', incidentLines(['deadlock']))],
      patterns: [...PATTERNS, { ...patternFile('deadlock'), path: 'content/patterns/deadlock.md' }],
    });
    expect(report.issues.map((i) => i.field)).toEqual(['(file name)', 'patterns[0]']);
  });

  it('rejects a pattern whose related id does not exist', () => {
    const report = check({ patterns: [...PATTERNS, patternFile('deadlock', ['related:', '  - retry-strom'])] });
    expect(report.issues).toEqual([
      {
        file: 'content/patterns/deadlock.mdx',
        line: 9,
        column: 5,
        field: 'related[0]',
        message: 'no pattern "retry-strom" exists',
        hint: 'did you mean "retry-storm"?',
        severity: 'error',
      },
    ]);
  });

  it('rejects a pattern related to itself', () => {
    const [issue] = check({ patterns: [patternFile('deadlock', ['related:', '  - deadlock'])] }).issues;
    expect(issue).toMatchObject({ line: 9, field: 'related[0]', message: 'pattern "deadlock" is this file itself' });
  });

  it('rejects a pattern file name that is not kebab-case', () => {
    const [issue] = check({ patterns: [...PATTERNS, patternFile('Retry_Storm')] }).issues;
    expect(issue).toMatchObject({
      file: 'content/patterns/Retry_Storm.mdx',
      line: 1,
      field: '(file name)',
      message: 'pattern file name "Retry_Storm" must be lowercase kebab-case, like retry-storm.mdx',
    });
  });

  it('reports a file without front matter at line 1 with a hint', () => {
    const [issue] = check({ incidents: [{ path: 'content/incidents/2017-01-31-a.mdx', text: '# Writes time out\n' }] }).issues;
    expect(issue).toEqual({
      file: 'content/incidents/2017-01-31-a.mdx',
      line: 1,
      column: 1,
      field: '(front matter)',
      message: 'the file has no front matter',
      hint: 'start the file with a line "---", the fields, then "---"',
      severity: 'error',
    });
  });

  it('reports a missing required field at the first front matter line', () => {
    const lines = incidentLines().filter((l) => !l.startsWith('title:'));
    expect(check({ incidents: [incidentFile('2017-01-31-a', lines)] }).issues).toEqual([
      {
        file: 'content/incidents/2017-01-31-a.mdx',
        line: 2,
        column: 1,
        field: 'title',
        message: '"title" is required',
        severity: 'error',
      },
    ]);
  });

  it('reports every schema problem in one file, each on its own line', () => {
    const lines = [
      'title: 5', //                                2
      'summary: One. Two. Three. Four.', //         3
      'started: 2017-01-31T23:00:00Z', //           4
      'duration: 45', //                            5
      'impact: majr', //                            6
      'patterns: retry-storm', //                   7
      'services:', //                               8
      '  - Postgres', //                            9
      'sources:', //                                10
      '  - title: Postmortem', //                   11
      '    url: https://example.com', //            12
      '    ulr: x', //                              13
      'colour: red', //                             14
    ];
    const issues = check({ incidents: [incidentFile('2017-01-31-a', lines)] }).issues;
    expect(issues.map((i) => [i.line, i.column, i.field])).toEqual([
      [2, 1, 'title'],
      [3, 1, 'summary'],
      [5, 1, 'duration'],
      [6, 1, 'impact'],
      [7, 1, 'patterns'],
      [9, 5, 'services[0]'],
      [13, 5, 'sources[0].ulr'],
      [14, 1, 'colour'],
    ]);
    expect(issues.find((i) => i.field === 'impact')!.hint).toBe('did you mean "major"?');
  });

  it('reports every reference problem in one file', () => {
    const lines = [...incidentLines(['retry-strom', 'cascading-failure', 'nope-nope-nope']), 'related:', '  - 2017-01-31-a', '  - 2016-01-01-missing'];
    const issues = check({ incidents: [incidentFile('2017-01-31-a', lines)] }).issues;
    expect(issues.map((i) => [i.line, i.field])).toEqual([
      [8, 'patterns[0]'],
      [10, 'patterns[2]'],
      [12, 'related[0]'],
      [13, 'related[1]'],
    ]);
  });

  it('reports the file name and references of one file together', () => {
    const issues = check({ incidents: [incidentFile('2016-01-01-a', incidentLines(['retry-strom']))] }).issues;
    expect(issues.map((i) => i.field)).toEqual(['(file name)', 'patterns[0]']);
  });

  it('reports problems in every file, not just the first', () => {
    const issues = check({
      incidents: [incidentFile('2017-01-31-a', incidentLines(['nope-a'])), incidentFile('2017-01-31-b', incidentLines(['nope-b']))],
    }).issues;
    expect(issues.map((i) => i.file)).toEqual(['content/incidents/2017-01-31-a.mdx', 'content/incidents/2017-01-31-b.mdx']);
  });
});
