/**
 * The incident calendar in a real browser, on a fixture site built from the incidents below, so
 * the expectations do not move with the example content: links, JavaScript-off reading, encoding,
 * tooltip, keyboard, pattern filter, home strip, pattern pages, accessibility, SVG snapshots.
 */
import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { parseDuration } from '../src/lib/duration';
import { seriousViolations } from '../tests/harness/browser';
import { useBuiltSite } from './support/fixture-site';
import { writeFixtureContent, type FixtureIncident } from '../tests/harness/fixture-content';
import { useBrowser } from './support/page';
import { SITE_SCRIPT_THEN_OFFLINE_STATUS, scriptFiles } from './support/page-scripts';

const FIXTURE: FixtureIncident[] = [
  { slug: '2024-03-10-short-retry-burst', title: 'Short retry burst', started: '2024-03-10T08:00:00Z', duration: '5m', impact: 'minor', patterns: ['retry-storm'] },
  { slug: '2024-03-10-resolver-outage', title: 'Resolver outage', started: '2024-03-10', duration: '1h', impact: 'major', patterns: ['dns-failure'], services: ['dns'] },
  { slug: '2024-07-01-three-day-outage', title: 'Three-day outage', started: '2024-07-01T12:00:00Z', duration: '3d', impact: 'critical', patterns: ['retry-storm', 'bad-deploy'] },
  { slug: '2024-11-lock-ordering-stall', title: 'Lock ordering stall', started: '2024-11', duration: 'unknown', impact: 'none', patterns: ['deadlock'] },
  { slug: '2025-01-06-canary-rollback', title: 'Canary rollback', started: '2025-01-06T09:00:00Z', duration: '10m', impact: 'none', patterns: ['bad-deploy'] },
  { slug: '2025-01-06-queue-retries', title: 'Queue retries', started: '2025-01-06T15:00:00Z', duration: '20m', impact: 'minor', patterns: ['retry-storm'] },
  { slug: '2025-01-06-api-retry-storm', title: 'API retry storm', started: '2025-01-06T20:00:00Z', duration: '2h', impact: 'major', patterns: ['retry-storm'], services: ['api'] },
  { slug: '2025-01-07-zone-delegation-lost', title: 'Zone delegation lost', started: '2025-01-07T10:00:00Z', duration: '4h', impact: 'critical', patterns: ['dns-failure'], services: ['dns'] },
  { slug: '2025-01-13-login-retry-storm', title: 'Login retry storm', started: '2025-01-13T10:00:00Z', duration: '1d', impact: 'critical', patterns: ['retry-storm'], services: ['api', 'dns'] },
  { slug: '2025-02-15-late-night-deadlock', title: 'Late-night deadlock', started: '2025-02-14T23:30:00-08:00', duration: '45m', impact: 'major', patterns: ['deadlock'] },
  { slug: '2025-03-retries-of-unknown-impact', title: 'Retries of unknown impact', started: '2025-03', duration: '2h', impact: 'unknown', patterns: ['retry-storm'] },
  { slug: '2025-deploy-sometime-that-year', title: 'Deploy sometime that year', started: '2025', duration: 'unknown', impact: 'minor', patterns: ['bad-deploy'] },
  { slug: '2025-06-01-resolver-flap', title: 'Resolver flap', started: '2025-06-01', duration: 'unknown', impact: 'unknown', patterns: ['dns-failure'] },
  { slug: '2025-06-20-thirty-second-blip', title: 'Thirty-second blip', started: '2025-06-20T00:00:00Z', duration: 'PT30S', impact: 'minor', patterns: ['retry-storm'] },
  { slug: '2025-06-21-two-week-rollout-freeze', title: 'Two-week rollout freeze', started: '2025-06-21T06:00:00Z', duration: '14d', impact: 'major', patterns: ['bad-deploy'] },
  { slug: '2025-04-07-week-long-certificate-saga', title: 'Week-long certificate saga', started: '2025-04-07', ended: '2025-04-14', impact: 'minor', patterns: ['certificate-expiry'] },
  {
    slug: '2025-05-05-primary-database-deleted',
    title: 'Primary database deleted by a cleanup script',
    organization: 'Example Corp',
    summary: 'A cleanup script deleted the primary database. Restoring it from backup took six hours.',
    started: '2025-05-05T10:00:00Z',
    duration: '6h',
    impact: 'critical',
    patterns: ['automation-gone-wrong'],
  },
  // An imported copy of the incident above: its page stays, but search and the calendar show the original.
  {
    slug: '2025-05-05-example-corp-database-outage',
    title: 'Example Corp database outage',
    organization: 'Example Corp',
    summary: 'Cleanup script deleted the primary database; restored from backup.',
    started: '2025-05-05',
    duration: 'unknown',
    impact: 'unknown',
    patterns: ['automation-gone-wrong'],
    body: '\n## What happened\n\nThe source’s words.\n\n## Imported from\n\n- Source: https://example.com/outage\n',
  },
  { slug: 'undated-lost-retry-storm', title: 'Lost retry storm', started: 'unknown', duration: '1h', impact: 'critical', patterns: ['retry-storm'] },
];
const COPY = '2025-05-05-example-corp-database-outage';
const DATED = FIXTURE.filter((incident) => incident.started !== 'unknown' && incident.slug !== COPY);
const bySlug = new Map(FIXTURE.map((incident) => [incident.slug, incident]));
const href = (slug: string) => `/incidents/${slug}/`;
const slugOf = (link: string) => link.replace(/^\/incidents\/|\/$/g, '');

const fixtureSite = useBuiltSite('calendar', async (workDir) => {
  await writeFixtureContent(join(workDir, 'content'), FIXTURE);
  return join(workDir, 'content');
});

const site = useBrowser(() => fixtureSite.url);

async function boxLinks(page: Page, selector = 'svg[data-calendar] a'): Promise<string[]> {
  return page.$$eval(selector, (links) => links.map((a) => a.getAttribute('href') ?? ''));
}

/** Every calendar page, by following the year navigation from /calendar/. */
async function calendarPages(page: Page): Promise<string[]> {
  const years = await page.$$eval('.cal-years a', (links) => links.map((a) => a.getAttribute('href') ?? ''));
  return [...new Set(['/calendar/', ...years])];
}

/** The SVG as built, one element per line, for a readable snapshot diff. */
async function builtSvg(path: string, selector: RegExp): Promise<string> {
  const html = await readFile(join(fixtureSite.outDir, path, 'index.html'), 'utf8');
  return `${html.match(selector)![0].replaceAll('><', '>\n<')}\n`;
}

describe('calendar pages', () => {
  it('draw every dated incident as exactly one linked box, and list the undated ones', async () => {
    const index = await site.open('/calendar/');
    const pages = await calendarPages(index);
    expect(pages).toEqual(['/calendar/', '/calendar/2024/']);
    const seen: string[] = [];
    for (const path of pages) {
      const page = await site.open(path);
      seen.push(...(await boxLinks(page)));
      expect(await page.locator('.cal-undated a').getAttribute('href')).toBe(href('undated-lost-retry-storm'));
    }
    expect(seen.sort()).toEqual(DATED.map((incident) => href(incident.slug)).sort());
  });

  it('read fully with JavaScript off: boxes are links named by title, date, duration and impact', async () => {
    const page = await site.open('/calendar/', { javaScriptEnabled: false });
    const box = page.getByRole('link', { name: /^Late-night deadlock/ });
    expect(await box.getAttribute('href')).toBe(href('2025-02-15-late-night-deadlock'));
    // 23:30 at UTC-8 is 07:30 UTC the next day: the box sits on the UTC day.
    expect(await box.locator('title').textContent()).toBe('Late-night deadlock\n15 Feb 2025, 07:30 UTC · lasted 45m · impact major');
    expect(await page.locator('.cal-filter').isHidden()).toBe(true);
    expect(await page.locator('.cal-legend').textContent()).toMatch(/Larger boxes lasted longer.*Darker boxes had more impact/s);
    const response = await page.request.get(site.url(href('2025-02-15-late-night-deadlock')));
    expect(response.status()).toBe(200);
  });

  it('draw a longer incident as a larger box, whenever it lasted at least twice as long', async () => {
    const areas = new Map<string, number>();
    for (const path of ['/calendar/', '/calendar/2024/']) {
      const page = await site.open(path);
      const boxes = await page.$$eval('svg[data-calendar] a', (links) =>
        links.map((a) => {
          const rect = a.querySelector('rect')!;
          return [a.getAttribute('href')!, rect.width.baseVal.value * rect.height.baseVal.value] as const;
        }),
      );
      for (const [link, area] of boxes) areas.set(slugOf(link), area);
    }
    const minutes = (incident: FixtureIncident) => parseDuration(incident.duration ?? 'unknown');
    const timed = DATED.filter((incident) => minutes(incident) !== null);
    for (const long of timed) {
      for (const short of timed) {
        if (minutes(long)! >= 2 * minutes(short)!) {
          expect(areas.get(long.slug), `${long.slug} vs ${short.slug}`).toBeGreaterThan(areas.get(short.slug)!);
        }
      }
    }
  });

  it.each(['light', 'dark'] as const)('shade boxes darker at each impact level, with 3:1 contrast against the page (%s mode)', async (colorScheme) => {
    const page = await site.open('/calendar/', { colorScheme });
    const fills = await page.$$eval('svg[data-calendar] a', (links) =>
      links.map((a) => [a.getAttribute('href')!, getComputedStyle(a.querySelector('rect')!).fill] as const),
    );
    const background = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    const luminance = (rgb: string) => {
      const [r, g, b] = rgb.match(/\d+/g)!.map((c) => {
        const v = Number(c) / 255;
        return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    };
    const levels = ['none', 'minor', 'major', 'critical'] as const;
    const mean = levels.map((level) => {
      const values = fills.filter(([link]) => bySlug.get(slugOf(link))!.impact === level).map(([, fill]) => luminance(fill));
      expect(values.length, level).toBeGreaterThan(0);
      return values.reduce((sum, v) => sum + v, 0) / values.length;
    });
    for (let i = 1; i < mean.length; i += 1) expect(mean[i]).toBeLessThan(mean[i - 1]!);
    for (const value of mean) {
      const [light, dark] = [Math.max(value, luminance(background)), Math.min(value, luminance(background))];
      expect((light + 0.05) / (dark + 0.05)).toBeGreaterThanOrEqual(3);
    }
  });

  it('show a tooltip on hover and on focus', async () => {
    const page = await site.open('/calendar/');
    const tip = page.locator('.cal-tip');
    expect(await tip.isHidden()).toBe(true);
    await page.locator(`a[href="${href('2025-01-07-zone-delegation-lost')}"]`).hover();
    expect(await tip.isVisible()).toBe(true);
    expect(await tip.textContent()).toBe('Zone delegation lost7 Jan 2025, 10:00 UTC · lasted 4h · impact critical');
    await page.mouse.move(0, 0);
    expect(await tip.isHidden()).toBe(true);
    await page.locator(`a[href="${href('2025-01-13-login-retry-storm')}"]`).focus();
    expect(await tip.textContent()).toMatch(/^Login retry storm13 Jan 2025/);
    // The native tooltip would double ours; the text stays the accessible name.
    const login = page.getByRole('link', { name: /^Login retry storm, 13 Jan 2025/ });
    expect(await login.count()).toBe(1);
    expect(await login.locator('title').count()).toBe(0);
  });

  it('move between boxes with the arrow keys, the picture being one tab stop', async () => {
    const page = await site.open('/calendar/');
    const focused = () => page.evaluate(() => document.activeElement?.getAttribute('href'));
    await page.locator(`a[href="${href('2025-01-06-canary-rollback')}"]`).focus();
    expect(await page.locator('svg[data-calendar] a:not([tabindex="-1"])').count()).toBe(1);
    await page.keyboard.press('ArrowDown');
    expect(await focused()).toBe(href('2025-01-06-queue-retries'));
    await page.keyboard.press('ArrowDown');
    expect(await focused()).toBe(href('2025-01-06-api-retry-storm'));
    await page.keyboard.press('ArrowDown');
    expect(await focused()).toBe(href('2025-01-07-zone-delegation-lost'));
    await page.keyboard.press('ArrowUp');
    expect(await focused()).toBe(href('2025-01-06-api-retry-storm'));
    await page.locator(`a[href="${href('2025-01-06-canary-rollback')}"]`).focus();
    await page.keyboard.press('ArrowRight');
    expect(await focused()).toBe(href('2025-01-13-login-retry-storm'));
    expect(await page.locator('svg[data-calendar] a[tabindex="0"]').getAttribute('href')).toBe(href('2025-01-13-login-retry-storm'));
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => Boolean(document.activeElement?.closest('svg[data-calendar]')))).toBe(false);
    await page.keyboard.press('Shift+Tab');
    expect(await focused()).toBe(href('2025-01-13-login-retry-storm'));
    await page.keyboard.press('Enter');
    await page.waitForURL(/login-retry-storm/);
  });

  it('highlight a pattern from ?pattern= and show how often it recurs per month', async () => {
    const page = await site.open('/calendar/?pattern=retry-storm');
    expect(await page.locator('#cal-pattern').inputValue()).toBe('retry-storm');
    const matches = await boxLinks(page, 'svg[data-calendar][data-filter="retry-storm"] a.match');
    expect(matches.map(slugOf).sort()).toEqual(
      DATED.filter((i) => i.started.startsWith('2025') && i.patterns.includes('retry-storm'))
        .map((i) => i.slug)
        .sort(),
    );
    expect(Number(await page.locator('svg[data-calendar] a:not(.match)').first().evaluate((a) => getComputedStyle(a).opacity))).toBeLessThan(0.5);
    const recurrence = page.locator('.cal-recurrence');
    expect(await recurrence.locator('h2').textContent()).toBe('Retry storm in 2025: 5 incidents, by month');
    expect(await recurrence.locator('li').allTextContents()).toEqual(
      expect.arrayContaining(['Jan 3', 'Feb 0', 'Mar 1', 'Jun 1', 'Dec 0']),
    );
    const year2024 = page.locator('.cal-years a', { hasText: '2024' });
    expect(await year2024.getAttribute('href')).toBe('/calendar/2024/?pattern=retry-storm');
    expect(await year2024.locator('.count').textContent()).toBe('(2)');

    await page.locator('#cal-pattern').selectOption('dns-failure');
    expect(new URL(page.url()).searchParams.get('pattern')).toBe('dns-failure');
    expect(await page.locator('svg[data-calendar] a.match').count()).toBe(2);
    await page.locator('#cal-pattern').selectOption('');
    expect(new URL(page.url()).search).toBe('');
    expect(await page.locator('.cal-recurrence').isHidden()).toBe(true);
    expect(await year2024.locator('.count').textContent()).toBe('(4)');
  });

  it('highlight a service from its select, carry it across years, and count it per month', async () => {
    const page = await site.open('/calendar/?pattern=retry-storm');
    await page.locator('#cal-service').selectOption('dns');
    expect(await page.locator('#cal-pattern').inputValue()).toBe('');
    const url = new URL(page.url());
    expect([url.searchParams.get('service'), url.searchParams.get('pattern')]).toEqual(['dns', null]);
    const matches = await boxLinks(page, 'svg[data-calendar][data-filter="dns"] a.match');
    expect(matches.map(slugOf).sort()).toEqual(['2025-01-07-zone-delegation-lost', '2025-01-13-login-retry-storm']);
    expect(await page.locator('.cal-recurrence h2').textContent()).toBe('dns in 2025: 2 incidents, by month');
    const year2024 = page.locator('.cal-years a', { hasText: '2024' });
    expect(await year2024.getAttribute('href')).toBe('/calendar/2024/?service=dns');
    expect(await year2024.locator('.count').textContent()).toBe('(1)');
    await year2024.click();
    await page.waitForURL(/\/calendar\/2024\/\?service=dns$/);
    expect(await page.locator('#cal-service').inputValue()).toBe('dns');
    expect((await boxLinks(page, 'svg[data-calendar] a.match')).map(slugOf)).toEqual(['2024-03-10-resolver-outage']);
  });

  it('draw a duration known only from dates by the middle of its range, with a dashed edge, and say so', async () => {
    const page = await site.open('/calendar/');
    const saga = page.locator(`svg[data-calendar] a[href="${href('2025-04-07-week-long-certificate-saga')}"]`);
    expect(await saga.locator('rect').getAttribute('class')).toBe('s2 approx');
    expect(await saga.locator('title').textContent()).toContain('lasted about 7 days, from dates');
    expect(await saga.locator('rect').evaluate((rect) => getComputedStyle(rect).strokeDasharray)).not.toBe('none');
    const side = await saga.locator('rect').evaluate((rect) => (rect as SVGRectElement).width.baseVal.value);
    const week = page.locator(`svg[data-calendar] a[href="${href('2025-06-21-two-week-rollout-freeze')}"] rect`);
    expect(side).toBeLessThan(await week.evaluate((rect) => (rect as SVGRectElement).width.baseVal.value));
    expect(await page.locator('.cal-legend').textContent()).toContain('approximate, from dates (dashed edge)');
    const writeup = await site.open(href('2025-04-07-week-long-certificate-saga'));
    expect(await writeup.locator('.facts-grid').textContent()).toContain('about 7 days, from dates');
  });

  it('show one writeup of an incident written up twice: the copy stays readable, out of the calendar and the search index', async () => {
    const page = await site.open('/calendar/');
    expect(await boxLinks(page)).not.toContain(href(COPY));
    const copy = await site.open(href(COPY));
    expect(await copy.locator('[data-copy-of] a').getAttribute('href')).toBe(href('2025-05-05-primary-database-deleted'));
    expect(await copy.locator('[data-pagefind-body]').count()).toBe(0);
    const original = await site.open(href('2025-05-05-primary-database-deleted'));
    expect(await original.locator('[data-other-writeups] a').getAttribute('href')).toBe(href(COPY));
    expect(await original.locator('[data-pagefind-body]').count()).toBe(1);
    expect(await original.locator('.similar a').evaluateAll((links) => links.map((a) => a.getAttribute('href')))).not.toContain(href(COPY));
  });

  it('fit the year navigation and the highlight on a phone screen without sideways scrolling', async () => {
    const page = await site.open('/calendar/', { viewport: { width: 390, height: 800 } });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(overflow).toBeLessThanOrEqual(390);
    expect(await page.locator('.cal-scroll-hint').isVisible()).toBe(true);
  });

  it('load the calendar module on calendar pages only, and only the site script on the home and pattern pages until they have loaded', async () => {
    for (const [path, modules] of [['/calendar/', 1], ['/', 0], ['/patterns/retry-storm/', 0]] as const) {
      const page = await site.blank();
      await page.goto(site.url(path), { waitUntil: 'networkidle' });
      expect(await page.locator('script[type="module"]:not([src^="/site.js?"])').count(), path).toBe(modules);
      if (modules === 0) expect(await scriptFiles(page), path).toEqual(SITE_SCRIPT_THEN_OFFLINE_STATUS);
    }
  });

  it.each(['light', 'dark'] as const)('have no serious or critical axe violations, with the strips on home and pattern pages (%s mode)', async (colorScheme) => {
    for (const path of ['/calendar/', '/calendar/2024/?pattern=retry-storm', '/', '/patterns/retry-storm/']) {
      const page = await site.open(path, { colorScheme });
      const violations = await seriousViolations(page);
      expect(violations.map((v) => `${path}: ${v.id} ${v.help}`)).toEqual([]);
    }
  });

  it('draw the fixture years as the stored SVG snapshots', async () => {
    await expect(await builtSvg('calendar', /<svg data-calendar="year"[\s\S]*?<\/svg>/)).toMatchFileSnapshot('__snapshots__/calendar-2025.svg');
    await expect(await builtSvg('calendar/2024', /<svg data-calendar="year"[\s\S]*?<\/svg>/)).toMatchFileSnapshot('__snapshots__/calendar-2024.svg');
  });
});

describe('home page strip', () => {
  it('draws the last 14 days with incidents in the data, linked like the calendar', async () => {
    const page = await site.open('/');
    const strip = page.locator('.cal-strip');
    expect(await strip.locator('p').textContent()).toMatch(/last 14 days with incidents in the data, 8 Jun 2025 – 21 Jun 2025: 2 incidents/);
    expect(await boxLinks(page, '.cal-strip svg[data-calendar="days"] a')).toEqual([
      href('2025-06-20-thirty-second-blip'),
      href('2025-06-21-two-week-rollout-freeze'),
    ]);
    expect(await strip.getByRole('link', { name: 'Full calendar →' }).getAttribute('href')).toBe('/calendar/');
  });
});

describe('pattern page strip', () => {
  it('draws the pattern’s incidents year by year, each year linking to the filtered calendar', async () => {
    const page = await site.open('/patterns/retry-storm/');
    const panels = page.locator('.cal-multiples li');
    expect(await panels.locator('> a').allTextContents()).toEqual(['2024', '2025']);
    expect(await panels.locator('> a').first().getAttribute('href')).toBe('/calendar/2024/?pattern=retry-storm');
    const boxes = await boxLinks(page, '.cal-multiples svg[data-calendar="months"] a');
    expect(boxes.map(slugOf).sort()).toEqual(DATED.filter((i) => i.patterns.includes('retry-storm')).map((i) => i.slug).sort());
    expect(await page.locator('.cal-multiples p').textContent()).toMatch(/1 with an unknown date is only in the list below/);
  });

  it('matches the stored SVG snapshot', async () => {
    await expect(await builtSvg('patterns/retry-storm', /<section class="cal-multiples"[\s\S]*?<\/section>/)).toMatchFileSnapshot('__snapshots__/pattern-retry-storm.html');
  });
});
