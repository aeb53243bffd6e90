import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { cp, mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSite, PROJECT_ROOT } from './support/build';

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
