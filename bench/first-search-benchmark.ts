/**
 * What a responder waits for when they open a pasted search link, `/search/?q=…`, with a cold
 * cache, against the floor: stock Pagefind's own API over the same build
 * (`npm run bench:first-search`). Builds the real site (our writeups beside the imported shared
 * corpus) and, unless `writeups` is 0, a site of N generated writeups; serves each on loopback
 * and on an emulated slow link; loads our search page and the floor page `runs` times per query,
 * alternating, each in a fresh browser context; writes medians, ratios and budget checks to
 * bench/first-search-report.md (bench/support/first-search-report.ts). Exits 1 when a load
 * showed no result or a budget failed.
 */
import { writeFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { median } from 'd3';
import type { Browser } from 'playwright-core';
import type { SiteBenchmarkOptions } from './support/bench-options';
import { corpusContent, generatedContent, measureBuiltSites, type SitePlan } from './support/benchmark-sites';
import { coldLoad, type Side } from './support/cold-load';
import { BUDGET, budgetChecks, budgetLines, renderReport, summarise, summaryTable, type BenchSite, type LoadKey, type Measurement, type NetworkName } from './support/first-search-report';
import { FLOOR_HTML, FLOOR_PATH } from './support/floor-page';
import { SLOW_LINK, type LinkProfile } from './support/slow-link';
import { serveBench, type BenchServer } from './support/throttled-server';
import { PROJECT_ROOT } from '../tests/harness/site-build';
import type { CommandResult } from '../src/commands/command-result';

const REPORT = join(PROJECT_ROOT, 'bench/first-search-report.md');

/**
 * What gets pasted into an incident channel: a short phrase, a pasted error line, and three
 * symptom queries of growing length from bench/search-queries.json (a short one, a sentence, a
 * long alert description). Our page shapes each; the floor searches it exactly as typed.
 */
const QUERIES = [
  'certificate expired',
  "ERROR 1114 (HY000): The table 'bookmarks' is full",
  'twenty duplicate announcement emails',
  'DNS lookups from inside VMs in one region time out, same names resolve fine from outside',
  'memcached hit rate dropped sharply during service discovery agent rolling restart, sharded DB scatter queries timing out, client boot failing',
];

const NETWORKS: { name: NetworkName; link?: LinkProfile }[] = [{ name: 'loopback' }, { name: 'slow link', link: SLOW_LINK }];
const SIDES: readonly Side[] = ['ours', 'floor'];

interface FirstSearchPlan extends SitePlan {
  slowLinkBudgetMs: number;
}

function pathFor(side: Side, query: string): string {
  const search = new URLSearchParams({ q: query });
  return side === 'ours' ? `/search/?${search}` : `${FLOOR_PATH}?${search}`;
}

async function measure(browser: Browser, server: BenchServer, key: LoadKey, progress: (line: string) => void): Promise<Measurement> {
  try {
    return { ...key, load: await coldLoad(browser, server, pathFor(key.side, key.query), key.side) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    progress(`  ${key.side}, run ${key.run}: ${message}`);
    return { ...key, error: message };
  }
}

/** One line per site, network and query: both sides' median time to first result, NaN where every load failed. */
function queryLine(measurements: readonly Measurement[]): string {
  const medianMs = (side: Side) => median(measurements.flatMap((m) => (m.side === side && 'load' in m ? [m.load.firstResultMs] : []))) ?? NaN;
  const { site, network, query } = measurements[0]!;
  return `${site} · ${network} · ${JSON.stringify(query)}: ours ${medianMs('ours').toFixed(0)} ms, floor ${medianMs('floor').toFixed(0)} ms`;
}

export async function runFirstSearchBenchmark({ writeups, runs }: SiteBenchmarkOptions, progress: (line: string) => void): Promise<CommandResult> {
  const plans: FirstSearchPlan[] = [
    { name: 'corpus', slowLinkBudgetMs: 2500, prepare: corpusContent },
    ...(writeups > 0 ? [{ name: 'generated', slowLinkBudgetMs: 3000, prepare: (workDir: string) => generatedContent(workDir, writeups) }] : []),
  ];

  const sites: BenchSite[] = [];
  const measurements: Measurement[] = [];
  const chromium = await measureBuiltSites(plans, progress, async (plan, outDir, content, browser) => {
    sites.push({ name: plan.name, writeups: content.writeups, slowLinkBudgetMs: plan.slowLinkBudgetMs });
    for (const network of NETWORKS) {
      const server = await serveBench(outDir, { link: network.link, pages: { [FLOOR_PATH]: FLOOR_HTML } });
      try {
        for (const query of QUERIES) {
          const loads: Measurement[] = [];
          for (let run = 1; run <= runs; run++) {
            for (const side of SIDES) loads.push(await measure(browser, server, { site: plan.name, network: network.name, query, side, run }, progress));
          }
          progress(queryLine(loads));
          measurements.push(...loads);
        }
      } finally {
        await server.close();
      }
    }
  });

  const networks = NETWORKS.map((n) => n.name);
  const link = `${SLOW_LINK.firstByteMs} ms before each response's first byte, ${(SLOW_LINK.bytesPerSecond * 8) / 1e6} Mbit/s (${SLOW_LINK.bytesPerSecond / 1000} KB/s)`;
  const report = renderReport({
    command: `npm run bench:first-search -- --writeups ${writeups} --runs ${runs}`,
    environment: `Headless Chromium ${chromium} on ${cpus().length} cores, load average ${loadavg()[0]!.toFixed(1)} when the report was written.`,
    method: [
      `**Sites.** *corpus*: our writeups (\`content/incidents\`) beside the shared corpus (\`../shared/corpus/postmortems-app\`) imported with the real importer, built with \`astro build\`: the real site. *generated*: writeups generated from the corpus's paragraphs (seeded, as \`bench:build\` does).`,
      `**Loads.** For each site, network and query, ${runs} loads of our page and ${runs} of the floor, alternating (ours, floor, ours, …), each in a fresh context of one browser: empty cache, new connections.`,
      '**Ours** opens `/search/?q=<query>`. Time to first result: `performance.now()` (from navigation start) when the first `[data-search-results] > li` enters the DOM, seen by a MutationObserver installed before the page loads.',
      `**Floor** opens \`${FLOOR_PATH}?q=<query>\`, a page the benchmark serves beside the site (\`<html lang="en">\`) that only does what stock Pagefind's documented API needs: \`import('/pagefind/pagefind.js')\`, \`init()\`, \`search(query)\` with the query exactly as typed, then \`data()\` of the top five results. Time to first result: \`performance.now()\` once those are loaded. Pagefind's defaults: its worker, no preloads. Where Pagefind finds nothing (it requires every word), the floor stops there with nothing more to fetch: see "floor's results" per query.`,
      '**Bytes and requests** are counted by the server: response bodies as sent (gzipped where they were), headers left out. *To first result*: the requests started and bytes sent when the page reached its first result. *In all*: once no request had been in flight for 500 ms.',
      '**Host.** Like a static host or CDN: content types (Pagefind\'s `.pagefind`, `.pf_meta`, `.pf_index`, `.pf_fragment`, `.pf_filter` as `application/octet-stream`); ETag and Last-Modified; `Cache-Control: no-cache` on HTML and `max-age=3600` on everything else, so a preloaded file is reused by the fetch that follows; gzip for HTML, JavaScript, CSS, JSON and SVG when the browser accepts it (Pagefind\'s own files are gzip already and are sent as they are).',
      `**Networks.** *loopback*: 127.0.0.1, no throttling. *slow link*: emulated in the server, so what a worker fetches (Pagefind's index, its WebAssembly) pays it too: ${link}, one token bucket shared by all connections, bodies sent in 8 KB chunks, so parallel fetches split the bandwidth.`,
      `**Budgets.** Loopback: our time to first result at most ${BUDGET.loopbackTimeRatio}× the floor's. Either network: our bytes to first result at most ${BUDGET.bytesRatio}× the floor's. Slow link: our time to first result at most ${plans.map((p) => `${p.slowLinkBudgetMs / 1000} s for the ${p.name} site`).join(', ')}.`,
    ],
    sites,
    networks,
    queries: QUERIES,
    measurements,
  });
  await writeFile(REPORT, report);

  const rows = summarise(sites, networks, measurements);
  const checks = budgetChecks(rows);
  const failed = measurements.filter((m) => 'error' in m).length;
  return {
    code: failed === 0 && checks.every((c) => c.pass) ? 0 : 1,
    stdout: [
      `\n${summaryTable(rows)}\n\n${budgetLines(checks)}\n`,
      ...(failed > 0 ? [`${failed} loads showed no result (listed in the report).`] : []),
      'report written to bench/first-search-report.md',
    ],
    stderr: [],
  };
}
