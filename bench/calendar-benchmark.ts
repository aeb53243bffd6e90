/**
 * How fast the calendar paints and how heavy its pages are (`npm run bench:calendar`), on two
 * sites: five years of 2,000 generated incidents (seeded, so every run draws the same site), and
 * the real data (our writeups with the shared postmortems corpus and GitHub's status history
 * imported on top, by the real importer). Builds each, serves it, opens every calendar page in
 * Chromium `runs` times (a fresh context each time, so nothing is cached) while tracing, and
 * writes the medians to bench/calendar-report.md, with how well box size and shade encode
 * duration and impact on the real data. Exits 1 when a page is over budget or the encoding
 * misses its target.
 */
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { median, randomLcg } from 'd3';
import type { Browser, Page } from 'playwright-core';
import { wholeNumber } from './support/bench-options';
import { launchBrowser } from '../tests/harness/browser';
import { buildSite, PROJECT_ROOT } from '../tests/harness/site-build';
import { drawnWriteups, importCorpus, type DrawnWriteup } from '../tests/harness/shared-corpus';
import { writeFixtureContent, type FixtureIncident } from '../tests/harness/fixture-content';
import { sizeAgreement } from '../src/lib/calendar/encoding';
import { formatCount } from '../src/lib/format-count';
import { serveStatic } from '../tests/harness/static-server';
import { IMPACT_LEVELS, type Impact } from '../src/lib/impact';
import type { CommandResult } from '../src/commands/command-result';

const INCIDENTS = 2000;
const FIRST_YEAR = 2021;
const YEARS = 5;
const BUDGET = { paintMs: 50, pageBytes: 300 * 1024 };
const OUT = join(PROJECT_ROOT, 'bench/out/calendar');
const REPORT = join(PROJECT_ROOT, 'bench/calendar-report.md');
const BASELINE = '/patterns/';

export interface CalendarBenchmarkOptions {
  /** Measured loads of each page, after one warm-up load. */
  runs: number;
}

export function calendarBenchmarkOptions(values: { runs: string }): CalendarBenchmarkOptions {
  return { runs: wholeNumber('runs', values.runs, 1) };
}

/** Trace events that turn changed DOM into pixels: style, layout, paint, commit, raster. */
const RENDER_EVENTS = new Set(['UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Layerize', 'Commit', 'RasterTask']);
/** Raster tasks are only in the verbose category, which slows a page load down: calendar only. */
const LOAD_CATEGORIES = ['devtools.timeline'];
const RENDER_CATEGORIES = [...LOAD_CATEGORIES, 'disabled-by-default-devtools.timeline'];

/*
 * Scripts run in the page. Strings, not functions: tsx would compile functions with helpers
 * that do not exist in the page.
 */
const TWO_FRAMES = 'new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))';
const FIRST_CONTENTFUL_PAINT = `new Promise((done) => new PerformanceObserver((list) => {
  const entry = list.getEntries().find((e) => e.name === 'first-contentful-paint');
  if (entry) done(entry.startTime);
}).observe({ type: 'paint', buffered: true }))`;
const DETACH_CALENDAR = `(async () => {
  const svg = document.querySelector('svg[data-calendar]');
  window.calendarSlot = [svg, svg.parentNode, svg.nextSibling];
  svg.remove();
  await ${TWO_FRAMES};
})()`;
const ATTACH_CALENDAR = `(async () => {
  const [svg, parent, next] = window.calendarSlot;
  parent.insertBefore(svg, next);
  await ${TWO_FRAMES};
})()`;

/**
 * Incidents spread over five years like a busy organisation's: durations log-uniform from a
 * minute to a week (some unknown), every impact, one to three real patterns, and a share of
 * dates known only to the month or year, as imported records have.
 */
function generateIncidents(patternIds: readonly string[]): FixtureIncident[] {
  const next = randomLcg(2021);
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!;
  const start = Date.UTC(FIRST_YEAR, 0, 1);
  const span = Date.UTC(FIRST_YEAR + YEARS, 0, 1) - start;
  return Array.from({ length: INCIDENTS }, (_, i) => {
    const iso = new Date(start + Math.floor((next() * span) / 60_000) * 60_000).toISOString();
    const precision = next();
    const started = precision < 0.02 ? iso.slice(0, 4) : precision < 0.12 ? iso.slice(0, 7) : iso.replace('.000Z', 'Z');
    const minutes = Math.round(Math.exp(next() * Math.log(7 * 24 * 60)));
    const patterns = [...new Set([pick(patternIds), pick(patternIds), pick(patternIds)].slice(0, 1 + Math.floor(next() * 3)))];
    return {
      slug: `${started.slice(0, 10)}-generated-incident-${i}`,
      title: `Generated incident ${i}: ${patterns.join(', ')}`,
      started,
      duration: next() < 0.08 ? 'unknown' : `${minutes}m`,
      impact: pick(IMPACT_LEVELS),
      patterns,
    };
  });
}

interface Run {
  /** Style, layout, paint, commit and raster of the calendar SVG, ms. */
  calendar: number;
  /** From the start of HTML parsing to the end of the load's last paint, ms. */
  painted: number;
  /** First contentful paint from navigation start, ms. */
  fcp: number;
}

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
}

/** Runs `action` while Chromium traces `page`; returns the complete (`X`) events. */
async function traced(browser: Browser, page: Page, categories: string[], action: () => Promise<unknown>): Promise<TraceEvent[]> {
  await browser.startTracing(page, { categories });
  let trace: Buffer;
  try {
    await action();
  } finally {
    trace = await browser.stopTracing();
  }
  const { traceEvents } = JSON.parse(trace.toString()) as { traceEvents: TraceEvent[] };
  return traceEvents.filter((event) => event.ph === 'X' && event.dur !== undefined);
}

const spent = (events: readonly TraceEvent[]) =>
  events.filter((event) => RENDER_EVENTS.has(event.name)).reduce((sum, event) => sum + event.dur!, 0) / 1000;

/**
 * Loads `url` in a fresh context (nothing cached), then draws its calendar again: detached
 * from the page and put back, so the second trace holds only the calendar's own rendering.
 */
async function measure(browser: Browser, url: string, hasCalendar: boolean): Promise<Run> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const load = await traced(browser, page, LOAD_CATEGORIES, async () => {
      await page.goto(url, { waitUntil: 'load' });
      await page.evaluate(TWO_FRAMES);
    });
    const parseStart = Math.min(...load.filter((event) => event.name === 'ParseHTML').map((event) => event.ts));
    const paintEnd = Math.max(...load.filter((event) => event.name === 'Paint').map((event) => event.ts + event.dur!));
    const fcp = (await page.evaluate(FIRST_CONTENTFUL_PAINT)) as number;
    let calendar = NaN;
    if (hasCalendar) {
      await page.evaluate(DETACH_CALENDAR);
      calendar = spent(await traced(browser, page, RENDER_CATEGORIES, () => page.evaluate(ATTACH_CALENDAR)));
    }
    return { calendar, painted: (paintEnd - parseStart) / 1000, fcp };
  } finally {
    await context.close();
  }
}

async function calendarPaths(dist: string): Promise<string[]> {
  const entries = await readdir(join(dist, 'calendar'), { withFileTypes: true });
  return ['/calendar/', ...entries.filter((entry) => entry.isDirectory()).map((entry) => `/calendar/${entry.name}/`).sort()];
}

interface Row extends Run {
  path: string;
  boxes: number;
  bytes: number;
}

/** Every calendar page of a built site, and the page without a calendar, measured `runs` times. */
async function measureSite(browser: Browser, dist: string, runs: number, progress: (line: string) => void): Promise<Row[]> {
  const site = await serveStatic(dist);
  const rows: Row[] = [];
  try {
    // The pattern index, a page without a calendar, shows what any page of the site costs.
    for (const path of [...(await calendarPaths(dist)), BASELINE]) {
      const url = new URL(path, site.url).href;
      const hasCalendar = path !== BASELINE;
      await measure(browser, url, hasCalendar); // warm-up: disk and code caches, not counted
      const measured: Run[] = [];
      for (let i = 0; i < runs; i += 1) measured.push(await measure(browser, url, hasCalendar));
      const html = await readFile(join(dist, path, 'index.html'), 'utf8');
      const row: Row = {
        path,
        boxes: html.match(/<svg data-calendar[\s\S]*?<\/svg>/)?.[0].match(/<a /g)?.length ?? 0,
        bytes: Buffer.byteLength(html),
        // Pages without a calendar have no calendar figure: NaN, shown as a dash.
        calendar: median(measured.map((run) => run.calendar)) ?? NaN,
        painted: median(measured.map((run) => run.painted))!,
        fcp: median(measured.map((run) => run.fcp))!,
      };
      rows.push(row);
      progress(`${path}  ${row.boxes} boxes  ${kilobytes(row.bytes)}  calendar ${ms(row.calendar)}  painted ${ms(row.painted)}  FCP ${ms(row.fcp)}`);
    }
  } finally {
    await site.close();
  }
  return rows;
}

interface Encoding {
  /** Per origin of the writeups: boxes drawn, pairs longer-by-2x, of which drawn larger. */
  sizes: { origin: DrawnWriteup['origin']; boxes: number; pairs: number; agreeing: number }[];
  /** Per impact: the shade classes its boxes were drawn with. */
  shades: Map<Impact, Set<string>>;
}

/** Box sides and shade classes as built, checked against what each writeup says. */
async function encodingOf(dist: string, drawn: ReadonlyMap<string, DrawnWriteup>): Promise<Encoding> {
  const boxes: { writeup: DrawnWriteup; side: number; shade: string }[] = [];
  for (const path of await calendarPaths(dist)) {
    const html = await readFile(join(dist, path, 'index.html'), 'utf8');
    const svg = html.match(/<svg data-calendar[\s\S]*?<\/svg>/)?.[0] ?? '';
    for (const [, slug, rect] of svg.matchAll(/<a href="\/incidents\/([^/"]+)\/"[\s\S]*?(<rect [^>]*>)/g)) {
      const writeup = drawn.get(slug!);
      if (!writeup) throw new Error(`${path} draws ${slug}, which the content does not date`);
      boxes.push({ writeup, side: Number(/ width="([\d.]+)"/.exec(rect!)![1]), shade: / class="(\w+)/.exec(rect!)![1]! });
    }
  }
  const sizes = (['statuspage', 'postmortems', 'ours'] as const).map((origin) => {
    const mine = boxes.filter((box) => box.writeup.origin === origin);
    return { origin, boxes: mine.length, ...sizeAgreement(mine.map((box) => ({ minutes: box.writeup.minutes, side: box.side }))) };
  });
  const shades = new Map<Impact, Set<string>>();
  for (const box of boxes) shades.set(box.writeup.impact, (shades.get(box.writeup.impact) ?? new Set()).add(box.shade));
  return { sizes, shades };
}

export async function runCalendarBenchmark({ runs }: CalendarBenchmarkOptions, progress: (line: string) => void): Promise<CommandResult> {
  const patternIds = (await readdir(join(PROJECT_ROOT, 'content/patterns'))).map((name) => name.replace(/\.mdx$/, ''));
  await rm(OUT, { recursive: true, force: true });
  const generated = { content: join(OUT, 'generated/content'), dist: join(OUT, 'generated/dist') };
  await writeFixtureContent(generated.content, generateIncidents(patternIds));
  const real = { content: join(OUT, 'real/content'), dist: join(OUT, 'real/dist') };
  progress('importing both shared corpora on top of our writeups…');
  await importCorpus(join(OUT, 'real'), { ownWriteups: true, statuspage: true });
  const drawn = await drawnWriteups(real.content);

  for (const site of [generated, real]) {
    progress(`building ${site.content}…`);
    const build = await buildSite({ contentDir: site.content, outDir: site.dist });
    if (build.code !== 0) throw new Error(`astro build failed:\n${build.output}`);
  }
  const encoding = await encodingOf(real.dist, drawn);

  const browser = await launchBrowser();
  const chromium = browser.version();
  let sites: { generated: Row[]; real: Row[] };
  try {
    sites = { generated: await measureSite(browser, generated.dist, runs, progress), real: await measureSite(browser, real.dist, runs, progress) };
  } finally {
    await browser.close();
  }

  const withinBudget = (rows: readonly Row[]) =>
    rows.filter((row) => row.path !== BASELINE).every((row) => row.calendar < BUDGET.paintMs && row.bytes < BUDGET.pageBytes);
  const encoded = encoding.sizes.every((size) => size.pairs === 0 || size.agreeing / size.pairs >= SIZE_AGREEMENT) && shadesDarken(encoding.shades);
  const ok = withinBudget(sites.generated) && withinBudget(sites.real) && encoded;
  await writeFile(REPORT, report(sites, encoding, drawn.size, runs, chromium, ok));
  return { code: ok ? 0 : 1, stdout: [`${ok ? 'within' : 'OVER'} budget; report written to bench/calendar-report.md`], stderr: [] };
}

/** Share of longer-by-2x pairs that must be drawn larger, on each corpus. */
const SIZE_AGREEMENT = 0.95;
const SHADE_ORDER: readonly [Impact, string][] = [['unknown', 'su'], ['none', 's1'], ['minor', 's2'], ['major', 's3'], ['critical', 's4']];

/** Each impact drawn in exactly its own shade class, classes darkening from none to critical. */
function shadesDarken(shades: ReadonlyMap<Impact, Set<string>>): boolean {
  return SHADE_ORDER.every(([impact, shade]) => !shades.has(impact) || (shades.get(impact)!.size === 1 && shades.get(impact)!.has(shade)));
}

const kilobytes = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const ms = (value: number) => (Number.isNaN(value) ? '–' : `${value.toFixed(1)} ms`);

function table(rows: readonly Row[]): string {
  return [
    '| page | boxes | HTML | calendar paint | page parse→painted | FCP |',
    '|---|---:|---:|---:|---:|---:|',
    ...rows.map((row) => `| \`${row.path}\` | ${row.boxes} | ${kilobytes(row.bytes)} | ${ms(row.calendar)} | ${ms(row.painted)} | ${ms(row.fcp)} |`),
  ].join('\n');
}

const ORIGIN_NAMES: Record<DrawnWriteup['origin'], string> = {
  statuspage: 'Statuspage import (GitHub)',
  postmortems: 'postmortems-app import',
  ours: 'our writeups',
};

function report(sites: { generated: Row[]; real: Row[] }, encoding: Encoding, drawn: number, runs: number, chromium: string, ok: boolean): string {
  const sizes = encoding.sizes
    .map(({ origin, boxes, pairs, agreeing }) => `| ${ORIGIN_NAMES[origin]} | ${formatCount(boxes)} | ${formatCount(pairs)} | ${formatCount(agreeing)} | ${pairs ? ((100 * agreeing) / pairs).toFixed(1) : '–'} % |`)
    .join('\n');
  const shades = SHADE_ORDER.filter(([impact]) => encoding.shades.has(impact))
    .map(([impact, shade]) => `| ${impact} | \`${shade}\` | ${[...encoding.shades.get(impact)!].map((c) => `\`${c}\``).join(', ')} |`)
    .join('\n');
  return `# Calendar benchmark

Command: \`npm run bench:calendar\` (\`-- --runs N\` for more loads per page). Written by
\`scripts/bench-calendar.ts\`; do not edit by hand.

Two sites, built with \`astro build\`, served from localhost, opened in headless Chromium
${chromium} on ${cpus().length} cores (load average ${loadavg()[0]!.toFixed(1)} when the report was written: other work on
the machine inflates the page-load columns most). Each page was loaded once to warm up, then
${runs} times, each in a fresh browser context (nothing cached); figures are medians.

- **calendar paint**: what Chromium spends drawing the year's calendar SVG. After the page has
  loaded, the SVG is detached, two frames pass, then it is put back while Chromium traces; the
  figure is the summed duration of every \`UpdateLayoutTree\`, \`Layout\`, \`PrePaint\`,
  \`Paint\`, \`Layerize\`, \`Commit\` and \`RasterTask\` event until two frames later: style,
  layout, paint and raster, main and raster threads added up (so an upper bound on the wall
  time). Budget: under ${BUDGET.paintMs} ms.
- **page parse→painted**: the whole page's first load, from the start of the first \`ParseHTML\`
  event to the end of the last \`Paint\` event two frames after \`load\`: parsing, script,
  style, layout, paint, and the idle time between frames. Navigation and network are left out.
- **FCP**: first contentful paint from navigation start (Paint Timing API), navigation included.
- **HTML**: the page's \`index.html\` as served (markup, inline SVG, inlined CSS and script).
  Budget: under ${BUDGET.pageBytes / 1024} KB.

\`${BASELINE}\`, a page without a calendar, is loaded the same way for comparison.

## Real data: our writeups, the postmortems corpus and GitHub's status history

${formatCount(drawn)} dated incidents drawn (copies of one incident drawn once), imported with \`npm run import\` on
top of \`content/incidents/\`.

${table(sites.real)}

### Does the picture encode what the writeups say?

Box size: among pairs of drawn incidents where one lasted at least twice as long as the other
(durations known from dates counted by the middle of their range; unknown durations left out),
how many draw the longer one larger. Target: at least ${SIZE_AGREEMENT * 100} % on each corpus.

| writeups | boxes | pairs 2x apart | longer drawn larger | share |
|---|---:|---:|---:|---:|
${sizes}

Shade: the class each impact level was drawn with (\`s1\`…\`s4\` darken in that order, \`su\` is
outlined).

| impact | expected | drawn with |
|---|---|---|
${shades}

## Generated: ${INCIDENTS} incidents, ${FIRST_YEAR}–${FIRST_YEAR + YEARS - 1}

With the real patterns from \`content/patterns/\` (durations log-uniform from a minute to a week,
8 % unknown; 10 % of dates known only to the month, 2 % only to the year).

${table(sites.generated)}

Result: ${ok ? 'every calendar page is within both budgets, and size and shade encode duration and impact' : 'a page is OVER budget or the encoding misses its target'}.
`;
}
