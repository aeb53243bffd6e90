/**
 * npm run bench:calendar [-- --runs N]
 *
 * How fast the calendar paints and how heavy its pages are with five years of 2,000 incidents.
 * Generates the incidents (seeded, so every run draws the same site) with the real patterns
 * into bench/out/calendar/content, builds the site, serves it, opens every calendar page in
 * Chromium `runs` times (a fresh context each time, so nothing is cached) while tracing, and
 * writes the medians to bench/calendar-report.md.
 */
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../e2e/support/browser';
import { buildSite, PROJECT_ROOT } from '../e2e/support/build';
import { writeFixtureContent, type FixtureIncident } from '../e2e/support/fixture-content';
import { serveStatic } from '../e2e/support/static-server';
import { IMPACT_LEVELS } from '../src/lib/impact';
import { seededRandom } from '../src/lib/seeded-random';
import { median } from '../src/lib/stats';

const INCIDENTS = 2000;
const FIRST_YEAR = 2021;
const YEARS = 5;
const BUDGET = { paintMs: 50, pageBytes: 300 * 1024 };
const OUT = join(PROJECT_ROOT, 'bench/out/calendar');
const REPORT = join(PROJECT_ROOT, 'bench/calendar-report.md');
const BASELINE = '/patterns/';

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
  const next = seededRandom(2021);
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

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { runs: { type: 'string', default: '7' } } });
  const runs = Number(values.runs);
  const patternIds = (await readdir(join(PROJECT_ROOT, 'content/patterns'))).map((name) => name.replace(/\.mdx$/, ''));
  const contentDir = join(OUT, 'content');
  const dist = join(OUT, 'dist');
  await rm(OUT, { recursive: true, force: true });
  await writeFixtureContent(contentDir, generateIncidents(patternIds));

  console.log(`building ${INCIDENTS} incidents over ${YEARS} years…`);
  const build = await buildSite({ contentDir, outDir: dist });
  if (build.code !== 0) throw new Error(`astro build failed:\n${build.output}`);

  const site = await serveStatic(dist);
  const browser = await launchBrowser();
  const chromium = browser.version();
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
        calendar: median(measured.map((run) => run.calendar)),
        painted: median(measured.map((run) => run.painted)),
        fcp: median(measured.map((run) => run.fcp)),
      };
      rows.push(row);
      console.log(`${path}  ${row.boxes} boxes  ${kilobytes(row.bytes)}  calendar ${ms(row.calendar)}  painted ${ms(row.painted)}  FCP ${ms(row.fcp)}`);
    }
  } finally {
    await browser.close();
    await site.close();
  }

  const calendars = rows.filter((row) => row.path !== BASELINE);
  const ok = calendars.every((row) => row.calendar < BUDGET.paintMs && row.bytes < BUDGET.pageBytes);
  await writeFile(REPORT, report(rows, runs, chromium, ok));
  console.log(`${ok ? 'within' : 'OVER'} budget; report written to bench/calendar-report.md`);
  return ok ? 0 : 1;
}

const kilobytes = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const ms = (value: number) => (Number.isNaN(value) ? '–' : `${value.toFixed(1)} ms`);

function report(rows: readonly Row[], runs: number, chromium: string, ok: boolean): string {
  const table = rows
    .map((row) => `| \`${row.path}\` | ${row.boxes} | ${kilobytes(row.bytes)} | ${ms(row.calendar)} | ${ms(row.painted)} | ${ms(row.fcp)} |`)
    .join('\n');
  return `# Calendar benchmark

Command: \`npm run bench:calendar\` (\`-- --runs N\` for more loads per page). Written by
\`scripts/bench-calendar.ts\`; do not edit by hand.

${INCIDENTS} generated incidents, ${FIRST_YEAR}–${FIRST_YEAR + YEARS - 1}, with the real patterns from
\`content/patterns/\` (durations log-uniform from a minute to a week, 8 % unknown; 10 % of dates
known only to the month, 2 % only to the year). Built with \`astro build\`, served from localhost,
opened in headless Chromium ${chromium} on ${cpus().length} cores (load average ${loadavg()[0]!.toFixed(1)} when the report
was written: other work on the machine inflates the page-load columns most). Each page was loaded
once to warm up, then ${runs} times, each in a fresh browser context (nothing cached); figures are
medians.

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

| page | boxes | HTML | calendar paint | page parse→painted | FCP |
|---|---:|---:|---:|---:|---:|
${table}

Result: ${ok ? 'every calendar page is within both budgets' : 'a calendar page is OVER budget'}.
`;
}

process.exitCode = await main();
