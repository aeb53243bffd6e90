/**
 * The calendar on real data: our writeups, the shared postmortems corpus imported on top of them,
 * then GitHub's status history, all with the real importer; built, and every calendar page read
 * in Chromium.
 */
import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { sizeAgreement } from '../src/lib/calendar/encoding';
import { impactRank, type Impact } from '../src/lib/impact';
import { useBuiltSite } from './support/fixture-site';
import { drawnWriteups, importCorpus, skipWithoutCorpora, type DrawnWriteup } from '../tests/harness/shared-corpus';
import { useBrowser } from './support/page';

const PAGE_BUDGET = 300 * 1024;
/** Share of longer-by-2x pairs that must have the larger box, on each corpus. */
const SIZE_AGREEMENT = 0.95;

describe.skipIf(skipWithoutCorpora('postmortems-app', 'statuspage-github'))('calendar of our writeups with both shared corpora imported', () => {
  /** Every dated writeup that is not a copy of another, by slug. */
  let dated = new Map<string, DrawnWriteup>();

  const corpusSite = useBuiltSite(
    'calendar-corpus',
    async (workDir) => {
      const { contentDir } = await importCorpus(workDir, { ownWriteups: true, statuspage: true });
      dated = await drawnWriteups(contentDir);
      return contentDir;
    },
    { timeoutMs: 15 * 60_000 },
  );

  const site = useBrowser(() => corpusSite.url);

  interface Box {
    path: string;
    slug: string;
    side: number;
    shade: string;
    fill: string;
  }
  /** Every box on every calendar page. Read once, for all tests. */
  let read: Promise<Box[]> | undefined;
  const allBoxes = () => (read ??= readBoxes());

  async function readBoxes(): Promise<Box[]> {
    const index = await site.open('/calendar/');
    const paths = [...new Set(['/calendar/', ...(await index.$$eval('.cal-years a', (links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname)))])];
    const boxes: Box[] = [];
    for (const path of paths) {
      const page = await site.open(path);
      const found = await page.$$eval('svg[data-calendar] a', (links) =>
        links.map((a) => {
          const rect = a.querySelector('rect')!;
          return { href: a.getAttribute('href')!, side: rect.width.baseVal.value, shade: rect.classList[0]!, fill: getComputedStyle(rect).fill };
        }),
      );
      boxes.push(...found.map(({ href, ...box }) => ({ path, slug: href.replace(/^\/incidents\/|\/$/g, ''), ...box })));
      await page.context().close();
    }
    return boxes;
  }

  it('draws every dated incident as exactly one linked box across 14 years of pages, each page under 300 KB', async () => {
    const boxes = await allBoxes();
    expect(dated.size).toBeGreaterThan(1400);
    expect(boxes.map((box) => box.slug).sort()).toEqual([...dated.keys()].sort());
    const paths = new Set(boxes.map((box) => box.path));
    expect(paths.size).toBeGreaterThanOrEqual(14);
    for (const path of paths) {
      const html = await readFile(join(corpusSite.outDir, path, 'index.html'));
      expect(html.byteLength, path).toBeLessThan(PAGE_BUDGET);
    }
  });

  it.each(['statuspage', 'postmortems'] as const)(
    'draws an incident that lasted at least twice as long as another as a larger box, on the %s import',
    async (origin) => {
      const drawn = (await allBoxes()).filter((box) => dated.get(box.slug)!.origin === origin);
      const { pairs, agreeing } = sizeAgreement(drawn.map((box) => ({ minutes: dated.get(box.slug)!.minutes, side: box.side })));
      expect(pairs).toBeGreaterThan(3000);
      expect(agreeing / pairs, `${agreeing} of ${pairs} pairs`).toBeGreaterThanOrEqual(SIZE_AGREEMENT);
    },
  );

  it('shades every box by its impact, darker for more', async () => {
    const boxes = await allBoxes();
    const byImpact = new Map<Impact, Set<string>>();
    for (const box of boxes) {
      const { impact } = dated.get(box.slug)!;
      expect(box.shade, box.slug).toBe(impact === 'unknown' ? 'su' : `s${impactRank(impact)}`);
      byImpact.set(impact, (byImpact.get(impact) ?? new Set()).add(box.fill));
    }
    // Every status-page impact level is present, each drawn in one fill, darker as impact grows.
    const levels = (['none', 'minor', 'major', 'critical'] as const).filter((level) => byImpact.has(level));
    expect(levels).toEqual(['none', 'minor', 'major', 'critical']);
    const lightness = levels.map((level) => {
      const fills = [...byImpact.get(level)!];
      expect(fills).toHaveLength(1);
      const [r, g, b] = fills[0]!.match(/\d+/g)!.map(Number);
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    });
    expect(lightness).toEqual([...lightness].sort((a, b) => b - a));
    expect(new Set(lightness).size).toBe(levels.length);
  });
});
