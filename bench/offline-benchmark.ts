/**
 * What the offline copy costs and gives, beside the floor, in one run (`npm run bench:offline`).
 * Builds the real site (our writeups beside the imported shared corpus) and, unless `writeups` is
 * 0, N generated writeups. For each: what the first visit stores (the budget: 2 MiB whatever the
 * size), what "Save for offline" would fetch; then on loopback and on the emulated slow link,
 * `runs` cold visits of the home page with the worker and without it (workers blocked: the
 * floor), alternating, and a search link answered from the device with the network off beside
 * the same link loaded cold from the network. Writes medians and ratios to
 * bench/offline-report.md; exits 1 when a budget fails.
 */
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { median } from 'd3';
import type { SiteBenchmarkOptions } from './support/bench-options';
import { corpusContent, generatedContent, measureBuiltSites, type SitePlan } from './support/benchmark-sites';
import { loadHome, timeToFirstResult, type HomeLoad } from './support/offline-load';
import { SLOW_LINK, type LinkProfile } from './support/slow-link';
import { serveBench } from './support/throttled-server';
import { PROJECT_ROOT } from '../tests/harness/site-build';
import { DEFAULT_SHELL_BUDGET_BYTES } from '../src/integrations/offline';
import type { OfflineManifest } from '../src/lib/offline/manifest';
import { formatBytes } from '../src/lib/offline/save-plan';
import type { CommandResult } from '../src/commands/command-result';

const REPORT = join(PROJECT_ROOT, 'bench/offline-report.md');
const QUERY = 'certificate expired';
const NETWORKS: { name: string; link?: LinkProfile }[] = [{ name: 'loopback' }, { name: 'slow link', link: SLOW_LINK }];
/** The worker registers after the page has loaded, so the page itself must not be slower than the floor beyond noise. */
const PAINT_RATIO_BUDGET = 1.2;

interface Sizes {
  writeups: number;
  shellFiles: number;
  shellBytes: number;
  tiers: string;
  saveFiles: number;
  saveBytes: number;
  manifestGzipBytes: number;
  workerBytes: number;
}

interface Row {
  site: string;
  network: string;
  ours: HomeLoad[];
  floor: HomeLoad[];
  /** Undefined where the search found no index on the device. */
  offlineSearchMs: (number | undefined)[];
  onlineSearchMs: number[];
}

async function offlineSizes(outDir: string, writeups: number): Promise<Sizes> {
  const name = (await readdir(join(outDir, 'offline'))).find((file) => file.startsWith('manifest.'));
  if (!name) throw new Error(`${outDir}/offline has no manifest`);
  const manifestText = await readFile(join(outDir, 'offline', name), 'utf8');
  const manifest = JSON.parse(manifestText) as OfflineManifest;
  if (!manifest.shell) throw new Error(`${outDir}/offline/${name} does not describe its shell`);
  return {
    writeups,
    shellFiles: manifest.shell.files,
    shellBytes: manifest.shell.bytes,
    tiers: manifest.shell.tiers.join(', '),
    saveFiles: manifest.entries.length,
    saveBytes: manifest.entries.reduce((sum, entry) => sum + entry.bytes, 0),
    manifestGzipBytes: gzipSync(manifestText).byteLength,
    workerBytes: (await stat(join(outDir, 'sw.js'))).size,
  };
}

/** NaN where there is nothing to take the median of, e.g. no visit became available offline. */
const med = (values: readonly number[]) => median(values) ?? NaN;
const ms = (value: number) => `${value.toFixed(0)} ms`;
const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;

export async function runOfflineBenchmark({ writeups, runs }: SiteBenchmarkOptions, progress: (line: string) => void): Promise<CommandResult> {
  const plans: SitePlan[] = [
    { name: 'corpus', prepare: corpusContent },
    ...(writeups > 0 ? [{ name: 'generated', prepare: (workDir: string) => generatedContent(workDir, writeups) }] : []),
  ];
  const sizes = new Map<string, Sizes>();
  const rows: Row[] = [];
  const chromium = await measureBuiltSites(plans, progress, async (plan, outDir, content, browser) => {
    sizes.set(plan.name, await offlineSizes(outDir, content.writeups));
    for (const network of NETWORKS) {
      const server = await serveBench(outDir, { link: network.link });
      const row: Row = { site: plan.name, network: network.name, ours: [], floor: [], offlineSearchMs: [], onlineSearchMs: [] };
      try {
        const withWorker = async () => {
          const ours = await loadHome(browser, server, true);
          row.ours.push(ours.load);
          await ours.context.setOffline(true);
          row.offlineSearchMs.push(await timeToFirstResult(ours.context, server, QUERY));
          await ours.context.close();
        };
        const withoutWorker = async () => {
          const floor = await loadHome(browser, server, false);
          row.floor.push(floor.load);
          await floor.context.close();
          const onlineContext = await browser.newContext({ serviceWorkers: 'block' });
          const online = await timeToFirstResult(onlineContext, server, QUERY);
          if (online === undefined) throw new Error(`${plan.name} · ${network.name}: no result for ${JSON.stringify(QUERY)} online`);
          row.onlineSearchMs.push(online);
          await onlineContext.close();
        };
        // Which side goes first alternates, so neither always meets the host's colder state.
        for (let run = 1; run <= runs; run++) {
          for (const side of run % 2 === 1 ? [withWorker, withoutWorker] : [withoutWorker, withWorker]) await side();
        }
      } finally {
        await server.close();
      }
      progress(`${plan.name} · ${network.name}: paint ${ms(med(row.ours.map((l) => l.firstContentfulPaintMs)))} / floor ${ms(med(row.floor.map((l) => l.firstContentfulPaintMs)))}, offline ready ${ms(med(row.ours.map((l) => l.offlineReadyMs!)))}`);
      rows.push(row);
    }
  });

  const checks: { text: string; pass: boolean }[] = [];
  for (const [site, size] of sizes) checks.push({ text: `${site}: first visit stores ${formatBytes(size.shellBytes)}, budget ${formatBytes(DEFAULT_SHELL_BUDGET_BYTES)}`, pass: size.shellBytes <= DEFAULT_SHELL_BUDGET_BYTES });
  for (const row of rows) {
    const paint = med(row.ours.map((l) => l.firstContentfulPaintMs)) / med(row.floor.map((l) => l.firstContentfulPaintMs));
    checks.push({ text: `${row.site} · ${row.network}: first paint with the worker ${paint.toFixed(2)}× the floor's, budget ${PAINT_RATIO_BUDGET}×`, pass: paint <= PAINT_RATIO_BUDGET });
  }
  const lines = [
    '# Offline: what the first visit stores, and what it costs the reader',
    '',
    `Command: \`npm run bench:offline -- --writeups ${writeups} --runs ${runs}\`. Headless Chromium ${chromium} on ${cpus().length} cores, load average ${loadavg()[0]!.toFixed(1)} when written. Medians of ${runs} runs per row, each load in a fresh browser context (cold cache), the two sides alternating in one run (which goes first alternates too).`,
    '',
    '## What is stored',
    '',
    '| site | writeups | first visit stores | tiers | "Save for offline" | manifest (gzip) | sw.js |',
    '|---|---|---|---|---|---|---|',
    ...[...sizes].map(([site, s]) => `| ${site} | ${s.writeups} | ${s.shellFiles} files, ${formatBytes(s.shellBytes)} | ${s.tiers} | ${s.saveFiles} files, ${formatBytes(s.saveBytes)} | ${formatBytes(s.manifestGzipBytes)} | ${formatBytes(s.workerBytes)} |`),
    '',
    '## The home page, cold, with the worker and without (the floor)',
    '',
    'First contentful paint and the load event are the page\'s own timings; "available offline" is when the footer says so (the worker registers once the page has loaded and the browser is idle, then stores the shell). Bytes: every response body the server sent until it was quiet for a second, gzipped where it was.',
    '',
    '| site | network | first paint: ours / floor | ratio | load: ours / floor | ratio | available offline | bytes: ours / floor |',
    '|---|---|---|---|---|---|---|---|',
    ...rows.map((r) => {
      const o = (f: (l: HomeLoad) => number) => med(r.ours.map(f));
      const f = (g: (l: HomeLoad) => number) => med(r.floor.map(g));
      return `| ${r.site} | ${r.network} | ${ms(o((l) => l.firstContentfulPaintMs))} / ${ms(f((l) => l.firstContentfulPaintMs))} | ${ratio(o((l) => l.firstContentfulPaintMs), f((l) => l.firstContentfulPaintMs))} | ${ms(o((l) => l.loadEventMs))} / ${ms(f((l) => l.loadEventMs))} | ${ratio(o((l) => l.loadEventMs), f((l) => l.loadEventMs))} | ${ms(o((l) => l.offlineReadyMs!))} | ${formatBytes(o((l) => l.bytes))} / ${formatBytes(f((l) => l.bytes))} |`;
    }),
    '',
    `## A search link, \`/search/?q=${QUERY.replace(/ /g, '+')}\`, to the first result`,
    '',
    '*From the device*: right after the visit above, with the network off. *From the network*: a fresh context with workers blocked, cold, the floor a reader without the offline copy waits for.',
    '',
    '| site | network | from the device (offline) | from the network (cold) | ratio |',
    '|---|---|---|---|---|',
    ...rows.map((r) => {
      const found = r.offlineSearchMs.filter((value) => value !== undefined);
      if (found.length < r.offlineSearchMs.length) return `| ${r.site} | ${r.network} | no result in ${r.offlineSearchMs.length - found.length} of ${r.offlineSearchMs.length}: the index is not in the first visit's shell at this size (searches run online, or Save for offline, store it) | ${ms(med(r.onlineSearchMs))} | – |`;
      return `| ${r.site} | ${r.network} | ${ms(med(found))} | ${ms(med(r.onlineSearchMs))} | ${ratio(med(found), med(r.onlineSearchMs))} |`;
    }),
    '',
    '## Budgets',
    '',
    ...checks.map((c) => `- ${c.pass ? 'pass' : 'FAIL'}: ${c.text}`),
    '',
    `Slow link: ${SLOW_LINK.firstByteMs} ms before each response's first byte, ${(SLOW_LINK.bytesPerSecond * 8) / 1e6} Mbit/s shared by all connections, emulated in the server (bench/support/throttled-server.ts), so the worker's fetches pay it too.`,
    '',
  ];
  await writeFile(REPORT, lines.join('\n'));
  return {
    code: checks.every((c) => c.pass) ? 0 : 1,
    stdout: [checks.map((c) => `${c.pass ? 'pass' : 'FAIL'}: ${c.text}`).join('\n'), 'report written to bench/offline-report.md'],
    stderr: [],
  };
}
