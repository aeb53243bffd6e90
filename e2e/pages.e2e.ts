import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowser } from './support/page';
import { SITE_SCRIPT_MAX_BYTES, SITE_SCRIPT_THEN_OFFLINE_STATUS, scriptFiles } from './support/page-scripts';

const site = useBrowser();

async function hrefs(page: Page, selector: string): Promise<string[]> {
  return page.$$eval(selector, (links) => links.map((a) => (a as HTMLAnchorElement).getAttribute('href') ?? ''));
}

async function datetimes(page: Page, selector: string): Promise<string[]> {
  return page.$$eval(selector, (times) => times.map((t) => (t as HTMLTimeElement).dateTime));
}

describe('home page', () => {
  it('says what the site is and links recent incidents and common patterns', async () => {
    const page = await site.open('/');
    expect(await page.locator('h1').textContent()).toMatch(/seen this before/i);
    const incidents = await hrefs(page, '#recent-heading ~ .incident-list h3 a');
    expect(incidents.length).toBeGreaterThanOrEqual(5);
    expect(incidents.every((href) => /^\/incidents\/[a-z0-9-]+\/$/.test(href))).toBe(true);
    const patterns = await hrefs(page, '#common-heading ~ ol a');
    expect(patterns.length).toBeGreaterThanOrEqual(5);
    expect(patterns.every((href) => /^\/patterns\/[a-z0-9-]+\/$/.test(href))).toBe(true);
  });
});

describe('incident list', () => {
  it('lists every incident newest first with date, duration, impact and patterns', async () => {
    const page = await site.open('/incidents/');
    const items = page.locator('.incident-list > li');
    expect(await items.count()).toBeGreaterThanOrEqual(25);
    const dates = await datetimes(page, '.incident-list > li .when time');
    const sorted = [...dates].sort().reverse();
    expect(dates).toEqual(sorted);
    const first = items.first();
    expect(await first.locator('.impact').textContent()).toMatch(/unknown|none|minor|major|critical/);
    expect(await first.locator('.facts').textContent()).toMatch(/\d+[smhd]|duration unknown/);
    expect(await first.locator('.tags a').count()).toBeGreaterThan(0);
  });
});

describe('incident page', () => {
  it('shows the facts header and links each pattern to its page', async () => {
    const list = await site.open('/incidents/');
    const [firstIncident] = await hrefs(list, '.incident-list h2 a');
    const page = await site.open(firstIncident!);
    const facts = page.locator('dl.facts-grid');
    for (const label of ['Started', 'Duration', 'Impact', 'Patterns']) {
      expect(await facts.locator('dt', { hasText: label }).count()).toBe(1);
    }
    expect(await facts.locator('time[datetime]').first().getAttribute('datetime')).toMatch(/^\d{4}/);
    const patternLinks = await hrefs(page, 'dl.facts-grid ul[aria-label="Patterns"] a');
    expect(patternLinks.length).toBeGreaterThan(0);
    for (const href of patternLinks) {
      const response = await page.request.get(site.url(href));
      expect(response.status(), href).toBe(200);
    }
    expect(await page.locator('.writeup h2').count()).toBeGreaterThan(1);
  });

  it('shows exact times in UTC and in the reader’s own time zone', async () => {
    const list = await site.open('/incidents/');
    const links = await hrefs(list, '.incident-list h2 a');
    for (const href of links) {
      const page = await site.open(href);
      if ((await page.locator('dl.facts-grid time[data-local]').count()) === 0) continue;
      const utc = await page.locator('dl.facts-grid time[data-local]').first().textContent();
      expect(utc).toMatch(/UTC$/);
      expect(await page.locator('dl.facts-grid .local-time').first().textContent()).toMatch(/^Your time: /);
      return;
    }
    throw new Error('no incident has an exact start time');
  });

  it('links to the older and newer incident', async () => {
    const list = await site.open('/incidents/');
    const links = await hrefs(list, '.incident-list h2 a');
    const page = await site.open(links[1]!);
    expect(await page.locator('a[rel="next"]').getAttribute('href')).toBe(links[0]);
    expect(await page.locator('a[rel="prev"]').getAttribute('href')).toBe(links[2]);
  });

  it('reads fully with JavaScript off, and with it loads only the small site script until it has loaded', async () => {
    const list = await site.open('/incidents/');
    const [href] = await hrefs(list, '.incident-list h2 a');
    const noJs = await site.open(href!, { javaScriptEnabled: false });
    expect(await noJs.locator('h1').textContent()).toBeTruthy();
    expect(await noJs.locator('.writeup p').count()).toBeGreaterThan(0);

    const withJs = await site.blank();
    const siteScript = withJs.waitForResponse((response) => new URL(response.url()).pathname === '/site.js');
    await withJs.goto(site.url(href!), { waitUntil: 'networkidle' });
    expect(await scriptFiles(withJs)).toEqual(SITE_SCRIPT_THEN_OFFLINE_STATUS);
    expect((await (await siteScript).body()).length).toBeLessThan(SITE_SCRIPT_MAX_BYTES);
    // The site script adds the reader's own time under each exact time.
    expect(await withJs.locator('time[data-local] + .local-time').first().textContent()).toMatch(/^Your time: /);
  });
});

describe('pattern pages', () => {
  it('lists every pattern with its incident count', async () => {
    const page = await site.open('/patterns/');
    expect(await page.locator('.pattern-grid > li').count()).toBeGreaterThanOrEqual(20);
    expect(await page.locator('.pattern-grid .count').first().textContent()).toMatch(/^\d+ incidents?$/);
  });

  it('shows signals, mitigations and every incident with the pattern, newest first', async () => {
    const home = await site.open('/');
    const [patternHref] = await hrefs(home, '#common-heading ~ ol a');
    const page = await site.open(patternHref!);
    expect(await page.locator('#signals-heading + ul li').count()).toBeGreaterThan(0);
    expect(await page.locator('#mitigations-heading + ul li').count()).toBeGreaterThan(0);
    const incidents = await hrefs(page, '.incident-list h3 a');
    expect(incidents.length).toBeGreaterThanOrEqual(2);
    const dates = await datetimes(page, '.incident-list .when time');
    expect(dates).toEqual([...dates].sort().reverse());
    const incident = await site.open(incidents[0]!);
    expect(await hrefs(incident, 'dl.facts-grid ul[aria-label="Patterns"] a')).toContain(patternHref);
  });
});

describe('not found page', () => {
  it('answers 404 and points to incidents and patterns', async () => {
    const page = await site.blank();
    const response = await page.goto(site.url('/no/such/page/'));
    expect(response?.status()).toBe(404);
    expect(await page.locator('h1').textContent()).toMatch(/not found/i);
    expect(await hrefs(page, 'main a')).toEqual(expect.arrayContaining(['/incidents/', '/patterns/']));
  });
});
