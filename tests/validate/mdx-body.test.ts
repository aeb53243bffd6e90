import { describe, expect, it } from 'vitest';
import { isCommentOnly, urlProblem } from '../../src/lib/validate/mdx-body';
import { mdxProblems } from '../../src/lib/validate/mdx-compile';

/** Each problem as `line:column message`, the way a contributor reads it. */
const problems = (mdx: string) => mdxProblems(mdx).map((p) => `${p.line}:${p.column} ${p.message}`);

describe('a writeup body', () => {
  it('accepts Markdown and the writeup components with plain-text attributes', () => {
    const body = [
      '## Timeline',
      '',
      '<Timeline>',
      '  <TimelineEntry at="2017-01-31T23:00Z">Writes **time out**; see [the log](https://example.com/log).</TimelineEntry>',
      '</Timeline>',
      '',
      '<Callout kind="lesson">Test the restore.</Callout>',
      '',
      'Mail [the team](mailto:sre@example.com), read [the pattern](/patterns/retry-storm/#signals) or [below](#lessons).',
      '',
      '![A graph](https://example.com/graph.png) ![Local](/diagram.svg)',
      '',
      '```js',
      'import fs from "node:fs"; {process.env.SECRET} <script>alert(1)</script>',
      '```',
      '',
      'Inline `{braces}` and escaped \\{braces\\} are text.',
    ].join('\n');
    expect(problems(body)).toEqual([]);
  });

  it('accepts an expression that is only a comment, since it compiles to nothing', () => {
    expect(problems('Text {/* check the time with the vendor */}\n\n{// a note\n}')).toEqual([]);
  });

  it('rejects an import, naming the keyword and its line', () => {
    expect(problems('# Title\n\nimport fs from "node:fs"\n')).toEqual(['3:1 "import" is not allowed: a writeup is content, not code']);
  });

  it('rejects an export split over several lines once, where it starts', () => {
    expect(problems('Text.\n\nexport function f() {\n  return process.env\n}\n')).toEqual([
      '3:1 "export" is not allowed: a writeup is content, not code',
    ]);
  });

  it('rejects JavaScript expressions in text, in components and after a comment', () => {
    const body = 'Hello {process.env.SECRET}.\n\n<Callout kind="note">\n  {fetch("https://evil.example")}\n</Callout>\n\nA {/* c */ 1}';
    const refused = 'a JavaScript expression {…} is not allowed: a writeup is content, not code';
    expect(problems(body)).toEqual(['1:7', '4:3', '7:3'].map((at) => `${at} ${refused}`));
  });

  it.each(['script', 'ScRiPt', 'iframe', 'object', 'embed', 'svg:script', 'style'])('rejects <%s>, however it is spelled', (tag) => {
    expect(problems(`Text.\n\n<${tag} src="https://example.com/x">alert(1)</${tag}>`)).toEqual([
      `3:1 <${tag}> is not allowed: a writeup cannot run, embed or restyle anything`,
    ]);
  });

  it('rejects any element that is not a writeup component, suggesting the one meant', () => {
    const found = mdxProblems('<timeline>x</timeline>\n\n<div>y</div>\n\n<>z</>');
    expect(found.map((p) => [p.line, p.message, p.hint])).toEqual([
      [1, '<timeline> is not an allowed component', 'did you mean "Timeline"?'],
      [3, '<div> is not an allowed component', 'use Markdown, or one of Timeline, TimelineEntry, Callout'],
      [5, '<> is not an allowed component', 'use Markdown, or one of Timeline, TimelineEntry, Callout'],
    ]);
  });

  it('rejects event handlers, expression values, spreads and unknown attributes at the attribute', () => {
    const body = 'Intro.\n\n<Callout\n  kind={evil()} onClick="steal()"\n  title="x" {...props}>Hi</Callout>';
    expect(problems(body)).toEqual([
      '4:3 attribute "kind" must be plain text in quotes, not a JavaScript expression',
      '4:17 event-handler attribute "onClick" is not allowed: it runs JavaScript',
      '5:3 <Callout> takes no attribute "title"',
      '5:13 an attribute spread {…} is not allowed: a writeup is content, not code',
    ]);
  });

  it('rejects an event handler on a plain element as well as the element', () => {
    expect(problems('<div onmouseover="x">d</div>')).toEqual([
      '1:1 <div> is not an allowed component',
      '1:6 event-handler attribute "onmouseover" is not allowed: it runs JavaScript',
    ]);
  });

  it('rejects javascript: links written inline, by reference, entity-encoded or split by a tab', () => {
    const body = [
      '[inline](javascript:alert(1)) and [by reference][ref] and <a href="jav&#x61;script:alert(2)">encoded</a>',
      '',
      '[ref]: JAVASCRIPT:alert(3)',
      '',
      '<a href="java\tscript:alert(4)">tab</a>',
    ].join('\n');
    const refused = 'a "javascript:" URL is not allowed in a link: it can run code or carry a hidden page';
    expect(problems(body).filter((p) => p.includes('javascript:'))).toEqual(['1:1', '1:62', '3:1', '5:4'].map((at) => `${at} ${refused}`));
  });

  it('rejects data: images and images that the build would import from a relative path', () => {
    expect(problems('![](data:text/html;base64,PHNjcmlwdD4=)\n\n![chart](./chart.png)')).toEqual([
      '1:1 a "data:" URL is not allowed in an image: it can run code or carry a hidden page',
      '3:1 image "./chart.png" must be a full http(s) URL or a path on this site starting with /',
    ]);
  });

  it('reports every problem, not only the first', () => {
    expect(problems('import a from "a"\n\n{a}\n\n<script />\n\n[x](vbscript:x)')).toHaveLength(4);
  });

  it('reports MDX that does not compile at the compiler’s line and column', () => {
    expect(problems('Fine.\n\n<Callout kind="note">\n\nnever closed')).toEqual([
      expect.stringMatching(/^3:1 MDX does not compile: Expected a closing tag for `<Callout>`/),
    ]);
  });

  it('explains the usual cause of a compile error in prose: a < or { meant as text', () => {
    expect(mdxProblems('p99 latency <100ms')[0]?.hint).toBe('for a literal < write \\< (or put it in `code`); Markdown replaces HTML');
    expect(mdxProblems('set a { b')[0]?.hint).toBe('for a literal { write \\{ (or put it in `code`)');
  });

  it('reports an import that does not parse both as code and as a compile error', () => {
    expect(problems('import {\n\nText')).toEqual([
      '1:1 "import" is not allowed: a writeup is content, not code',
      expect.stringMatching(/^3:5 MDX does not compile: Could not parse esm/),
    ]);
  });
});

describe('urlProblem', () => {
  it.each(['https://example.com/a?b#c', 'http://example.com', 'mailto:sre@example.com', '/incidents/x/', '#lessons', 'other/page/'])(
    'accepts the link %j',
    (url) => expect(urlProblem(url, 'link')).toBeNull(),
  );

  it.each(['ftp://example.com/file', 'file:///etc/passwd', 'tel:123'])('rejects the link %j by its scheme', (url) => {
    expect(urlProblem(url, 'link')?.message).toMatch(/^a link may only use http, https, mailto, not "\w+:"$/);
  });

  it.each([' javascript:x', 'java\nscript:x', 'DATA:text/html,x', '\u0001vbscript:x'])('rejects the code URL %j', (url) => {
    expect(urlProblem(url, 'link')?.message).toMatch(/^a "(javascript|data|vbscript):" URL is not allowed/);
  });

  it('rejects a mailto: image', () => {
    expect(urlProblem('mailto:x@example.com', 'image')?.message).toBe('an image may only use http, https, not "mailto:"');
  });
});

describe('writeup component attribute values', () => {
  it('rejects a callout kind that is not note, warning or lesson, including object keys', () => {
    expect(problems('<Callout kind="danger">x</Callout>\n').join('\n')).toMatch(/kind="danger" is not one of: note, warning, lesson/);
    expect(problems('<Callout kind="constructor">x</Callout>\n').join('\n')).toMatch(/kind="constructor" is not one of/);
    expect(problems('<Callout kind="lesson">x</Callout>\n')).toEqual([]);
  });

  it('requires a timeline entry to say when, and a date-like "at" to be a real date', () => {
    expect(problems('<Timeline>\n  <TimelineEntry>x</TimelineEntry>\n</Timeline>\n').join('\n')).toMatch(/needs at=/);
    expect(problems('<Timeline>\n  <TimelineEntry at="2017-02-30T10:00Z">x</TimelineEntry>\n</Timeline>\n').join('\n')).toMatch(/not a real calendar date/);
    expect(problems('<Timeline>\n  <TimelineEntry at="T+45m">x</TimelineEntry>\n</Timeline>\n')).toEqual([]);
  });
});

describe('isCommentOnly', () => {
  it('knows comments and white space from code', () => {
    expect(isCommentOnly('  /* note */ // another\n  ')).toBe(true);
    expect(isCommentOnly('/* a */ x')).toBe(false);
    expect(isCommentOnly('/* never closed')).toBe(false);
    expect(isCommentOnly('// last line without a newline')).toBe(true);
    expect(isCommentOnly('')).toBe(true);
  });

  it('answers at once on many comment blocks followed by code, where a backtracking pattern hung', () => {
    const started = performance.now();
    expect(isCommentOnly(`${'/**/'.repeat(5000)} process.env`)).toBe(false);
    expect(isCommentOnly(`${'//\n'.repeat(5000)}alert(1)`)).toBe(false);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
