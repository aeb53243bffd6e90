/**
 * Search quality on a corpus nobody tuned the site for (`npm run bench:search`): imports
 * ../shared/corpus/postmortems-app into a temporary content folder, builds the site, runs the
 * judged symptom queries through the real search page in Chromium, and compares with plain BM25
 * (MiniSearch defaults) over the same writeups: recall, MRR, empty results and time to results.
 * Writes the report and prints its table.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { median, quantile } from 'd3';
import MiniSearch from 'minisearch';
import { buildSite, PROJECT_ROOT } from '../tests/harness/site-build';
import { importCorpus, type ImportedCorpus } from '../tests/harness/shared-corpus';
import { launchBrowser } from '../tests/harness/browser';
import { openSearchPage, runQuery, type QueryRun } from '../tests/harness/search-runner';
import { serveStatic } from '../tests/harness/static-server';
import { mrrAt, rankOf, recallAt, type Judged } from '../src/lib/search/metrics';
import type { CommandResult } from '../src/commands/command-result';

export interface SearchBenchmarkOptions {
  /** The judged queries, a JSON file; relative to the project root, and named so in the report. */
  queries: string;
  /** Where the report is written; relative to the project root. */
  report: string;
}

interface BenchQuery {
  query: string;
  style: string;
  expected: string;
}

function bm25Baseline(writeups: ImportedCorpus['writeups']): (query: string) => string[] {
  const index = new MiniSearch({ idField: 'slug', fields: ['title', 'text'] });
  index.addAll(writeups);
  return (query) => index.search(query).map((result) => String(result.id));
}

function summarise(name: string, runs: Judged[], times?: number[]) {
  const empty = runs.filter((r) => r.ranked.length === 0).length;
  return {
    name,
    r1: recallAt(1, runs),
    r5: recallAt(5, runs),
    mrr: mrrAt(10, runs),
    empty,
    median: times ? median(times) : undefined,
    // Interpolated between the two nearest times, as the report says.
    p90: times ? quantile(times, 0.9) : undefined,
  };
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

export async function runSearchBenchmark(options: SearchBenchmarkOptions, progress: (line: string) => void): Promise<CommandResult> {
  const queries = JSON.parse(await readFile(resolve(PROJECT_ROOT, options.queries), 'utf8')) as BenchQuery[];
  const workDir = await mkdtemp(join(tmpdir(), 'kb-bench-search-'));
  try {
    progress('importing the shared corpus …');
    const corpus = await importCorpus(workDir);
    const missing = queries.filter((q) => !corpus.slugByUrl.has(q.expected));
    if (missing.length > 0) throw new Error(`expected URLs not in the imported corpus:\n${missing.map((q) => q.expected).join('\n')}`);

    progress(`building ${corpus.writeups.length} writeups …`);
    const outDir = join(workDir, 'dist');
    const build = await buildSite({ contentDir: corpus.contentDir, outDir });
    if (build.code !== 0) throw new Error(`build failed:\n${build.output}`);

    const site = await serveStatic(outDir);
    const browser = await launchBrowser();
    let ours: QueryRun[];
    let coldMs = 0;
    try {
      const page = await browser.newPage();
      await openSearchPage(page, site.url);
      coldMs = (await runQuery(page, queries[0]!.query)).ms;
      ours = [];
      for (const q of queries) ours.push(await runQuery(page, q.query));
    } finally {
      await browser.close();
      await site.close();
    }

    const baseline = bm25Baseline(corpus.writeups);
    const judged = (ranked: (i: number) => string[]) =>
      queries.map((q, i) => ({ ranked: ranked(i), expected: corpus.slugByUrl.get(q.expected)! }));
    const oursJudged = judged((i) => ours[i]!.ranked);
    const bm25Judged = judged((i) => baseline(queries[i]!.query));
    const rows = [summarise('this site (Pagefind + query shaping + rerank)', oursJudged, ours.map((r) => r.ms)), summarise('plain BM25 (MiniSearch defaults)', bm25Judged)];

    const table = [
      '| search | recall@1 | recall@5 | MRR@10 | empty results | median time to results | p90 (interpolated) |',
      '|---|---|---|---|---|---|---|',
      ...rows.map((r) => `| ${r.name} | ${pct(r.r1)} | ${pct(r.r5)} | ${r.mrr.toFixed(3)} | ${r.empty} of ${queries.length} | ${r.median === undefined ? 'n/a' : `${r.median.toFixed(0)} ms`} | ${r.p90 === undefined ? 'n/a' : `${r.p90.toFixed(0)} ms`} |`),
    ].join('\n');
    const misses = queries
      .map((q, i) => ({ q, ours: rankOf(oursJudged[i]!), bm25: rankOf(bm25Judged[i]!), first: oursJudged[i]!.ranked[0], expected: oursJudged[i]!.expected }))
      .filter((m) => (m.ours ?? Infinity) > 1)
      .map((m) => `| ${m.q.query} | ${m.q.style} | ${m.ours ?? 'not found'} | ${m.bm25 ?? 'not found'} | \`${m.expected}\` | \`${m.first ?? '(none)'}\` |`);
    const report = `# Search benchmark

Run with \`npm run bench:search -- --queries ${options.queries} --report ${options.report}\` (about a minute).
${queries.length} symptom queries from \`${options.queries}\` (our own writing: no company names, a responder's words) over the
${corpus.writeups.length} writeups imported from \`../shared/corpus/postmortems-app\`. "Ours" runs
each query through the built \`/search/\` page in Chromium and reads the links in
\`[data-search-results]\`; the time is from submitting the query to results on screen, with the
index already loaded (the first, cold query took ${coldMs.toFixed(0)} ms). Timings are from one run on a
shared 2-core machine: compare the medians and the ratio, not the absolute numbers. p90 is the
90th percentile of the query times, interpolated linearly between the two nearest.

${table}

## Queries where the right incident was not first

| query | style | our rank | BM25 rank | expected | our first result |
|---|---|---|---|---|---|
${misses.join('\n')}
`;
    await writeFile(resolve(PROJECT_ROOT, options.report), report);
    return { code: 0, stdout: [table], stderr: [] };
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}
