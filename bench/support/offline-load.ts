/**
 * Loads for the offline benchmark (bench/offline-benchmark.ts), each in a fresh browser context: the
 * home page with the service worker and without it (the floor: the same site, workers blocked),
 * and a search link answered from the device with the network off beside the same link loaded
 * cold from the network.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { BenchServer } from './throttled-server';

const TIMEOUT_MS = 120_000;
const QUIET_MS = 1_000;

export interface HomeLoad {
  firstContentfulPaintMs: number;
  loadEventMs: number;
  /** From navigation start until the footer says the site is available offline; absent for the floor. */
  offlineReadyMs?: number;
  /** Body bytes the server sent for the whole visit, the worker's install included. */
  bytes: number;
}

/** First contentful paint and the end of the load event of the page's current document, from its navigation start. */
export async function pageTimings(page: Page): Promise<{ fcp: number; load: number }> {
  await page.waitForFunction('performance.getEntriesByName("first-contentful-paint").length > 0 && performance.getEntriesByType("navigation")[0].loadEventEnd > 0', null, { timeout: TIMEOUT_MS });
  return page.evaluate('({ fcp: performance.getEntriesByName("first-contentful-paint")[0].startTime, load: performance.getEntriesByType("navigation")[0].loadEventEnd })');
}

/** Opens the home page cold; with the worker, also waits until it reports the site available offline. */
export async function loadHome(browser: Browser, server: BenchServer, withWorker: boolean): Promise<{ load: HomeLoad; context: BrowserContext; page: Page }> {
  const context = await browser.newContext(withWorker ? {} : { serviceWorkers: 'block' });
  const page = await context.newPage();
  server.resetRequests();
  await page.goto(new URL('/', server.url).href, { waitUntil: 'commit' });
  const { fcp, load } = await pageTimings(page);
  let offlineReadyMs: number | undefined;
  if (withWorker) {
    await page.waitForFunction('/Available offline|Saved for offline/.test(document.querySelector("[data-offline-text]")?.textContent ?? "")', null, { timeout: TIMEOUT_MS, polling: 20 });
    offlineReadyMs = Number(await page.evaluate('performance.now()'));
  }
  await server.whenQuiet(QUIET_MS, TIMEOUT_MS);
  const bytes = server.requests().reduce((sum, request) => sum + request.bytes, 0);
  return { load: { firstContentfulPaintMs: fcp, loadEventMs: load, ...(offlineReadyMs !== undefined && { offlineReadyMs }), bytes }, context, page };
}

const FIRST_RESULT = `new MutationObserver((_, observer) => {
  if (!document.querySelector('[data-search-results] > li')) return;
  observer.disconnect();
  window.__firstResultMs = performance.now();
}).observe(document, { childList: true, subtree: true });`;

/**
 * Time from navigation start to the first result of `/search/?q=…` in `context`; undefined when
 * the page says its index could not be loaded (offline, with the index not stored).
 */
export async function timeToFirstResult(context: BrowserContext, server: BenchServer, query: string): Promise<number | undefined> {
  await context.addInitScript(FIRST_RESULT);
  const page = await context.newPage();
  await page.goto(new URL(`/search/?q=${encodeURIComponent(query)}`, server.url).href, { waitUntil: 'commit' });
  await page.waitForFunction('window.__firstResultMs !== undefined || /could not be loaded|No incident/.test(document.getElementById("search-status")?.textContent ?? "")', null, { timeout: TIMEOUT_MS });
  const ms = await page.evaluate('window.__firstResultMs');
  return typeof ms === 'number' ? ms : undefined;
}
