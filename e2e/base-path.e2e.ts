/**
 * A site built with BASE_PATH=/kb/ and served only under /kb/, the way a GitHub Pages project site
 * is: every link, asset, script, search index file and search result must stay inside /kb/.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { join } from 'node:path';
import { useBuiltSite } from './support/fixture-site';
import { PROJECT_ROOT } from '../tests/harness/site-build';
import { useBrowser } from './support/page';
import { checkLinks } from '../src/commands/check-links-command';

const BASE = '/kb/';
const REPOSITORY = 'https://github.com/example-org/incident-kb';
const built = useBuiltSite('base-path', async () => join(PROJECT_ROOT, 'content'), { basePath: BASE, env: { KB_REPOSITORY_URL: REPOSITORY, KB_REPOSITORY_BRANCH: 'main' } });
const site = useBrowser(() => built.url);

/** Opens `path` and records every request the page makes that fails or answers an error. */
async function openRecordingFailures(path: string): Promise<{ page: Page; failures: string[] }> {
  const page = await site.blank();
  const failures: string[] = [];
  page.on('requestfailed', (request) => failures.push(`${request.url()}: ${request.failure()?.errorText}`));
  page.on('response', (response) => {
    if (response.status() >= 400) failures.push(`${response.url()}: ${response.status()}`);
  });
  await page.goto(site.url(path), { waitUntil: 'networkidle' });
  return { page, failures };
}

const internalLinks = (page: Page) =>
  page.$$eval('a[href], link[href], script[src], img[src], form[action]', (elements) =>
    elements
      .map((e) => e.getAttribute('href') ?? e.getAttribute('src') ?? e.getAttribute('action') ?? '')
      .filter((url) => !/^([a-z][a-z0-9+.-]*:|#)/i.test(url)));

describe('a site built under /kb/', () => {
  it('has no broken link or asset, as npm run check:links sees it', async () => {
    const result = await checkLinks({ dir: built.outDir });
    expect(result.stdout.slice(0, -1)).toEqual([]);
    expect(result.code).toBe(0);
  });

  it('loads every kind of page with all its styles, scripts and images from under /kb/', async () => {
    for (const path of ['/kb/', '/kb/incidents/', '/kb/incidents/2017-01-31-rm-on-wrong-host-deletes-primary-database/', '/kb/patterns/retry-storm/', '/kb/calendar/']) {
      const { page, failures } = await openRecordingFailures(path);
      expect(failures, path).toEqual([]);
      expect(await page.locator('h1').count(), path).toBeGreaterThan(0);
      const outside = (await internalLinks(page)).filter((url) => !url.startsWith(BASE));
      expect(outside, path).toEqual([]);
    }
  });

  it('links each incident and pattern page to its source file in the configured repository', async () => {
    const incident = await site.open('/kb/incidents/2017-01-31-rm-on-wrong-host-deletes-primary-database/');
    expect(await incident.getAttribute('.edit-link a', 'href')).toBe(`${REPOSITORY}/edit/main/content/incidents/2017-01-31-rm-on-wrong-host-deletes-primary-database.mdx`);
    expect(await incident.textContent('.edit-link a')).toBe('Edit this writeup');
    const pattern = await site.open('/kb/patterns/retry-storm/');
    expect(await pattern.getAttribute('.edit-link a', 'href')).toBe(`${REPOSITORY}/edit/main/content/patterns/retry-storm.mdx`);
    expect(await pattern.textContent('.edit-link a')).toBe('Edit this pattern');
  });

  it('gives exports and an OpenSearch template whose addresses are under /kb/', async () => {
    const page = await site.open('/kb/');
    const exported = await page.evaluate(async () => ({
      incidents: ((await (await fetch('/kb/incidents.json')).json()) as { incidents: { url: string }[] }).incidents.map((i) => new URL(i.url).pathname),
      feed: await (await fetch('/kb/feed.xml')).text(),
      opensearch: await (await fetch('/kb/opensearch.xml')).text(),
    }));
    expect(exported.incidents.length).toBeGreaterThan(0);
    expect(exported.incidents.every((path) => path.startsWith('/kb/incidents/'))).toBe(true);
    expect(exported.feed).toContain('/kb/feed.xml');
    expect(exported.opensearch).toMatch(/template="[^"]*\/kb\/search\/\?q=\{searchTerms\}"/);
  });

  it('searches from the search page and links each result under /kb/', async () => {
    const { page, failures } = await openRecordingFailures('/kb/search/?q=certificate+expired');
    await page.waitForFunction(() => /found/.test(document.getElementById('search-status')?.textContent ?? ''));
    const links = await page.$$eval('[data-search-results] > li h2 a', (as) => as.map((a) => a.getAttribute('href') ?? ''));
    expect(links.length).toBeGreaterThan(0);
    expect(links.every((href) => href.startsWith('/kb/incidents/'))).toBe(true);
    const patternLinks = await page.$$eval('[data-search-results] .tags a', (as) => as.map((a) => a.getAttribute('href') ?? ''));
    expect(patternLinks.every((href) => href.startsWith('/kb/patterns/'))).toBe(true);
    await page.click('[data-search-results] > li h2 a');
    await page.waitForURL(/\/kb\/incidents\/[^/]+\/$/);
    expect(await page.locator('h1').textContent()).toBeTruthy();
    expect(failures).toEqual([]);
  });

  it('suggests incidents under /kb/ from the header box and opens the search page there on Enter', async () => {
    const { page, failures } = await openRecordingFailures('/kb/patterns/');
    await page.focus('#site-search');
    await page.keyboard.type('leap second');
    await page.waitForSelector('[data-search-suggestions]:not([hidden]) [data-search-results] a');
    const suggestions = await page.$$eval('[data-search-suggestions] a', (as) => as.map((a) => a.getAttribute('href') ?? ''));
    expect(suggestions.length).toBeGreaterThan(0);
    expect(suggestions.every((href) => href.startsWith('/kb/'))).toBe(true);
    await page.press('#site-search', 'Enter');
    await page.waitForURL(/\/kb\/search\/\?q=leap/);
    expect(failures).toEqual([]);
  });

  it('registers its service worker under /kb/ and searches with the network off after one visit', async () => {
    const page = await site.open('/kb/');
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)).toBe(site.url('/kb/sw.js'));
    expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.scope)).toBe(site.url('/kb/'));
    await page.context().setOffline(true);
    await page.goto(site.url('/kb/search/?q=leap+second'));
    await page.waitForFunction(() => /found/.test(document.getElementById('search-status')?.textContent ?? ''));
    const links = await page.$$eval('[data-search-results] > li h2 a', (as) => as.map((a) => a.getAttribute('href') ?? ''));
    expect(links.length).toBeGreaterThan(0);
    expect(links.every((href) => href.startsWith('/kb/incidents/'))).toBe(true);
  });
});
