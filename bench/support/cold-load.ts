/**
 * One cold load of a search link: a fresh browser context (empty cache, no open connections),
 * timed in the page and weighed by the server. When was the first result in the DOM, what had
 * the page fetched by then, and what did it fetch in all before the network went quiet.
 */
import type { Browser } from 'playwright-core';
import type { BenchServer, ServedRequest } from './throttled-server';

/** Our /search/ page, or the stock Pagefind floor page. */
export type Side = 'ours' | 'floor';

export interface Traffic {
  requests: number;
  bytes: number;
}

export interface ColdLoad {
  /** `performance.now()` in the page at the first result: from navigation start. */
  firstResultMs: number;
  /** Requests started and body bytes sent by the moment of the first result. */
  toFirstResult: Traffic;
  /** Everything, once no request was in flight for QUIET_MS. */
  total: Traffic;
  /** Every request of the load, in order; the first `toFirstResult.requests` came before the first result. */
  requests: ServedRequest[];
  /** Results the floor's search returned; our page does not expose a count. */
  floorResults?: number;
}

const TIMEOUT_MS = 30_000;
/** Quiet this long and the page is taken to be done fetching (later lazy loads are not counted). */
const QUIET_MS = 500;
const BINDING = '__benchFirstResult';

/*
 * Scripts for the page are strings: tsx compiles functions with helpers (`__name`) that do not
 * exist in the page.
 */

/**
 * Whoever first sets `window.__firstResultMs` (our page's observer below, or the floor page)
 * also calls into the benchmark at once, so it reads the server's counters at that moment
 * rather than at its next poll.
 */
const REPORT_FIRST_RESULT = `(() => {
  let value;
  Object.defineProperty(window, '__firstResultMs', {
    configurable: true,
    get: () => value,
    set: (ms) => {
      if (value !== undefined) return;
      value = ms;
      window.${BINDING}(ms);
    },
  });
})();`;

/** Our page: the moment the first result item is in the DOM, watched from before any of the page's scripts run. */
const WATCH_OUR_RESULTS = `new MutationObserver((_, observer) => {
  if (!document.querySelector('[data-search-results] > li')) return;
  observer.disconnect();
  window.__firstResultMs = performance.now();
}).observe(document, { childList: true, subtree: true });`;

const traffic = (requests: readonly ServedRequest[]): Traffic => ({ requests: requests.length, bytes: requests.reduce((sum, r) => sum + r.bytes, 0) });

function within<T>(promise: Promise<T>, ms: number, timedOut: () => Error): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(timedOut()), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Loads `path` from `server` cold; throws when no result shows within TIMEOUT_MS. */
export async function coldLoad(browser: Browser, server: BenchServer, path: string, side: Side): Promise<ColdLoad> {
  const context = await browser.newContext();
  try {
    let reached!: (first: { ms: number; requests: ServedRequest[] }) => void;
    const firstResult = new Promise<{ ms: number; requests: ServedRequest[] }>((resolve) => (reached = resolve));
    await context.exposeBinding(BINDING, (_source, ms: number) => reached({ ms, requests: server.requests() }));
    await context.addInitScript(REPORT_FIRST_RESULT);
    if (side === 'ours') await context.addInitScript(WATCH_OUR_RESULTS);
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });

    server.resetRequests();
    await page.goto(new URL(path, server.url).href, { waitUntil: 'commit' });
    const first = await within(firstResult, TIMEOUT_MS, () => {
      const said = problems.length > 0 ? `; the page reported: ${problems.join(' | ')}` : '';
      return new Error(`no result within ${TIMEOUT_MS / 1000} s${said}`);
    });
    await server.whenQuiet(QUIET_MS, TIMEOUT_MS);
    const requests = server.requests();
    const floorResults = side === 'floor' ? Number(await page.evaluate('window.__count')) : undefined;
    return {
      firstResultMs: first.ms,
      toFirstResult: traffic(first.requests),
      total: traffic(requests),
      requests,
      ...(floorResults !== undefined && { floorResults }),
    };
  } finally {
    await context.close();
  }
}
