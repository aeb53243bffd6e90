/**
 * What linking the stylesheet (astro.config.mjs) costs and saves against inlining it in every
 * page, as the site did before (`npm run bench:stylesheet`). Builds our writeups once; the
 * inlined variant is the same build with each page's stylesheet link replaced by the sheet
 * itself, which is what Astro's `inlineStylesheets: 'always'` wrote. Then, on the emulated slow
 * link (bench/support/slow-link.ts) and on loopback, alternating the two in one run, a fresh
 * browser (service workers blocked, to isolate the sheet) opens an incident page cold and then a
 * second one: first contentful paint of each. Beside that, what each variant's pages weigh in
 * bytes and on disk, here and projected to 10,000 writeups. Writes bench/stylesheet-report.md
 * and prints it.
 */
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { median } from 'd3';
import type { Browser } from 'playwright-core';
import { wholeNumber } from './support/bench-options';
import { pageTimings } from './support/offline-load';
import { outputSize, siteOutputKind, type OutputSize } from './support/output-size';
import { SLOW_LINK } from './support/slow-link';
import { serveBench, type BenchServer } from './support/throttled-server';
import { launchBrowser } from '../tests/harness/browser';
import { buildSite, PROJECT_ROOT } from '../tests/harness/site-build';
import type { CommandResult } from '../src/commands/command-result';

export interface StylesheetBenchmarkOptions {
  /** Cold visits of each variant on each link. */
  runs: number;
}

export function stylesheetBenchmarkOptions(values: { runs: string }): StylesheetBenchmarkOptions {
  return { runs: wholeNumber('runs', values.runs, 1) };
}

const LINKED_SHEET = /<link rel="stylesheet" href="\/(_astro\/[^"]+\.css)">/g;

/** Rewrites every page of `dir` with its linked stylesheets inlined. Returns how many pages changed. */
async function inlineStylesheets(dir: string): Promise<number> {
  let pages = 0;
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.html')) continue;
    const file = join(entry.parentPath, entry.name);
    const html = await readFile(file, 'utf8');
    const sheets = await Promise.all([...html.matchAll(LINKED_SHEET)].map(async (match) => [match[0], await readFile(join(dir, match[1]!), 'utf8')] as const));
    if (sheets.length === 0) continue;
    await writeFile(file, sheets.reduce((page, [link, css]) => page.replace(link, () => `<style>${css}</style>`), html));
    pages++;
  }
  return pages;
}

/** First contentful paint of each of `paths`, opened in turn in one fresh browser context. */
async function paintOf(browser: Browser, server: BenchServer, paths: readonly string[]): Promise<number[]> {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  try {
    const page = await context.newPage();
    const paints: number[] = [];
    for (const path of paths) {
      await page.goto(new URL(path, server.url).href, { waitUntil: 'commit' });
      paints.push((await pageTimings(page)).fcp);
    }
    return paints;
  } finally {
    await context.close();
  }
}

export async function runStylesheetBenchmark({ runs }: StylesheetBenchmarkOptions): Promise<CommandResult> {
  const workDir = await mkdtemp(join(tmpdir(), 'kb-bench-stylesheet-'));
  const browser = await launchBrowser();
  try {
    const linkedDir = join(workDir, 'linked');
    const build = await buildSite({ outDir: linkedDir });
    if (build.code !== 0) throw new Error(`the site did not build:\n${build.output.slice(-4000)}`);
    const inlinedDir = join(workDir, 'inlined');
    await cp(linkedDir, inlinedDir, { recursive: true });
    const changed = await inlineStylesheets(inlinedDir);
    const incidents = (await readdir(join(linkedDir, 'incidents'), { withFileTypes: true })).filter((e) => e.isDirectory() && /^\d{4}-/.test(e.name)).map((e) => `/incidents/${e.name}/`);
    const paths = [incidents[0]!, incidents[1]!];

    const variants = { linked: linkedDir, inlined: inlinedDir } as const;
    const links = { 'slow link': SLOW_LINK, loopback: undefined } as const;
    const paints = new Map<string, number[][]>();
    for (const [linkName, link] of Object.entries(links)) {
      const servers = Object.fromEntries(await Promise.all(Object.entries(variants).map(async ([name, dir]) => [name, await serveBench(dir, { link })] as const)));
      try {
        for (let run = 0; run < runs; run++) {
          const order = run % 2 === 0 ? (['linked', 'inlined'] as const) : (['inlined', 'linked'] as const);
          for (const variant of order) {
            const key = `${linkName}|${variant}`;
            paints.set(key, [...(paints.get(key) ?? []), await paintOf(browser, servers[variant]!, paths)]);
          }
        }
      } finally {
        await Promise.all(Object.values(servers).map((server) => server.close()));
      }
    }

    const sizes = { linked: await outputSize(linkedDir, siteOutputKind), inlined: await outputSize(inlinedDir, siteOutputKind) };
    const pages = (size: Map<string, OutputSize>) => size.get('incident pages')!;
    const perPage = (size: OutputSize, field: 'bytes' | 'diskBytes') => size[field] / size.files;
    const paintCell = (linkName: string, variant: string, index: number) => `${Math.round(median(paints.get(`${linkName}|${variant}`)!.map((p) => p[index]!))!)} ms`;
    const ratioCell = (linkName: string, index: number) => {
      const m = (variant: string) => median(paints.get(`${linkName}|${variant}`)!.map((p) => p[index]!))!;
      return `${(m('linked') / m('inlined')).toFixed(2)}×`;
    };
    const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`;
    const projected = (size: OutputSize, field: 'bytes' | 'diskBytes') => `${((perPage(size, field) * 10_000) / 1e6).toFixed(0)} MB`;
    const report = `# Stylesheet: linked or inlined

\`npm run bench:stylesheet -- --runs ${runs}\`: our ${pages(sizes.linked).files} writeups built once; the inlined variant is the same build with the
stylesheet link in each of its ${changed} pages replaced by the sheet (what \`inlineStylesheets: 'always'\` wrote). A fresh
browser (service workers blocked) opens an incident page cold, then a second one: first contentful paint of each,
medians of ${runs} runs, the two variants alternating. Slow link: ${SLOW_LINK.firstByteMs} ms per request, ${(SLOW_LINK.bytesPerSecond * 8) / 1e6} Mbit/s.

| link | page | linked | inlined | linked / inlined |
|---|---|---|---|---|
${Object.keys(links).flatMap((linkName) => ['first page, cold', 'second page'].map((label, index) => `| ${linkName} | ${label} | ${paintCell(linkName, 'linked', index)} | ${paintCell(linkName, 'inlined', index)} | ${ratioCell(linkName, index)} |`)).join('\n')}

| | linked | inlined |
|---|---|---|
| incident page, bytes (mean) | ${kb(perPage(pages(sizes.linked), 'bytes'))} | ${kb(perPage(pages(sizes.inlined), 'bytes'))} |
| incident page on disk, with its folder (mean) | ${kb(perPage(pages(sizes.linked), 'diskBytes'))} | ${kb(perPage(pages(sizes.inlined), 'diskBytes'))} |
| 10,000 incident pages, bytes (what a deploy uploads, what a full offline copy holds) | ${projected(pages(sizes.linked), 'bytes')} | ${projected(pages(sizes.inlined), 'bytes')} |
| 10,000 incident pages on disk | ${projected(pages(sizes.linked), 'diskBytes')} | ${projected(pages(sizes.inlined), 'diskBytes')} |
| whole site here, bytes | ${kb(sizes.linked.get('total')!.bytes)} | ${kb(sizes.inlined.get('total')!.bytes)} |

Chromium ${browser.version()}.
`;
    await writeFile(join(PROJECT_ROOT, 'bench/stylesheet-report.md'), report);
    return { code: 0, stdout: [report], stderr: [] };
  } finally {
    await browser.close();
    await rm(workDir, { recursive: true, force: true });
  }
}
