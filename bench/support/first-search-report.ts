/**
 * The first-search benchmark's figures: medians per site and network, the budget checks, a
 * per-query breakdown and what one cold load fetched, rendered as Markdown. Pure: it only
 * reads the measurements.
 */
import { median } from 'd3';
import type { ColdLoad, Side } from './cold-load';

export type NetworkName = 'loopback' | 'slow link';

export interface BenchSite {
  name: string;
  writeups: number;
  /** The slowest acceptable median time to our first result on the slow link. */
  slowLinkBudgetMs: number;
}

export interface LoadKey {
  site: string;
  network: NetworkName;
  query: string;
  side: Side;
  run: number;
}

/** A load that showed a result, or the reason it did not: failures are reported, never dropped. */
export type Measurement = LoadKey & ({ load: ColdLoad } | { error: string });

export const BUDGET = {
  /** Loopback: our median time to first result against the floor's. */
  loopbackTimeRatio: 1.5,
  /** Either network: our median bytes to first result against the floor's. */
  bytesRatio: 1.15,
};

interface Figures {
  loads: number;
  ms: number;
  bytesToFirst: number;
  bytesTotal: number;
  requestsToFirst: number;
  requestsTotal: number;
}

function figures(measurements: readonly Measurement[], side: Side): Figures {
  const loads = measurements.flatMap((m) => (m.side === side && 'load' in m ? [m.load] : []));
  // NaN where every load failed: the report shows n/a and no budget passes.
  const med = (pick: (load: ColdLoad) => number) => median(loads.map(pick)) ?? NaN;
  return {
    loads: loads.length,
    ms: med((l) => l.firstResultMs),
    bytesToFirst: med((l) => l.toFirstResult.bytes),
    bytesTotal: med((l) => l.total.bytes),
    requestsToFirst: med((l) => l.toFirstResult.requests),
    requestsTotal: med((l) => l.total.requests),
  };
}

export interface Row {
  site: BenchSite;
  network: NetworkName;
  ours: Figures;
  floor: Figures;
  failed: number;
}

function row(site: BenchSite, network: NetworkName, measurements: readonly Measurement[]): Row {
  const mine = measurements.filter((m) => m.site === site.name && m.network === network);
  return { site, network, ours: figures(mine, 'ours'), floor: figures(mine, 'floor'), failed: mine.filter((m) => 'error' in m).length };
}

/** One row per site and network that has measurements, over all queries and runs. */
export function summarise(sites: readonly BenchSite[], networks: readonly NetworkName[], measurements: readonly Measurement[]): Row[] {
  return sites.flatMap((site) => networks.map((network) => row(site, network, measurements))).filter((r) => r.ours.loads + r.floor.loads + r.failed > 0);
}

export interface BudgetCheck {
  pass: boolean;
  text: string;
}

/** A site and network with a failed load passes no budget: its medians leave the failures out. */
export function budgetChecks(rows: readonly Row[]): BudgetCheck[] {
  return rows.flatMap((r) => {
    const where = `${r.site.name}, ${r.network}`;
    const failed = r.failed > 0 ? ` (${r.failed} failed loads)` : '';
    const check = (pass: boolean, text: string): BudgetCheck => ({ pass: pass && r.failed === 0, text: `${where}: ${text}${failed}` });
    const timeRatio = r.ours.ms / r.floor.ms;
    const bytesRatio = r.ours.bytesToFirst / r.floor.bytesToFirst;
    return [
      ...(r.network === 'loopback' ? [check(timeRatio <= BUDGET.loopbackTimeRatio, `time to first result ≤ ${BUDGET.loopbackTimeRatio}× the floor's: ${times(timeRatio)}`)] : []),
      check(bytesRatio <= BUDGET.bytesRatio, `bytes to first result ≤ ${BUDGET.bytesRatio}× the floor's: ${times(bytesRatio)}`),
      ...(r.network === 'slow link' ? [check(r.ours.ms <= r.site.slowLinkBudgetMs, `time to first result ≤ ${seconds(r.site.slowLinkBudgetMs)}: ${seconds(r.ours.ms)}`)] : []),
    ];
  });
}

const ms = (value: number) => (Number.isFinite(value) ? `${Math.round(value).toLocaleString('en')} ms` : 'n/a');
const seconds = (value: number) => (Number.isFinite(value) ? `${(value / 1000).toFixed(2)} s` : 'n/a');
const kb = (bytes: number) => (Number.isFinite(bytes) ? `${(bytes / 1000).toFixed(bytes < 10_000 ? 1 : 0)} KB` : 'n/a');
const times = (ratio: number) => (Number.isFinite(ratio) ? `${ratio.toFixed(2)}×` : 'n/a');
const count = (value: number) => (Number.isFinite(value) ? String(value) : 'n/a');
const cell = (text: string) => text.replace(/\|/g, '\\|');

export function summaryTable(rows: readonly Row[]): string {
  return [
    '| site | network | time to first result: ours | floor | ratio | bytes to first result: ours | floor | ratio | bytes in all: ours | floor | ratio | requests to first result: ours / floor | requests in all: ours / floor | failed loads |',
    '|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...rows.map(({ site, network, ours, floor, failed }) =>
      [
        `${site.name} (${site.writeups.toLocaleString('en')} writeups)`,
        network,
        ms(ours.ms),
        ms(floor.ms),
        times(ours.ms / floor.ms),
        kb(ours.bytesToFirst),
        kb(floor.bytesToFirst),
        times(ours.bytesToFirst / floor.bytesToFirst),
        kb(ours.bytesTotal),
        kb(floor.bytesTotal),
        times(ours.bytesTotal / floor.bytesTotal),
        `${count(ours.requestsToFirst)} / ${count(floor.requestsToFirst)}`,
        `${count(ours.requestsTotal)} / ${count(floor.requestsTotal)}`,
        String(failed),
      ].join(' | '),
    ).map((line) => `| ${line} |`),
  ].join('\n');
}

export function budgetLines(checks: readonly BudgetCheck[]): string {
  return checks.map((c) => `- ${c.pass ? 'PASS' : 'FAIL'} ${c.text}`).join('\n');
}

function queryTable(sites: readonly BenchSite[], networks: readonly NetworkName[], queries: readonly string[], measurements: readonly Measurement[]): string {
  const lines = sites.flatMap((site) =>
    networks.flatMap((network) =>
      queries.flatMap((query) => {
        const mine = measurements.filter((m) => m.site === site.name && m.network === network && m.query === query);
        if (mine.length === 0) return [];
        const ours = figures(mine, 'ours');
        const floor = figures(mine, 'floor');
        const found = [...new Set(mine.flatMap((m) => ('load' in m && m.load.floorResults !== undefined ? [m.load.floorResults] : [])))];
        return [
          [site.name, network, `\`${cell(query)}\``, ms(ours.ms), ms(floor.ms), times(ours.ms / floor.ms), kb(ours.bytesToFirst), kb(floor.bytesToFirst), kb(ours.bytesTotal), kb(floor.bytesTotal), found.join(', ') || 'n/a', String(mine.filter((m) => 'error' in m).length)].join(' | '),
        ];
      }),
    ),
  );
  return [
    '| site | network | query | time to first result: ours | floor | ratio | bytes to first result: ours | floor | bytes in all: ours | floor | floor\'s results | failed loads |',
    '|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...lines.map((line) => `| ${line} |`),
  ].join('\n');
}

function failures(measurements: readonly Measurement[]): string {
  const failed = measurements.flatMap((m) => ('error' in m ? [`- ${m.site}, ${m.network}, ${m.side}, run ${m.run}, \`${cell(m.query)}\`: ${m.error}`] : []));
  return failed.length === 0 ? 'None: every load showed a result.' : failed.join('\n');
}

/** The requests of the first load of the first query on the slow link, ours and the floor's. */
function oneLoad(sites: readonly BenchSite[], query: string, measurements: readonly Measurement[]): string {
  return sites
    .flatMap((site) =>
      (['ours', 'floor'] as const).map((side) => {
        const found = measurements.find((m) => m.site === site.name && m.network === 'slow link' && m.query === query && m.side === side && 'load' in m);
        if (!found || !('load' in found)) return `### ${site.name}, ${side}\n\nNo load of this query showed a result.`;
        const { load } = found;
        const rows = load.requests.map((r, i) => `| \`${cell(r.url.length > 90 ? `${r.url.slice(0, 87)}…` : r.url)}\` | ${r.status} | ${kb(r.bytes)} | ${i < load.toFirstResult.requests ? 'yes' : ''} |`);
        return [
          `### ${site.name}, ${side === 'ours' ? 'our search page' : 'the floor'} (run ${found.run}: first result at ${ms(load.firstResultMs)})`,
          '',
          '| request | status | bytes | before the first result |',
          '|---|---:|---:|:---:|',
          ...rows,
        ].join('\n');
      }),
    )
    .join('\n\n');
}

export interface ReportInput {
  command: string;
  /** What the run saw: browser version, cores, load average. */
  environment: string;
  /** How each part of the run was set up, one Markdown bullet each. */
  method: string[];
  sites: readonly BenchSite[];
  networks: readonly NetworkName[];
  queries: readonly string[];
  measurements: readonly Measurement[];
}

export function renderReport(input: ReportInput): string {
  const rows = summarise(input.sites, input.networks, input.measurements);
  return `# First search from a pasted link, on a cold cache

Written by \`scripts/bench-first-search.ts\`; do not edit by hand. This run: \`${input.command}\`
(the default, \`npm run bench:first-search\`, is \`-- --writeups 10000 --runs 7\`; \`--writeups 0\`
skips the generated site). ${input.environment}

What a responder waits for when they open a search link pasted into the incident channel,
\`/search/?q=…\`, with nothing cached, against the floor: stock Pagefind's own API over the same
build.

${input.method.map((line) => `- ${line}`).join('\n')}

## Results

Medians over all queries and runs; 1 KB = 1,000 bytes. Timings on a shared machine are noisy:
read the ratios, which compare loads interleaved in the same run.

${summaryTable(rows)}

## Budgets

${budgetLines(budgetChecks(rows))}

## Per query

${queryTable(input.sites, input.networks, input.queries, input.measurements)}

## Failed loads

${failures(input.measurements)}

## What one cold load fetched

The first load of \`${cell(input.queries[0] ?? '')}\` on the slow link, request by request, in the
order the server received them; bytes are the body as sent.

${oneLoad(input.sites, input.queries[0] ?? '', input.measurements)}
`;
}
