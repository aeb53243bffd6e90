/**
 * The site with the network off, as a responder meets it when the outage is theirs: after one
 * visit, after "Save for offline", and across a deploy of a changed build, which must replace the
 * cache whole. Two builds of our writeups, the second with one writeup retitled and one added,
 * served in turn from one address. The first-visit budget is set so the shell holds the app and
 * the search index but no page, so what a visit stores is what these tests see.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSite } from '../tests/harness/site-build';
import { copyOurContent, writeVariant } from './support/content-variants';
import { useBrowser } from './support/page';
import { serveStatic, type StaticSite } from '../tests/harness/static-server';

const VISITED = '/incidents/2017-01-31-rm-on-wrong-host-deletes-primary-database/';
const UNCHANGED = '/incidents/2021-09-30-expired-root-certificate-breaks-older-tls-clients/';
const NOT_VISITED = '/incidents/2012-08-01-stale-code-on-one-server-sends-runaway-orders/';
const PATTERN = '/patterns/retry-storm/';
const ADDED = '/incidents/2026-11-30-offline-test-writeup-added-by-the-second-deploy/';
const RETITLED = 'rm -rf on the wrong host deletes the primary database (retitled by the second deploy)';
/** App and search index, no page: about 400 KB for our writeups. */
const SHELL_BYTES = '600000';
/** The app and a few pages but not the search index, as at thousands of writeups. */
const APP_ONLY_SHELL_BYTES = '350000';

let workDir = '';
let deployed = '';
const builds = { first: '', second: '', appOnly: '' };
let server: StaticSite | undefined;

async function buildInto(name: string, contentDir: string, shellBytes = SHELL_BYTES): Promise<string> {
  const outDir = join(workDir, name);
  const result = await buildSite({ contentDir, outDir, env: { KB_OFFLINE_SHELL_BYTES: shellBytes } });
  if (result.code !== 0) throw new Error(`${name} build failed:\n${result.output}`);
  return outDir;
}

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'kb-offline-'));
  const first = join(workDir, 'content-first');
  const second = join(workDir, 'content-second');
  await copyOurContent(first);
  await copyOurContent(second);
  const visited = '2017-01-31-rm-on-wrong-host-deletes-primary-database';
  await writeVariant(second, visited, visited, { title: RETITLED });
  await writeVariant(second, '2025-01-16-failed-api-deploy-returns-503s', '2026-11-30-offline-test-writeup-added-by-the-second-deploy', {
    title: 'Writeup added by the second deploy',
    started: '2026-11-30T10:00:00Z',
  });
  builds.first = await buildInto('first', first);
  builds.second = await buildInto('second', second);
  builds.appOnly = await buildInto('app-only', first, APP_ONLY_SHELL_BYTES);
  deployed = builds.first;
  server = await serveStatic(() => deployed);
}, 240_000);

afterAll(async () => {
  await server?.close();
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

const site = useBrowser(() => server!.url);

async function firstVisit(build = builds.first): Promise<{ page: Page; context: BrowserContext }> {
  deployed = build;
  const page = await site.open('/');
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await page.waitForFunction(() => /Available offline/.test(document.querySelector('[data-offline-text]')?.textContent ?? ''));
  return { page, context: page.context() };
}

const heading = (page: Page) => page.locator('h1').first().textContent();

async function searchResults(page: Page, query: string): Promise<string[]> {
  await page.goto(site.url(`/search/?q=${encodeURIComponent(query)}`));
  await page.waitForFunction(() => /found|No incident/.test(document.getElementById('search-status')?.textContent ?? ''));
  return page.$$eval('[data-search-results] > li h2 a', (links) => links.map((a) => a.getAttribute('href') ?? ''));
}

describe('after one visit, with the network off', () => {
  it('opens the incident and the pattern visited, runs a search, and says when a page was never stored', async () => {
    const { page, context } = await firstVisit();
    await page.goto(site.url(VISITED));
    await page.goto(site.url(PATTERN));
    await context.setOffline(true);

    await page.goto(site.url(VISITED));
    expect(await heading(page)).toMatch(/^rm -rf on the wrong host/);
    await page.goto(site.url(PATTERN));
    expect(await heading(page)).toBe('Retry storm');
    expect(await page.locator('main a[href^="/incidents/"]').count()).toBeGreaterThan(0);

    const results = await searchResults(page, 'certificate expired');
    expect(results).toContain(UNCHANGED);

    await page.goto(site.url(NOT_VISITED));
    expect(await heading(page)).toBe('Not available offline');
    await page.waitForSelector('[data-stored-writeups]:not([hidden])');
    expect(await page.locator(`[data-stored-writeups] a[href="${VISITED}"]`).count()).toBe(1);
  });
});

describe('after one visit that stored no search index, with the network off', () => {
  it('says a search cannot be answered from this device, never that no incident matches', async () => {
    const { page, context } = await firstVisit(builds.appOnly);
    await context.setOffline(true);
    await page.goto(site.url(`/search/?q=${encodeURIComponent('certificate expired')}`));
    await page.waitForFunction(() => /has not stored|found|No incident/.test(document.getElementById('search-status')?.textContent ?? ''));
    const status = await page.locator('#search-status').textContent();
    expect(status).toMatch(/^This device is offline and has not stored the whole search index, so this search cannot tell whether any incident matches\. Save for offline/);
    expect(status).not.toMatch(/No incident matches/);
  });
});

describe('Save for offline', () => {
  it('shows the size first, then its progress, and then serves every page and any search offline', async () => {
    const { page, context } = await firstVisit();
    await page.evaluate(() => {
      const seen: string[] = ((window as unknown as { offlineTexts: string[] }).offlineTexts = []);
      const text = document.querySelector('[data-offline-text]')!;
      new MutationObserver(() => seen.push(text.textContent ?? '')).observe(text, { childList: true, characterData: true, subtree: true });
    });
    await page.click('[data-offline-action]');
    await page.waitForFunction(() => /the search index:/.test(document.querySelector('[data-offline-text]')?.textContent ?? ''));
    expect(await page.locator('[data-offline-text]').textContent()).toMatch(/^Save \d+ pages and the search index: [\d.]+ (KB|MB) to download/);
    expect(await page.locator('[data-offline-action]').textContent()).toMatch(/^Save [\d.]+ (KB|MB)$/);
    await page.click('[data-offline-action]');
    await page.waitForFunction(() => /^Saved for offline/.test(document.querySelector('[data-offline-text]')?.textContent ?? ''), null, { timeout: 60_000 });
    const texts = await page.evaluate(() => (window as unknown as { offlineTexts: string[] }).offlineTexts);
    expect(texts.some((text) => /^Saving… .* of .* \(\d+ of \d+ files\)$/.test(text))).toBe(true);

    const pages = await page.evaluate(async () => (await fetch('/incidents/')).text());
    const incidents = [...pages.matchAll(/href="(\/incidents\/[^"/]+\/)"/g)].map((m) => m[1]!);
    expect(incidents.length).toBeGreaterThan(20);
    await context.setOffline(true);
    for (const path of [...new Set(incidents)].filter((p) => !/^\/incidents\/\d+\/$/.test(p))) {
      await page.goto(site.url(path));
      expect(await heading(page), path).not.toBe('Not available offline');
    }
    for (const path of ['/patterns/', '/calendar/', '/calendar/2013/']) {
      await page.goto(site.url(path));
      expect(await heading(page), path).not.toBe('Not available offline');
    }
    expect(await searchResults(page, 'leap second')).not.toEqual([]);
  });
});

describe('a new deploy', () => {
  it('waits for the reader, then replaces the cache whole: changed pages new, unchanged ones kept, nothing of the old build left', async () => {
    const { page, context } = await firstVisit();
    const firstVersion = await page.getAttribute('meta[name="kb-version"]', 'content');
    await page.goto(site.url(VISITED));
    await page.goto(site.url(UNCHANGED));

    deployed = builds.second;
    await page.goto(site.url('/'));
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
    await page.waitForFunction(() => /newer version/.test(document.querySelector('[data-offline-text]')?.textContent ?? ''), null, { timeout: 30_000 });
    // Until the reader reloads, every page is still the first build's.
    await page.goto(site.url(VISITED));
    expect(await heading(page)).toMatch(/^rm -rf on the wrong host deletes the primary database, and the backups are empty$/);
    expect(await page.getAttribute('meta[name="kb-version"]', 'content')).toBe(firstVersion);

    await page.waitForSelector('[data-offline-action]:has-text("Reload to update")');
    await Promise.all([page.waitForEvent('load'), page.click('[data-offline-action]')]);
    await page.waitForFunction(() => /^Updated:/.test(document.querySelector('[data-offline-text]')?.textContent ?? ''));
    const secondVersion = await page.getAttribute('meta[name="kb-version"]', 'content');
    expect(secondVersion).not.toBe(firstVersion);
    expect(await page.evaluate(() => caches.keys())).toEqual([`kb-offline-${secondVersion}`]);

    await context.setOffline(true);
    await page.goto(site.url(VISITED));
    expect(await heading(page)).toBe(RETITLED);
    expect(await page.getAttribute('meta[name="kb-version"]', 'content')).toBe(secondVersion);
    await page.goto(site.url(UNCHANGED));
    expect(await heading(page)).toMatch(/root certificate/i);
    expect(await page.getAttribute('meta[name="kb-version"]', 'content')).toBe(secondVersion);
    expect(await searchResults(page, 'added by the second deploy')).toContain(ADDED);
  });
});
