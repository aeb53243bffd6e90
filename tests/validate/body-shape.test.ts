import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { MAX_BODY_NESTING, MAX_FOOTNOTE_MARKERS, MAX_PARAGRAPH_MARKUP } from '../../src/lib/content-limits';
import { splitFrontMatter } from '../../src/lib/front-matter';
import { bodyShapeProblem } from '../../src/lib/validate/body-shape';

/** The depth reported for a one-line body past the limit. */
const reportedDepth = (body: string) => Number(/about (\d+) levels/.exec(bodyShapeProblem(body, 1)?.message ?? '')?.[1]);

describe('bodyShapeProblem', () => {
  it('passes every writeup and pattern in content/', () => {
    for (const dir of ['content/incidents', 'content/patterns']) {
      for (const name of readdirSync(dir)) {
        const { body, bodyLine } = splitFrontMatter(readFileSync(`${dir}/${name}`, 'utf8'));
        expect(bodyShapeProblem(body, bodyLine), name).toBeNull();
      }
    }
  });

  it('reports the first line past the limit, with its line in the file', () => {
    const body = ['Intro.', '', `${'> '.repeat(MAX_BODY_NESTING)}fine`, `${'> '.repeat(MAX_BODY_NESTING + 1)}too deep`].join('\n');
    expect(bodyShapeProblem(body, 20)).toMatchObject({ line: 23, column: 1, message: expect.stringContaining(`about ${MAX_BODY_NESTING + 1} levels deep`) });
  });

  it('counts blockquotes, list markers and indentation before the text', () => {
    expect(reportedDepth(`${'> '.repeat(30)}x`)).toBe(30);
    expect(reportedDepth(`${'- '.repeat(13)}x`)).toBe(26);
    expect(reportedDepth(`${' '.repeat(60)}- x`)).toBe(32);
  });

  it('counts components still open across lines, including an opening tag written over several lines', () => {
    const open = Array.from({ length: 30 }, () => '<Callout\n  kind="note">').join('\n');
    // The indented attribute line of the 24th tag is one level deeper than the tag.
    expect(bodyShapeProblem(`${open}\nx`, 1)?.line).toBe(2 * MAX_BODY_NESTING);
    const closedEachTime = Array.from({ length: 100 }, () => '<Callout kind="note">x</Callout>\n<TimelineEntry\n  at="2021-03-04" />').join('\n');
    expect(bodyShapeProblem(closedEachTime, 1)).toBeNull();
  });

  it('counts emphasis still open in the paragraph, and forgets it at a blank line', () => {
    expect(reportedDepth(`${'*a '.repeat(30)}x${' b*'.repeat(30)}`)).toBe(30);
    const manyClosed = Array.from({ length: 100 }, () => '**bold** and _em_ and ~~gone~~').join(' ');
    expect(bodyShapeProblem(manyClosed, 1)).toBeNull();
    const unclosed = Array.from({ length: 40 }, () => 'a lone *star').join('\n\n');
    expect(bodyShapeProblem(unclosed, 1)).toBeNull();
  });

  it('does not count what is text: code blocks, code spans, escapes and underscores inside words', () => {
    const code = ['```', `${'> '.repeat(100)}`, '<Callout>'.repeat(100), '```'].join('\n');
    expect(bodyShapeProblem(code, 1)).toBeNull();
    expect(bodyShapeProblem(`\`${'<Callout>'.repeat(100)}\` and ${'\\*'.repeat(100)}`, 1)).toBeNull();
    expect(bodyShapeProblem(Array.from({ length: 100 }, () => 'max_connections_per_host').join(' '), 1)).toBeNull();
  });

  it('reports a paragraph crowded with tags, expressions and entities at the line that passes the limit', () => {
    const perLine = 100;
    const lines = Array.from({ length: MAX_PARAGRAPH_MARKUP / perLine + 1 }, () => '{x} <b>y</b> &amp; '.repeat(perLine / 4));
    expect(bodyShapeProblem(['Intro.', '', ...lines].join('\n'), 10)).toMatchObject({
      line: 12 + MAX_PARAGRAPH_MARKUP / perLine,
      message: expect.stringContaining(`more than ${MAX_PARAGRAPH_MARKUP.toLocaleString('en-US')} tags`),
    });
  });

  it('counts markup per paragraph, and not what is text: code, escapes, a lone & or <', () => {
    const paragraph = '&amp; '.repeat(MAX_PARAGRAPH_MARKUP);
    expect(bodyShapeProblem(Array.from({ length: 50 }, () => paragraph).join('\n\n'), 1)).toBeNull();
    const text = [
      `\`${'{x}'.repeat(3_000)}\``,
      '\\{'.repeat(3_000),
      'a & b < c '.repeat(3_000),
    ].join(' ');
    expect(bodyShapeProblem(text, 1)).toBeNull();
    expect(bodyShapeProblem(['```', '{x}'.repeat(3_000), '```'].join('\n'), 1)).toBeNull();
    expect(bodyShapeProblem('{x}'.repeat(MAX_PARAGRAPH_MARKUP + 1), 1)).not.toBeNull();
  });

  it('counts each line that opens with a tag as a new block, the way the compiler reads a long timeline', () => {
    const entries = Array.from({ length: MAX_PARAGRAPH_MARKUP }, (_, i) => `<TimelineEntry at="T+${i}m">Step &amp; check.</TimelineEntry>`);
    expect(bodyShapeProblem(['<Timeline>', ...entries, '</Timeline>'].join('\n'), 1)).toBeNull();
    expect(bodyShapeProblem(`<b>x</b>${' &amp;'.repeat(MAX_PARAGRAPH_MARKUP)}`, 1)).not.toBeNull();
  });

  it('counts footnote references over the whole body, outside code', () => {
    const cited = (count: number) => Array.from({ length: count }, (_, i) => `Fact ${i}.[^${i}]`).join('\n\n');
    expect(bodyShapeProblem(cited(MAX_FOOTNOTE_MARKERS), 1)).toBeNull();
    expect(bodyShapeProblem(cited(MAX_FOOTNOTE_MARKERS + 1), 5)).toMatchObject({
      line: 5 + 2 * MAX_FOOTNOTE_MARKERS,
      message: expect.stringContaining(`more than ${MAX_FOOTNOTE_MARKERS} times`),
    });
    expect(bodyShapeProblem(`\`${'[^1]'.repeat(1_000)}\``, 1)).toBeNull();
  });
});
