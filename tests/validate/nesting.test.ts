import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { MAX_BODY_NESTING } from '../../src/lib/content-limits';
import { splitFrontMatter } from '../../src/lib/front-matter';
import { nestingProblem } from '../../src/lib/validate/nesting';

/** The depth reported for a one-line body past the limit. */
const reportedDepth = (body: string) => Number(/about (\d+) levels/.exec(nestingProblem(body, 1)?.message ?? '')?.[1]);

describe('nestingProblem', () => {
  it('passes every writeup and pattern in content/', () => {
    for (const dir of ['content/incidents', 'content/patterns']) {
      for (const name of readdirSync(dir)) {
        const { body, bodyLine } = splitFrontMatter(readFileSync(`${dir}/${name}`, 'utf8'));
        expect(nestingProblem(body, bodyLine), name).toBeNull();
      }
    }
  });

  it('reports the first line past the limit, with its line in the file', () => {
    const body = ['Intro.', '', `${'> '.repeat(MAX_BODY_NESTING)}fine`, `${'> '.repeat(MAX_BODY_NESTING + 1)}too deep`].join('\n');
    expect(nestingProblem(body, 20)).toMatchObject({ line: 23, column: 1, message: expect.stringContaining(`about ${MAX_BODY_NESTING + 1} levels deep`) });
  });

  it('counts blockquotes, list markers and indentation before the text', () => {
    expect(reportedDepth(`${'> '.repeat(30)}x`)).toBe(30);
    expect(reportedDepth(`${'- '.repeat(13)}x`)).toBe(26);
    expect(reportedDepth(`${' '.repeat(60)}- x`)).toBe(32);
  });

  it('counts components still open across lines, including an opening tag written over several lines', () => {
    const open = Array.from({ length: 30 }, () => '<Callout\n  kind="note">').join('\n');
    // The indented attribute line of the 24th tag is one level deeper than the tag.
    expect(nestingProblem(`${open}\nx`, 1)?.line).toBe(2 * MAX_BODY_NESTING);
    const closedEachTime = Array.from({ length: 100 }, () => '<Callout kind="note">x</Callout>\n<TimelineEntry\n  at="2021-03-04" />').join('\n');
    expect(nestingProblem(closedEachTime, 1)).toBeNull();
  });

  it('counts emphasis still open in the paragraph, and forgets it at a blank line', () => {
    expect(reportedDepth(`${'*a '.repeat(30)}x${' b*'.repeat(30)}`)).toBe(30);
    const manyClosed = Array.from({ length: 100 }, () => '**bold** and _em_ and ~~gone~~').join(' ');
    expect(nestingProblem(manyClosed, 1)).toBeNull();
    const unclosed = Array.from({ length: 40 }, () => 'a lone *star').join('\n\n');
    expect(nestingProblem(unclosed, 1)).toBeNull();
  });

  it('does not count what is text: code blocks, code spans, escapes and underscores inside words', () => {
    const code = ['```', `${'> '.repeat(100)}`, '<Callout>'.repeat(100), '```'].join('\n');
    expect(nestingProblem(code, 1)).toBeNull();
    expect(nestingProblem(`\`${'<Callout>'.repeat(100)}\` and ${'\\*'.repeat(100)}`, 1)).toBeNull();
    expect(nestingProblem(Array.from({ length: 100 }, () => 'max_connections_per_host').join(' '), 1)).toBeNull();
  });
});
