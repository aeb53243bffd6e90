import { describe, expect, it } from 'vitest';
import { decodeCharacterReferences, demoteHeadings, markdownToSafeMdx } from '../../src/commands/import/markdown-to-mdx';
import { loadOrSkip } from '../helpers/skip-or-fail';

/**
 * Satteri is the MDX compiler the site's build uses (through @astrojs/mdx): the output is
 * compiled for real to prove no imported text becomes code.
 */
const satteri = await loadOrSkip(() => import('satteri'), 'satteri, the MDX compiler the build uses,');

type Node = { type: string; value?: string; children?: Node[] };
const CODE_NODES = new Set(['mdxjsEsm', 'mdxFlowExpression', 'mdxTextExpression', 'mdxJsxFlowElement', 'mdxJsxTextElement']);
const nodes = (tree: Node): Node[] => [tree, ...(tree.children ?? []).flatMap(nodes)];
const codeNodes = (mdx: string) => nodes(satteri!.mdxToMdast(mdx) as Node).filter((n) => CODE_NODES.has(n.type)).map((n) => n.type);
/** An mdast tree without positions, for comparing what two sources say. */
const tree = (root: unknown) => JSON.parse(JSON.stringify(root, (key, value) => (key === 'position' ? undefined : value)));

const HOSTILE = [
  'import fs from "node:fs"',
  'export const leak = process.env.SECRET',
  '  export default function Layout() {}',
  'Totals: {fs.readFileSync("/etc/passwd", "utf8")}',
  '<script>alert(1)</script>',
  '<img src=x onerror="alert(1)" />',
  '<Timeline items={[1, 2]} />',
  'a {',
  '} b',
  '<!-- a comment with {braces} -->',
  'see <https://example.com/?a=1&b=2>',
  '- list item {1 + 1} and <b>bold</b>',
].join('\n\n');

describe('markdownToSafeMdx', () => {
  it('leaves plain Markdown without MDX syntax exactly as it was', () => {
    const md = '# Title\n\nThe pool was **exhausted** at 10:04 UTC ([details](https://example.com/a)).\n\n- one\n- two & three';
    expect(markdownToSafeMdx(md)).toBe(md);
  });

  it('turns braces into character references', () => {
    expect(markdownToSafeMdx('config {"a": 1}')).toBe('config &#123;"a": 1&#125;');
  });

  it('turns opening angle brackets into character references, so tags stay text', () => {
    // Only "<" opens JSX; ">" stays, since it is what makes a blockquote.
    expect(markdownToSafeMdx('if a < b then <div onclick="x()">')).toBe('if a &#60; b then &#60;div onclick="x()">');
  });

  it('rewrites an autolink as a Markdown link that stays clickable', () => {
    expect(markdownToSafeMdx('see <https://example.com/post?id=1> now')).toBe('see [https://example.com/post?id=1](https://example.com/post?id=1) now');
    expect(markdownToSafeMdx('<http://example.com/>')).toBe('[http://example.com/](http://example.com/)');
  });

  it('keeps an HTML comment\'s words as visible text', () => {
    expect(markdownToSafeMdx('before <!-- TODO: check {x} --> after')).toBe('before (comment: TODO: check &#123;x&#125;) after');
  });

  it('escapes import and export at the start of a line, even indented', () => {
    expect(markdownToSafeMdx('import x from "y"')).toBe('&#105;mport x from "y"');
    expect(markdownToSafeMdx('export const a = 1')).toBe('&#101;xport const a = 1');
    expect(markdownToSafeMdx('   export default 1')).toBe('   &#101;xport default 1');
  });

  it('leaves import and export alone elsewhere in a line and in longer words', () => {
    expect(markdownToSafeMdx('We import data nightly.')).toBe('We import data nightly.');
    expect(markdownToSafeMdx('Important: exports paused.')).toBe('Important: exports paused.');
    expect(markdownToSafeMdx('imports were paused')).toBe('imports were paused');
  });

  it('leaves fenced code exactly as written, for backtick and tilde fences', () => {
    const md = '```js\nimport x from "y";\nconst a = {b: 1} < 2;\n```\n\n~~~\n<div>{x}</div>\n~~~';
    expect(markdownToSafeMdx(md)).toBe(md);
  });

  it('escapes again once a fence has closed', () => {
    expect(markdownToSafeMdx('```\n{kept}\n```\n{escaped}')).toBe('```\n{kept}\n```\n&#123;escaped&#125;');
  });

  it('normalises Windows and old Mac line endings', () => {
    expect(markdownToSafeMdx('a\r\nb\rc')).toBe('a\nb\nc');
  });

  it('handles empty input', () => {
    expect(markdownToSafeMdx('')).toBe('');
  });

  it('leaves no raw brace or opening angle bracket outside fenced code', () => {
    const safe = markdownToSafeMdx(HOSTILE);
    expect(safe).not.toMatch(/[{}<]/);
    expect(safe).not.toMatch(/^\s*(import|export)\b/m);
  });
});

describe.skipIf(!satteri)('markdownToSafeMdx output compiled as MDX (satteri, the build\'s compiler)', () => {
  it('compiles hostile Markdown to content with no ESM, expressions or JSX', () => {
    const safe = markdownToSafeMdx(HOSTILE);
    // Unescaped, the same kind of text would have been code.
    expect(codeNodes('import fs from "node:fs"\n\nTotals: {fs.readFileSync("/etc/passwd", "utf8")}')).toEqual(['mdxjsEsm', 'mdxTextExpression']);
    expect(codeNodes(safe)).toEqual([]);
    expect(() => satteri!.mdxToJs(safe)).not.toThrow();
  });

  it('renders escaped text as the same characters the Markdown said', () => {
    for (const md of ['a {x} b', 'if a < b and c > d', 'import foo from "bar"', '- item {1}\n- item <2>', 'x = {\n  "a": 1\n}']) {
      expect(tree(satteri!.mdxToMdast(markdownToSafeMdx(md)))).toEqual(tree(satteri!.markdownToMdast(md)));
    }
  });

  it('keeps an autolink a link to the same address', () => {
    const md = 'see <https://example.com/a?b=1>';
    expect(tree(satteri!.mdxToMdast(markdownToSafeMdx(md)))).toEqual(tree(satteri!.markdownToMdast(md)));
  });

  it('keeps fenced code as code with its text unchanged', () => {
    const md = '```js\nconst a = {b: 1};\n<div>\n```';
    expect(tree(satteri!.mdxToMdast(markdownToSafeMdx(md)))).toEqual(tree(satteri!.markdownToMdast(md)));
  });

  // Bug: a line that starts with an inline code span written with triple backticks is taken for
  // a fence, so it and every following line until the next ``` stay unescaped and compile as
  // JavaScript, contradicting "imported text must never become code".
  it('never lets a line that starts with a triple-backtick code span turn text into code', () => {
    expect(codeNodes(markdownToSafeMdx('```ls``` printed {process.env.HOME}\n\n{1 + 1}'))).toEqual([]);
  });

  // Bug: fence tracking toggles on any ``` or ~~~ line, whatever opened the block, so a fence of
  // another kind or length inside a code block leaves the text after the block unescaped.
  it('never lets a different fence inside a code block turn the text after it into code', () => {
    expect(codeNodes(markdownToSafeMdx('````\n```\n````\n{1 + 1}'))).toEqual([]);
    expect(codeNodes(markdownToSafeMdx('```\n~~~\n```\n{1 + 1}'))).toEqual([]);
  });

  // Bug: braces and angle brackets inside inline code are escaped too, but code spans show
  // character references literally, so `a{b}` is shown as `a&#123;b&#125;`; contradicts
  // "without changing what it says ... render as the same characters".
  it('keeps the text of inline code spans unchanged', () => {
    const md = 'Run `kubectl get pods -o jsonpath={.items}` when `a<b` or `x >= 2`';
    expect(tree(satteri!.mdxToMdast(markdownToSafeMdx(md)))).toEqual(tree(satteri!.markdownToMdast(md)));
  });

  // Bug: `>` is escaped at the start of a line, so a Markdown blockquote becomes a paragraph that
  // begins with a literal ">" ("without changing what it says").
  it('keeps a blockquote a blockquote', () => {
    const md = '> We are investigating elevated error rates.';
    expect(tree(satteri!.mdxToMdast(markdownToSafeMdx(md)))).toEqual(tree(satteri!.markdownToMdast(md)));
  });
});

describe('demoteHeadings', () => {
  it('leaves a body without an h1 unchanged', () => {
    const md = '## Impact\n\ntext\n\n### Detail';
    expect(demoteHeadings(md)).toBe(md);
  });

  it('pushes every heading down one level when the body uses h1', () => {
    expect(demoteHeadings('# Summary\n\ntext\n\n## Timeline\n\n##### Deep')).toBe('## Summary\n\ntext\n\n### Timeline\n\n###### Deep');
  });

  it('leaves h6 alone, since there is no lower level', () => {
    expect(demoteHeadings('# A\n###### F')).toBe('## A\n###### F');
  });

  it('does not touch hash lines inside fenced code or hashtags without a space', () => {
    const md = '# Summary\n\n```sh\n# restart the pool\n## twice\n```\n\n#hashtag';
    expect(demoteHeadings(md)).toBe('## Summary\n\n```sh\n# restart the pool\n## twice\n```\n\n#hashtag');
  });

  // Bug: the h1 check runs over the whole text, fences included, so a shell comment in a code
  // block demotes the body's real headings; the doc says it acts "when the body uses h1".
  it('does not treat a "# " line inside fenced code as the body using h1', () => {
    const md = '```sh\n# restart the pool\n```\n\n## Timeline';
    expect(demoteHeadings(md)).toBe(md);
  });
});

describe('decodeCharacterReferences', () => {
  it('inverts the escaping markdownToSafeMdx does', () => {
    const md = 'a {x} < b > c\nimport x from "y"\n  export default {}\n- {1} <2>';
    expect(decodeCharacterReferences(markdownToSafeMdx(md))).toBe(md);
  });

  it('decodes numeric references only', () => {
    expect(decodeCharacterReferences('&#123;a&#125; &amp; &lt; &#x7b;')).toBe('{a} &amp; &lt; &#x7b;');
  });

  it('leaves text without references unchanged', () => {
    expect(decodeCharacterReferences('https://example.com/a?b=1&c=2')).toBe('https://example.com/a?b=1&c=2');
  });
});

describe('markdownToSafeMdx and code spans', () => {
  it('escapes braces between backtick runs of different lengths, which are not a code span', () => {
    const safe = markdownToSafeMdx('Run `` {process.exit(1)} ` now');
    expect(safe).not.toMatch(/[{}]/);
  });

  it('keeps a double-backtick span that contains a single backtick as written', () => {
    expect(markdownToSafeMdx('use ``a ` {b}`` here {c}')).toBe('use ``a ` {b}`` here &#123;c&#125;');
  });
});
