import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { cp, mkdtemp, mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSite as buildSiteUnbounded, PROJECT_ROOT } from '../tests/harness/site-build';
import { checkContent } from '../src/commands/check-content-command';
import { MAX_BODY_NESTING, MAX_FILE_BYTES, MAX_FOOTNOTE_MARKERS, MAX_ITEMS, MAX_LENGTH, MAX_PARAGRAPH_MARKUP } from '../src/lib/content-limits';

/** Inside the test's own timeout (vitest.config.ts), so a hung build is killed with its workers. */
const buildSite = (options: Parameters<typeof buildSiteUnbounded>[0]) => buildSiteUnbounded({ timeoutMs: 55_000, ...options });

const VALID = `---
title: Writes time out after a failover
summary: Writes to the primary timed out for twenty minutes.
started: "2021-03-04T10:00:00Z"
ended: "2021-03-04T10:20:00Z"
duration: 20m
impact: major
patterns:
  - retry-storm
related: []
---

## Summary

Writes timed out.
`;

/** Writeups that carry code: the build must refuse each, before Astro starts and inside the MDX compiler. */
const CODE: { kind: string; edit: (text: string) => string }[] = [
  { kind: 'an import', edit: (t) => t.replace('Writes timed out.', "import fs from 'node:fs'\n\nWrites timed out.") },
  { kind: 'a script element', edit: (t) => t.replace('Writes timed out.', 'Writes timed out.\n\n<script>alert(document.cookie)</script>') },
  { kind: 'a JavaScript expression', edit: (t) => t.replace('Writes timed out.', 'Writes timed out {process.env.GITHUB_TOKEN}.') },
];

/** One broken writeup per kind of problem the build must refuse, and the field it must name. */
const BROKEN: { kind: string; field: string; edit: (text: string) => string }[] = [
  { kind: 'a schema error (bad impact)', field: 'impact', edit: (t) => t.replace('impact: major', 'impact: huge') },
  { kind: 'ended before started', field: 'ended', edit: (t) => t.replace('ended: "2021-03-04T10:20:00Z"', 'ended: "2021-03-04T09:20:00Z"').replace('duration: 20m\n', '') },
  { kind: 'a duration that contradicts ended', field: 'duration', edit: (t) => t.replace('duration: 20m', 'duration: 3h') },
  { kind: 'an unknown pattern id', field: 'patterns[0]', edit: (t) => t.replace('  - retry-storm', '  - retry-strom') },
  { kind: 'an unknown related slug', field: 'related[0]', edit: (t) => t.replace('related: []', 'related:\n  - 2020-01-01-no-such-incident') },
  ...CODE.map(({ kind, edit }) => ({ kind, field: '(body)', edit })),
];

let workDir: string;

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'kb-build-'));
});
afterAll(async () => {
  await rm(workDir, { recursive: true, force: true });
});

async function contentWith(name: string, text: string): Promise<string> {
  const dir = join(workDir, name);
  await mkdir(join(dir, 'incidents'), { recursive: true });
  await cp(join(PROJECT_ROOT, 'content/patterns'), join(dir, 'patterns'), { recursive: true });
  await writeFile(join(dir, 'incidents', '2021-03-04-writes-time-out.mdx'), text);
  return dir;
}

describe('npm run build on invalid content', () => {
  it('builds the valid writeup the broken ones are made from', async () => {
    const dir = await contentWith('valid', VALID);
    const result = await buildSite({ contentDir: dir, outDir: join(dir, 'dist') });
    expect(result.output).not.toMatch(/content problem/);
    expect(result.code).toBe(0);
  });

  it.each(BROKEN)('fails on $kind, naming the file and the field', async ({ kind, field, edit }) => {
    const broken = edit(VALID);
    expect(broken).not.toBe(VALID);
    const dir = await contentWith(kind.replace(/\W+/g, '-'), broken);
    const result = await buildSite({ contentDir: dir, outDir: join(dir, 'dist') });
    expect(result.code).not.toBe(0);
    const line = result.output.split('\n').find((l) => l.includes('2021-03-04-writes-time-out.mdx:'));
    expect(line, result.output).toBeDefined();
    expect(line).toMatch(/\.mdx:\d+:\d+/);
    expect(line).toContain(`  ${field}  `);
  });
});

describe('the MDX compiler on its own, with the pre-build check left out', () => {
  const config = 'e2e/support/unchecked.config.mjs';

  it('builds the valid writeup, so a failure below is the guard’s doing', async () => {
    const dir = await contentWith('unchecked-valid', VALID);
    const result = await buildSite({ contentDir: dir, outDir: join(dir, 'dist'), config });
    expect(result.output).not.toMatch(/refusing to compile/);
    expect(result.code).toBe(0);
  });

  it.each(CODE)('refuses to compile $kind, naming the file, line and column', async ({ kind, edit }) => {
    const dir = await contentWith(`unchecked-${kind.replace(/\W+/g, '-')}`, edit(VALID));
    const result = await buildSite({ contentDir: dir, outDir: join(dir, 'dist'), config });
    expect(result.code).not.toBe(0);
    expect(result.output).toMatch(/refusing to compile \S*2021-03-04-writes-time-out\.mdx: a writeup is content, not code/);
    expect(result.output).toMatch(/2021-03-04-writes-time-out\.mdx:\d+:\d+  \(body\)  /);
    expect(result.output).not.toMatch(/content problem/);
  });
});

/**
 * Writeups at the edges of what `npm run check:content` accepts (src/lib/content-limits.ts):
 * whatever the check lets through, the build must build. One folder, one build.
 */
describe('npm run build on everything the check accepts', () => {
  const lines = (count: number, line: string) => Array.from({ length: count }, () => line).join('\n');
  const writeup = (day: number, title: string, summary: string, body: string, extra = '') => `---
title: ${title}
summary: &summary ${summary}
started: "2021-05-${String(day).padStart(2, '0')}T10:00:00Z"
ended: "2021-05-${String(day).padStart(2, '0')}T10:20:00Z"
duration: 20m
impact: minor
patterns:
  - retry-storm
${extra}---

${body}
`;
  const half = MAX_BODY_NESTING / 2;
  const EDGES: { name: string; text: string }[] = [
    { name: 'blockquotes', text: writeup(1, 'Blockquotes nested to the limit', 'Quoted replies inside quoted replies, as deep as allowed.', `${'> '.repeat(MAX_BODY_NESTING)}innermost`) },
    { name: 'callouts', text: writeup(2, 'Callouts nested to the limit', 'Notes inside notes, as many as a body may hold.',
      `${lines(MAX_BODY_NESTING, '<Callout kind="note">')}\ninnermost\n${lines(MAX_BODY_NESTING, '</Callout>')}`) },
    { name: 'emphasis', text: writeup(3, 'Emphasis nested to the limit', 'Stressed words inside stressed words.', `${'_a *b '.repeat(half)}x${' c* d_'.repeat(half)}`) },
    // A list marker opens two levels, the list and its item.
    { name: 'lists', text: writeup(4, 'Lists nested to the limit', 'Bullets within bullets down to the deepest level.', `${'- '.repeat(half)}innermost`) },
    { name: 'aliases', text: writeup(5, 'Signals that repeat the summary by alias', 'Disk latency climbed on every replica at once.', 'Body.', 'signals:\n  - *summary\n  - *summary\n  - HTTP 503\n') },
    { name: 'longest-fields', text: writeup(6, 'T'.repeat(MAX_LENGTH.title), 'Every list at its longest and the title at its longest.', 'Body.',
      `signals:\n${Array.from({ length: MAX_ITEMS.signals }, (_, i) => `  - alert number ${i} fired`).join('\n')}\n`) },
    { name: 'bom-crlf', text: `\ufeff${writeup(7, 'Saved on Windows', 'A byte order mark and CRLF line endings from a Windows editor.', '## Summary\n\nLines end in CRLF.')}`.replace(/\n/g, '\r\n') },
    { name: 'rules', text: writeup(8, 'Thematic breaks in the body', 'Horizontal rules written three ways between paragraphs.', 'Above.\n\n---\n\nBetween.\n\n***\n\nBelow.\n\n- - -\n\nLast.') },
    { name: 'image-reference', text: writeup(9, 'A graph by reference', 'The latency graph is linked through a reference definition.', '![latency graph][graph]\n\n[graph]: https://example.com/latency.png') },
    { name: 'escaped-image', text: writeup(10, 'A graph with a space in its name', 'The image path carries an escaped space.', '![latency graph](/images/latency%20graph.png)') },
  ];
  const bodyRoom = MAX_FILE_BYTES - 2_000;
  const filled = (unit: string) => unit.repeat(Math.floor(bodyRoom / unit.length));
  EDGES.push(
    { name: 'large', text: writeup(11, 'A writeup just under the size limit', 'The longest body a file may hold.',
      filled('A long log line from the incident channel, kept as it was written at the time.\n\n')) },
    { name: 'crowded', text: writeup(12, 'Paragraphs as crowded as allowed', 'Every paragraph holds as many entities as one may.',
      filled(`${'&amp; '.repeat(MAX_PARAGRAPH_MARKUP)}\n\n`)) },
    { name: 'footnotes', text: writeup(13, 'Every fact with its footnote', 'As many footnote references and definitions as a body may hold.',
      `${Array.from({ length: MAX_FOOTNOTE_MARKERS - 10 }, (_, i) => `Fact ${i}.[^${i % 10}]`).join('\n\n')}\n\n${Array.from({ length: 10 }, (_, i) => `[^${i}]: Note ${i}.`).join('\n')}`) },
    // Wide, not deep: one paragraph with more children than a function call takes arguments.
    { name: 'wide', text: writeup(14, 'One paragraph of sixty thousand emphases', 'A paragraph made of stressed words only.', filled('*a* _b_ ')) },
  );

  it('builds every one of them', async () => {
    const dir = join(workDir, 'accepted');
    await mkdir(join(dir, 'incidents'), { recursive: true });
    await cp(join(PROJECT_ROOT, 'content/patterns'), join(dir, 'patterns'), { recursive: true });
    const slugs = EDGES.map(({ name }, index) => `2021-05-${String(index + 1).padStart(2, '0')}-${name}`);
    await Promise.all(EDGES.map(({ text }, index) => writeFile(join(dir, 'incidents', `${slugs[index]}.mdx`), text)));

    const check = await checkContent({ root: dir, dirs: { incidents: 'incidents', patterns: 'patterns' } });
    expect(check.stdout.join('\n')).toMatch(/: 0 errors, 0 warnings$/);
    expect(check.code).toBe(0);

    const outDir = join(dir, 'dist');
    const result = await buildSite({ contentDir: dir, outDir });
    expect(result.code, result.output).toBe(0);
    for (const slug of slugs) {
      expect((await stat(join(outDir, 'incidents', slug, 'index.html'))).isFile(), slug).toBe(true);
    }
    const deepest = await readFile(join(outDir, 'incidents', slugs[1]!, 'index.html'), 'utf8');
    expect(deepest).toContain('innermost');
  });
});
