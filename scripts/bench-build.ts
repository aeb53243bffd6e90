/**
 * npm run bench:build [-- --writeups 10000 --runs 1 --bounds budget|ci --no-loop --report FILE]
 *
 * What the full site costs against the Astro floor. Generates N writeups from the shared corpus's
 * text, then in one run builds (1) this site over them and (2) a bare Astro + MDX + Pagefind
 * site that renders the same files with nothing else, alternating the two when there are several
 * runs. Reports each build's phases, the peak memory of all its processes together, and its
 * output by kind of file, against the bounds chosen: `budget` (the default) is the product's at
 * 10,000 writeups, `ci` the generous bounds the 1,000-writeup regression run in .ci/run holds
 * (exit 1 when one fails). Then the contributor's loop over the same writeups: checking one file
 * and seeing an edit in `npm run dev`. Writes bench/build-report.md unless --report says where.
 */
import { mkdir, mkdtemp, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { buildPhases, FLOOR_PHASES, SITE_PHASES, unaccounted, type Phase } from '../bench/support/build-phases';
import { devEditTimes, type DevEditTimes } from '../bench/support/dev-edit';
import { generateWriteups } from '../bench/support/generate-writeups';
import { lineBefore, measuredRun, outputOf, type MeasuredRun } from '../bench/support/measured-run';
import { floorOutputKind, outputSize, siteOutputKind, type OutputSize } from '../bench/support/output-size';
import { buildCommand, PROJECT_ROOT } from '../tests/harness/site-build';
import { median } from '../src/lib/stats';
import { contentCacheDir } from '../src/node/content-dirs';

/** Ratios to the floor the site must stay within. */
/** Ratios to the floor the site must stay within, and the contributor's loop in seconds. */
const BOUNDS = {
  budget: { time: 1.2, memory: 1.0, disk: 1.6, checkSeconds: 3, editSeconds: 5 },
  // Regression bounds, not a timing test: far above the budget, so only a real regression (a
  // per-page cost that grows with the site, a duplicated style sheet) fails them on a busy runner.
  ci: { time: 2.5, memory: 1.6, disk: 2.6, checkSeconds: 10, editSeconds: 20 },
} as const;
type BoundsName = keyof typeof BOUNDS;

const { values } = parseArgs({
  options: {
    writeups: { type: 'string', default: '10000' },
    runs: { type: 'string', default: '1' },
    bounds: { type: 'string', default: 'budget' },
    'no-loop': { type: 'boolean', default: false },
    report: { type: 'string', default: join(PROJECT_ROOT, 'bench/build-report.md') },
  },
});
const count = Number(values.writeups);
const runs = Number(values.runs);
if (!Number.isInteger(count) || count < 1 || !Number.isInteger(runs) || runs < 1) throw new Error('--writeups and --runs take whole numbers from 1');
if (!(values.bounds in BOUNDS)) throw new Error(`--bounds is one of ${Object.keys(BOUNDS).join(', ')}, not "${values.bounds}"`);
const boundsName = values.bounds as BoundsName;
const bounds = BOUNDS[boundsName];

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

interface BuildMeasure {
  seconds: number;
  peakRssBytes: number;
  /** The last line written before the peak: what the build was doing. */
  peakWhile: string;
  phases: Phase[];
}

const succeeded = (run: MeasuredRun, what: string) => {
  if (run.code !== 0) throw new Error(`${what} failed:\n${outputOf(run)}`);
  return run;
};

// Each build starts cold, as in CI: without this, every run after the first would reuse its content cache.
async function buildSite(contentDir: string, outDir: string): Promise<BuildMeasure> {
  await rm(join(PROJECT_ROOT, contentCacheDir(contentDir)), { recursive: true, force: true });
  const run = succeeded(await measuredRun(buildCommand(['--outDir', outDir]), { cwd: PROJECT_ROOT, env: { KB_CONTENT_DIR: contentDir }, timeoutMs: BUILD_TIMEOUT_MS }), 'the site build');
  const phases = buildPhases(run.lines, SITE_PHASES);
  return { seconds: run.seconds, peakRssBytes: run.peakRssBytes, peakWhile: lineBefore(run, run.peakAtMs), phases: [...phases, { name: 'start, configuration, writing files', seconds: unaccounted(phases, run.seconds) }] };
}

async function buildFloor(floorDir: string): Promise<BuildMeasure> {
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

const workDir = await mkdtemp(join(tmpdir(), 'kb-bench-build-'));
try {
  const contentDir = join(workDir, 'content');
  console.log(`generating ${count} writeups …`);
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
      console.log(`run ${run}/${runs}: ${which === 'site' ? 'this site' : 'the floor'} …`);
      if (which === 'site') site.push(await buildSite(contentDir, siteOut));
      else floor.push(await buildFloor(floorDir));
    }
  }
  const siteSize = await outputSize(siteOut, siteOutputKind);
  const floorSize = await outputSize(join(floorDir, 'dist'), floorOutputKind);

  let loop: { check: number[]; dev: DevEditTimes } | undefined;
  if (!values['no-loop']) {
    const slug = (await readdir(join(contentDir, 'incidents'))).sort()[Math.floor(count / 2)]!.replace(/\.mdx$/, '');
    console.log('the contributor\'s loop: check:content on one file …');
    const check = await checkOneFile(contentDir, join(contentDir, 'incidents', `${slug}.mdx`), 3);
    console.log('the contributor\'s loop: an edit in npm run dev …');
    loop = { check, dev: await devEditTimes({ contentDir, slug, edits: 3, timeoutMs: 5 * 60_000 }) };
  }

  const { markdown, over } = renderReport({ site, floor, siteSize, floorSize, loop });
  const reportFile = resolve(values.report);
  await writeFile(reportFile, markdown);
  console.log(markdown);
  console.log(`written to ${reportFile}`);
  if (over) process.exitCode = 1;
} finally {
  await rm(workDir, { recursive: true, force: true });
  await rm(join(PROJECT_ROOT, contentCacheDir(join(workDir, 'content'))), { recursive: true, force: true });
}

/** The report's Markdown, and whether a measure is over its bound. */
function renderReport(results: { site: BuildMeasure[]; floor: BuildMeasure[]; siteSize: Map<string, OutputSize>; floorSize: Map<string, OutputSize>; loop?: { check: number[]; dev: DevEditTimes } }): { markdown: string; over: boolean } {
  const { site, floor, siteSize, floorSize, loop } = results;
  const s = (seconds: number) => `${seconds.toFixed(seconds < 10 ? 1 : 0)} s`;
  const mb = (bytes: number) => `${(bytes / 1e6).toFixed(bytes < 10e6 ? 1 : 0)} MB`;
  const ratio = (a: number, b: number) => (b > 0 ? `${(a / b).toFixed(2)}×` : '');
  const medianOf = (measures: BuildMeasure[], pick: (m: BuildMeasure) => number | undefined) => {
    const xs = measures.map(pick).filter((x): x is number => x !== undefined);
    return xs.length ? median(xs) : undefined;
  };
  const phaseOf = (measures: BuildMeasure[], name: string) => medianOf(measures, (m) => m.phases.find((p) => p.name === name)?.seconds);
  const names = [...new Set([...site[0]!.phases, ...floor[0]!.phases].map((p) => p.name))];
  const within = new Map(site[0]!.phases.filter((p) => p.within).map((p) => [p.name, p.within!]));
  const phaseRows = names.map((name) => {
    const [a, b] = [phaseOf(site, name), phaseOf(floor, name)];
    const label = within.has(name) ? `↳ ${name} (within ${within.get(name)})` : name;
    return `| ${label} | ${a === undefined ? '—' : s(a)} | ${b === undefined ? '—' : s(b)} |`;
  });
  const time = [medianOf(site, (m) => m.seconds)!, medianOf(floor, (m) => m.seconds)!] as const;
  const memory = [medianOf(site, (m) => m.peakRssBytes)!, medianOf(floor, (m) => m.peakRssBytes)!] as const;
  const disk = [siteSize.get('total')!.diskBytes, floorSize.get('total')!.diskBytes] as const;
  const bytes = [siteSize.get('total')!.bytes, floorSize.get('total')!.bytes] as const;
  const verdict = (pair: readonly [number, number], bound: number) => (pair[0] <= pair[1] * bound ? 'holds' : '**over**');
  const kinds = [...new Set([...siteSize.keys(), ...floorSize.keys()])].filter((k) => k !== 'total').sort((a, b) => (siteSize.get(b)?.diskBytes ?? 0) - (siteSize.get(a)?.diskBytes ?? 0));
  const sizeCell = (size: OutputSize | undefined) => (size ? `${size.files} | ${mb(size.bytes)} | ${mb(size.diskBytes)}` : '— | — | —');
  const incidentPages = siteSize.get('incident pages');
  const floorPages = floorSize.get('incident pages');
  const perPage = (size: OutputSize | undefined) => (size ? `${(size.bytes / size.files / 1000).toFixed(1)} KB` : '—');
  const runCount = site.length;
  const command = `npm run bench:build -- --writeups ${count} --runs ${runCount}${boundsName === 'budget' ? '' : ` --bounds ${boundsName}`}`;
  const underBound = (seconds: number, bound: number) => (seconds <= bound ? 'holds' : '**over**');
  const loopRows = loop ? [
    ['`check:content` on one writeup, median', median(loop.check), bounds.checkSeconds],
    ['an edit shown by `npm run dev`, median', median(loop.dev.editSeconds), bounds.editSeconds],
  ] as const : [];
  const over = [verdict(time, bounds.time), verdict(memory, bounds.memory), verdict(disk, bounds.disk), ...loopRows.map(([, seconds, bound]) => underBound(seconds, bound))].some((v) => v !== 'holds');

  const markdown = `# Build benchmark

\`${command}\`: writeups generated from the shared corpus's paragraphs, built by this site and by a
bare Astro + MDX + Pagefind site rendering the same files (the floor), ${runCount === 1 ? 'one after the other' : `alternating, ${runCount} runs each; medians`},
on a shared 2-core machine: read the ratios, not the absolute times. Memory is the peak of all of
a build's processes together, sampled every 100 ms. Disk is what the output takes on disk in
4 KB blocks with its folders (\`du\`); bytes are what is in the files (what a deploy uploads and a
full offline copy holds).

## Against the ${boundsName === 'budget' ? 'budget' : 'CI regression bounds'}

| measure | this site | floor | ratio | bound | verdict |
|---|---|---|---|---|---|
| wall time | ${s(time[0])} | ${s(time[1])} | ${ratio(...time)} | ${bounds.time}× | ${verdict(time, bounds.time)} |
| peak memory | ${mb(memory[0])} | ${mb(memory[1])} | ${ratio(...memory)} | ${bounds.memory}× | ${verdict(memory, bounds.memory)} |
| output on disk | ${mb(disk[0])} | ${mb(disk[1])} | ${ratio(...disk)} | ${bounds.disk}× | ${verdict(disk, bounds.disk)} |
| output bytes | ${mb(bytes[0])} | ${mb(bytes[1])} | ${ratio(...bytes)} | | |
${loopRows.map(([what, seconds, bound]) => `| ${what} | ${s(seconds)} | | | ${bound} s | ${underBound(seconds, bound)} |`).join('\n')}

An incident page is ${perPage(incidentPages)} here and ${perPage(floorPages)} in the floor, which has no navigation, facts or links.
Peak memory came ${runCount === 1 ? '' : '(first run) '}after this line of the build: \`${site[0]!.peakWhile}\`; the floor's after \`${floor[0]!.peakWhile}\`.

## Phases (${runCount === 1 ? 'wall time' : 'median wall time'})

| phase | this site | floor |
|---|---|---|
${phaseRows.join('\n')}
| **total** | **${s(time[0])}** | **${s(time[1])}** |

## Output by kind

| kind | files | bytes | on disk | floor files | floor bytes | floor on disk |
|---|---|---|---|---|---|---|
${kinds.map((kind) => `| ${kind} | ${sizeCell(siteSize.get(kind))} | ${sizeCell(floorSize.get(kind))} |`).join('\n')}
| **total** | ${sizeCell(siteSize.get('total'))} | ${sizeCell(floorSize.get('total'))} |
${loop ? `
## The contributor's loop

| step | median | runs |
|---|---|---|
| \`npm run check:content -- <one writeup>\` (a fresh process, as typed) | ${s(median(loop.check))} | ${loop.check.map(s).join(', ')} |
| \`npm run dev\`: first answer | ${s(loop.dev.readySeconds)} | 1 |
| \`npm run dev\`: first request of a writeup | ${s(loop.dev.firstPageSeconds)} | 1 |
| \`npm run dev\`: an edited writeup served with the edit, from saving | ${s(median(loop.dev.editSeconds))} | ${loop.dev.editSeconds.map(s).join(', ')} |
` : ''}`;
  return { markdown, over };
}
