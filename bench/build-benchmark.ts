/**
 * What the full site costs against the Astro floor (`npm run bench:build`). Generates N writeups
 * from the shared corpus's text, then in one run builds (1) this site over them and (2) a bare
 * Astro + MDX + Pagefind site that renders the same files with nothing else, alternating the two
 * when there are several runs. Reports each build's phases, the peak memory of all its processes
 * together, and its output by kind of file, against the bounds chosen: `budget` is the product's
 * at 10,000 writeups, `ci` the generous bounds the 1,000-writeup regression run in .ci/run holds
 * (bench/support/build-benchmark-report.ts). Then the contributor's loop over the same writeups:
 * checking one file and seeing an edit in `npm run dev`. Writes the report, prints it, and exits
 * 1 when a measure is over its bound.
 */
import { mkdir, mkdtemp, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { wholeNumber, oneOf } from './support/bench-options';
import { BOUNDS_NAMES, renderBuildReport, type BoundsName, type BuildMeasure } from './support/build-benchmark-report';
import { buildPhases, FLOOR_PHASES, SITE_PHASES, unaccounted } from './support/build-phases';
import { devEditTimes, type DevEditTimes } from './support/dev-edit';
import { generateWriteups } from './support/generate-writeups';
import { lineBefore, measuredRun, outputOf, type MeasuredRun } from './support/measured-run';
import { floorOutputKind, outputSize, siteOutputKind } from './support/output-size';
import { buildCommand, PROJECT_ROOT } from '../tests/harness/site-build';
import { contentCacheDir } from '../src/node/content-dirs';
import type { CommandResult } from '../src/commands/command-result';

export interface BuildBenchmarkOptions {
  writeups: number;
  runs: number;
  bounds: BoundsName;
  /** Also time the contributor's loop: checking one file, an edit in `npm run dev`. */
  loop: boolean;
  /** Where the report is written. */
  report: string;
}

/** The options `npm run bench:build`'s flags ask for; a relative report path is taken from the project root. */
export function buildBenchmarkOptions(values: { writeups: string; runs: string; bounds: string; 'no-loop': boolean; report: string }): BuildBenchmarkOptions {
  return {
    writeups: wholeNumber('writeups', values.writeups, 1),
    runs: wholeNumber('runs', values.runs, 1),
    bounds: oneOf('bounds', values.bounds, BOUNDS_NAMES),
    loop: !values['no-loop'],
    report: resolve(PROJECT_ROOT, values.report),
  };
}

const BUILD_TIMEOUT_MS = 30 * 60_000;
const ASTRO = join(PROJECT_ROOT, 'node_modules/astro/bin/astro.mjs');
const PAGEFIND = join(PROJECT_ROOT, 'node_modules/pagefind/lib/runner/bin.cjs');

const FLOOR_CACHE_DIR = './.astro-cache';

/** The floor: Astro + MDX rendering each writeup with its title; Pagefind runs after it. */
async function floorProject(dir: string, contentDir: string): Promise<void> {
  await mkdir(join(dir, 'src/pages'), { recursive: true });
  await symlink(join(PROJECT_ROOT, 'node_modules'), join(dir, 'node_modules'));
  await writeFile(join(dir, 'package.json'), '{ "type": "module" }\n');
  // The same warning filter as astro.config.mjs: 10,000 warnings written out would slow the floor, not us.
  await writeFile(join(dir, 'astro.config.mjs'), `import mdx from '@astrojs/mdx';
export default {
  // Its own cache: node_modules is the project's, and so would its default cache folder be.
  cacheDir: ${JSON.stringify(FLOOR_CACHE_DIR)},
  integrations: [mdx()],
  vite: { build: { rolldownOptions: { onwarn(warning, warn) { if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning); } } } },
};
`);
  await writeFile(join(dir, 'src/content.config.ts'), `import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
export const collections = { incidents: defineCollection({ loader: glob({ pattern: '*.mdx', base: ${JSON.stringify(join(contentDir, 'incidents'))} }), schema: z.looseObject({ title: z.string() }) }) };
`);
  await writeFile(join(dir, 'src/pages/[slug].astro'), `---
import { getCollection, render } from 'astro:content';
export async function getStaticPaths() {
  return (await getCollection('incidents')).map((entry) => ({ params: { slug: entry.id }, props: { entry } }));
}
const { entry } = Astro.props;
const { Content } = await render(entry);
---
<html lang="en"><head><title>{entry.data.title}</title></head><body><main data-pagefind-body><h1>{entry.data.title}</h1><Content /></main></body></html>
`);
}

const succeeded = (run: MeasuredRun, what: string) => {
  if (run.code !== 0) throw new Error(`${what} failed:\n${outputOf(run)}`);
  return run;
};

// Each build starts cold, as in CI: without this, every run after the first would reuse its content cache.
async function measureSiteBuild(contentDir: string, outDir: string): Promise<BuildMeasure> {
  await rm(join(PROJECT_ROOT, contentCacheDir(contentDir)), { recursive: true, force: true });
  const run = succeeded(await measuredRun(buildCommand(['--outDir', outDir]), { cwd: PROJECT_ROOT, env: { KB_CONTENT_DIR: contentDir }, timeoutMs: BUILD_TIMEOUT_MS }), 'the site build');
  const phases = buildPhases(run.lines, SITE_PHASES);
  return { seconds: run.seconds, peakRssBytes: run.peakRssBytes, peakWhile: lineBefore(run, run.peakAtMs), phases: [...phases, { name: 'start, configuration, writing files', seconds: unaccounted(phases, run.seconds) }] };
}

async function measureFloorBuild(floorDir: string): Promise<BuildMeasure> {
  await rm(join(floorDir, FLOOR_CACHE_DIR), { recursive: true, force: true });
  const astro = succeeded(await measuredRun([process.execPath, ASTRO, 'build'], { cwd: floorDir, timeoutMs: BUILD_TIMEOUT_MS }), 'the floor build');
  const index = succeeded(await measuredRun([process.execPath, PAGEFIND, '--site', 'dist'], { cwd: floorDir, timeoutMs: BUILD_TIMEOUT_MS }), 'the floor\'s Pagefind run');
  const phases = buildPhases(astro.lines, FLOOR_PHASES);
  const peak = astro.peakRssBytes >= index.peakRssBytes ? { run: astro, what: 'astro build' } : { run: index, what: 'pagefind' };
  return {
    seconds: astro.seconds + index.seconds,
    peakRssBytes: peak.run.peakRssBytes,
    peakWhile: `${peak.what}: ${lineBefore(peak.run, peak.run.peakAtMs)}`,
    phases: [...phases, { name: 'search index', seconds: index.seconds }, { name: 'start, configuration, writing files', seconds: unaccounted(phases, astro.seconds) }],
  };
}

/** `npm run check:content -- <file>`, as a contributor types it, each a fresh process. */
async function checkOneFile(contentDir: string, file: string, times: number): Promise<number[]> {
  const seconds: number[] = [];
  for (let i = 0; i < times; i++) {
    const run = succeeded(await measuredRun(['npm', 'run', 'check:content', '--silent', '--', file], { cwd: PROJECT_ROOT, env: { KB_CONTENT_DIR: contentDir }, timeoutMs: 5 * 60_000 }), 'check:content');
    seconds.push(run.seconds);
  }
  return seconds;
}

export async function runBuildBenchmark(options: BuildBenchmarkOptions, progress: (line: string) => void): Promise<CommandResult> {
  const { writeups: count, runs } = options;
  const workDir = await mkdtemp(join(tmpdir(), 'kb-bench-build-'));
  try {
    const contentDir = join(workDir, 'content');
    progress(`generating ${count} writeups …`);
    await generateWriteups(contentDir, count);
    const floorDir = join(workDir, 'floor');
    await floorProject(floorDir, contentDir);
    const siteOut = join(workDir, 'site-dist');

    const site: BuildMeasure[] = [];
    const floor: BuildMeasure[] = [];
    for (let run = 1; run <= runs; run++) {
      // Alternating which goes first spreads a change in the machine's load over both.
      const order = run % 2 === 1 ? (['site', 'floor'] as const) : (['floor', 'site'] as const);
      for (const which of order) {
        progress(`run ${run}/${runs}: ${which === 'site' ? 'this site' : 'the floor'} …`);
        if (which === 'site') site.push(await measureSiteBuild(contentDir, siteOut));
        else floor.push(await measureFloorBuild(floorDir));
      }
    }
    const siteSize = await outputSize(siteOut, siteOutputKind);
    const floorSize = await outputSize(join(floorDir, 'dist'), floorOutputKind);

    let loop: { check: number[]; dev: DevEditTimes } | undefined;
    if (options.loop) {
      const slug = (await readdir(join(contentDir, 'incidents'))).sort()[Math.floor(count / 2)]!.replace(/\.mdx$/, '');
      progress('the contributor\'s loop: check:content on one file …');
      const check = await checkOneFile(contentDir, join(contentDir, 'incidents', `${slug}.mdx`), 3);
      progress('the contributor\'s loop: an edit in npm run dev …');
      loop = { check, dev: await devEditTimes({ contentDir, slug, edits: 3, timeoutMs: 5 * 60_000 }) };
    }

    const { markdown, over } = renderBuildReport({ count, boundsName: options.bounds, site, floor, siteSize, floorSize, loop });
    await writeFile(options.report, markdown);
    return { code: over ? 1 : 0, stdout: [markdown, `written to ${options.report}`], stderr: [] };
  } finally {
    await rm(workDir, { recursive: true, force: true });
    await rm(join(PROJECT_ROOT, contentCacheDir(join(workDir, 'content'))), { recursive: true, force: true });
  }
}
