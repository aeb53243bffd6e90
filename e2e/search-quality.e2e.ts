/**
 * The ranking floor: the benchmark's query sets (our tuning set and two held-out sets) over the
 * imported shared corpus, through the real search page. If a change to indexing or ranking
 * loses ground, this fails before a benchmark report would show it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { PROJECT_ROOT } from '../tests/harness/site-build';
import { useBuiltSite } from './support/fixture-site';
import { launchBrowser } from '../tests/harness/browser';
import { importCorpus, skipWithoutCorpora, type ImportedCorpus } from '../tests/harness/shared-corpus';
import { openSearchPage, runQuery } from '../tests/harness/search-runner';
import { recallAt } from '../src/lib/search/metrics';

/** Floors a little under the measured figures (the reports in bench/), so noise passes and a real loss fails. */
const QUERY_SETS = [
  { file: 'bench/search-queries.json', recallAt1: 0.85, recallAt5: 0.93 },
  { file: 'bench/holdout-queries.json', recallAt1: 0.85, recallAt5: 0.93 },
  { file: 'bench/styles-holdout-queries.json', recallAt1: 0.75, recallAt5: 0.88 },
];

describe.skipIf(skipWithoutCorpora('postmortems-app'))('search quality on the shared corpus', () => {
  let corpus: ImportedCorpus;
  let browser: Browser;
  const site = useBuiltSite('search-quality', async (workDir) => {
    corpus = await importCorpus(workDir);
    return corpus.contentDir;
  });

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('imports every record of the corpus once per incident: a record of an incident already imported is named, not lost', () => {
    const summary = /^242 records: (\d+) imported, 0 skipped as already present, (\d+) skipped as the same incident as a writeup.*, 0 failed/m.exec(corpus.output[0]!);
    expect(summary).not.toBeNull();
    const [imported, same] = [Number(summary![1]), Number(summary![2])];
    expect(imported + same).toBe(242);
    expect(same).toBeLessThan(10);
    expect(corpus.writeups).toHaveLength(imported);
  });

  it('lists every incident once across the pages of /incidents/, newest first', async () => {
    const page = await browser.newPage();
    const seen: string[] = [];
    const dates: string[] = [];
    let next: string | null = '/incidents/';
    while (next) {
      await page.goto(new URL(next, site.url).href);
      seen.push(...(await page.$$eval('.incident-list h2 a', (as) => as.map((a) => a.getAttribute('href') ?? ''))));
      dates.push(...(await page.$$eval('.incident-list .when time', (ts) => ts.map((t) => (t as HTMLTimeElement).dateTime))));
      next = (await (await page.$('nav.pager a[rel="next"]'))?.getAttribute('href')) ?? null;
    }
    expect(seen).toHaveLength(corpus.writeups.length);
    expect(new Set(seen).size).toBe(corpus.writeups.length);
    expect(dates).toEqual([...dates].sort().reverse());
    await page.close();
  });

  for (const set of QUERY_SETS) {
    it(`puts the right incident first for ${set.recallAt1 * 100}% and in the top 5 for ${set.recallAt5 * 100}% of ${set.file}, never returning nothing`, async () => {
      const queries = JSON.parse(await readFile(join(PROJECT_ROOT, set.file), 'utf8')) as { query: string; expected: string }[];
      const page = await browser.newPage();
      await openSearchPage(page, site.url);
      const runs = [];
      for (const q of queries) {
        const run = await runQuery(page, q.query);
        runs.push({ query: q.query, ranked: run.ranked, expected: corpus.slugByUrl.get(q.expected)! });
      }
      expect(runs.filter((r) => r.ranked.length === 0).map((r) => r.query)).toEqual([]);
      expect(recallAt(1, runs)).toBeGreaterThanOrEqual(set.recallAt1);
      expect(recallAt(5, runs)).toBeGreaterThanOrEqual(set.recallAt5);
    });
  }
});
