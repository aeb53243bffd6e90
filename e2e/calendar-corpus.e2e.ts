/**
 * The calendar on real data: the shared corpus imported with the real importer and built, then
 * every calendar page read in Chromium. (The corpus does not state impact, so shading is
 * checked on the fixture site in calendar.e2e.ts.)
 */
import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readFrontMatter } from '../src/lib/front-matter';
import { estimateMinutes } from '../src/lib/duration';
import { incidentDuration } from '../src/lib/incidents';
import { incidentSchema } from '../src/lib/schema';
import { isKnown } from '../src/lib/time-point';
import { entryId } from '../src/lib/validate/content';
import { readSourceFiles } from '../src/node/read-content';
import { PROJECT_ROOT } from './support/build';
import { useBuiltSite } from './support/built-site';
import { importCorpus, SHARED_CORPUS } from './support/corpus';
import { useBrowser } from './support/page';

const PAGE_BUDGET = 300 * 1024;

describe.skipIf(!existsSync(SHARED_CORPUS))('calendar of the imported shared corpus', () => {
  /** Minutes (or null) of every dated imported incident, by slug. */
  const dated = new Map<string, number | null>();

  const corpusSite = useBuiltSite('calendar-corpus', async (workDir) => {
    const { contentDir } = await importCorpus(workDir);
    for (const file of await readSourceFiles(PROJECT_ROOT, join(contentDir, 'incidents'))) {
      const data = incidentSchema.parse(readFrontMatter(file.text).data);
      if (isKnown(data.started)) dated.set(entryId(file.path), estimateMinutes(incidentDuration(data)));
    }
    return contentDir;
  });

  const site = useBrowser(() => corpusSite.url);

  /** Every box on every calendar page: its page, writeup slug and area. Read once, for both tests. */
  let read: Promise<{ path: string; slug: string; area: number }[]> | undefined;
  const allBoxes = () => (read ??= readBoxes());

  async function readBoxes(): Promise<{ path: string; slug: string; area: number }[]> {
    const index = await site.open('/calendar/');
    const paths = [...new Set(['/calendar/', ...(await index.$$eval('.cal-years a', (links) => links.map((a) => a.getAttribute('href')!)))])];
    const boxes = [];
    for (const path of paths) {
      const page = await site.open(path);
      const found = await page.$$eval('svg[data-calendar] a', (links) =>
        links.map((a) => {
          const rect = a.querySelector('rect')!;
          return { href: a.getAttribute('href')!, area: rect.width.baseVal.value * rect.height.baseVal.value };
        }),
      );
      boxes.push(...found.map(({ href, area }) => ({ path, slug: href.replace(/^\/incidents\/|\/$/g, ''), area })));
      await page.context().close();
    }
    return boxes;
  }

  it('draws every dated incident as exactly one linked box across the calendar pages, each page under 300 KB', async () => {
    const boxes = await allBoxes();
    expect(dated.size).toBeGreaterThan(150);
    expect(boxes.map((box) => box.slug).sort()).toEqual([...dated.keys()].sort());
    for (const path of new Set(boxes.map((box) => box.path))) {
      const html = await readFile(join(corpusSite.outDir, path, 'index.html'));
      expect(html.byteLength, path).toBeLessThan(PAGE_BUDGET);
    }
  });

  it('draws an incident that lasted at least twice as long as another as a larger box', async () => {
    const timed = (await allBoxes()).filter((box) => dated.get(box.slug) != null);
    expect(timed.length).toBeGreaterThan(100);
    const wrong = timed.flatMap((long) =>
      timed.filter((short) => dated.get(long.slug)! >= 2 * dated.get(short.slug)! && long.area <= short.area).map((short) => `${long.slug} ≤ ${short.slug}`),
    );
    expect(wrong).toEqual([]);
  });
});
