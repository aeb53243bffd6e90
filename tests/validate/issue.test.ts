import { describe, expect, it } from 'vitest';
import { byLocation, formatIssue, githubAnnotation, printable, quote, type ValidationIssue } from '../../src/lib/validate/issue';

const issue = (overrides: Partial<ValidationIssue> = {}): ValidationIssue => ({
  file: 'content/incidents/2017-01-31-x.mdx',
  line: 5,
  column: 3,
  field: 'patterns[1]',
  message: 'no pattern "retry-strom" exists',
  severity: 'error',
  ...overrides,
});

describe('formatIssue', () => {
  it('shows file:line:column, the field, the message and the hint', () => {
    expect(formatIssue(issue({ hint: 'did you mean "retry-storm"?' }))).toBe(
      'content/incidents/2017-01-31-x.mdx:5:3  patterns[1]  no pattern "retry-strom" exists  (did you mean "retry-storm"?)',
    );
  });

  it('leaves out the brackets when there is no hint', () => {
    expect(formatIssue(issue())).toBe('content/incidents/2017-01-31-x.mdx:5:3  patterns[1]  no pattern "retry-strom" exists');
  });

  it('marks warnings but not errors', () => {
    expect(formatIssue(issue({ severity: 'warning' }))).toBe(
      'content/incidents/2017-01-31-x.mdx:5:3  patterns[1]  warning: no pattern "retry-strom" exists',
    );
  });
});

describe('githubAnnotation', () => {
  it('writes a workflow command with file, line, column and field as title', () => {
    expect(githubAnnotation(issue({ hint: 'did you mean "retry-storm"?' }))).toBe(
      '::error file=content/incidents/2017-01-31-x.mdx,line=5,col=3,title=patterns[1]::no pattern "retry-strom" exists (did you mean "retry-storm"?)',
    );
  });

  it('uses the severity as the command', () => {
    expect(githubAnnotation(issue({ severity: 'warning' }))).toMatch(/^::warning file=/);
  });

  it('escapes percent signs and line breaks in the message', () => {
    expect(githubAnnotation(issue({ message: '100% broken\r\nsecond line\nthird' }))).toMatch(
      /::100%25 broken%0D%0Asecond line%0Athird$/,
    );
  });

  it('escapes colons and commas in properties, but not in the message', () => {
    const text = githubAnnotation(issue({ file: 'content/a,b:c.mdx', field: 'x,y:z', message: 'a, b: c' }));
    expect(text).toBe('::error file=content/a%2Cb%3Ac.mdx,line=5,col=3,title=x%2Cy%3Az::a, b: c');
  });

  it('escapes percent signs before adding its own escapes, so nothing is escaped twice', () => {
    expect(githubAnnotation(issue({ field: '%3A', message: '%0A' }))).toBe(
      '::error file=content/incidents/2017-01-31-x.mdx,line=5,col=3,title=%253A::%250A',
    );
  });

  it('escapes line breaks in the hint too', () => {
    expect(githubAnnotation(issue({ message: 'm', hint: 'a\nb' }))).toMatch(/::m \(a%0Ab\)$/);
  });
});

describe('byLocation', () => {
  it('orders by file, then line, then column', () => {
    const sorted = [
      issue({ file: 'b.mdx', line: 1, column: 1 }),
      issue({ file: 'a.mdx', line: 9, column: 1 }),
      issue({ file: 'a.mdx', line: 2, column: 7 }),
      issue({ file: 'a.mdx', line: 2, column: 3 }),
    ].sort(byLocation);
    expect(sorted.map((i) => `${i.file}:${i.line}:${i.column}`)).toEqual(['a.mdx:2:3', 'a.mdx:2:7', 'a.mdx:9:1', 'b.mdx:1:1']);
  });
});

describe('printing a problem from untrusted content', () => {
  it('keeps every problem on one line, so a writeup cannot forge a CI annotation', () => {
    const line = formatIssue({ file: 'content/incidents/a\n.mdx', line: 3, column: 1, field: 'started', message: 'bad date "x\n::error file=README.md::pwned"', hint: 'fix\r\nit', severity: 'error' });
    expect(line.split('\n')).toHaveLength(1);
    expect(line).toContain('"x\\n:\\u003aerror file=README.md:\\u003apwned"');
    expect(line).not.toContain('::');
    expect(line).toContain('a\\n.mdx');
    expect(line).toContain('(fix\\r\\nit)');
  });

  it('cuts a huge value short instead of echoing it', () => {
    const line = formatIssue({ file: 'a.mdx', line: 1, column: 1, field: 'title', message: `bad "${'x'.repeat(5_000_000)}"`, severity: 'error' });
    expect(line.length).toBeLessThan(600);
    expect(line).toContain('x…');
    expect(quote('y'.repeat(1000))).toHaveLength(80);
  });

  it('spells out other control characters and leaves ordinary text alone', () => {
    expect(printable('a\u0007b\u2028c')).toBe('a\\u0007b\\u2028c');
    expect(printable('no pattern "retry-strom" exists')).toBe('no pattern "retry-strom" exists');
  });
});
