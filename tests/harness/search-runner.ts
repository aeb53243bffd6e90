/**
 * Runs queries through the real /search/ page, as a responder would: type, submit, read the
 * ranked links inside [data-search-results]. Shared by the benchmark and the browser tests.
 */
import type { Page } from 'playwright-core';

export interface QueryRun {
  query: string;
  /** Incident slugs, best first. */
  ranked: string[];
  /** From submitting the query to the results being on screen. */
  ms: number;
}

export async function openSearchPage(page: Page, siteUrl: string): Promise<void> {
  await page.goto(new URL('/search/', siteUrl).href);
  await page.waitForFunction(() => /Type what you see/.test(document.getElementById('search-status')?.textContent ?? ''));
}

export async function runQuery(page: Page, query: string): Promise<QueryRun> {
  const { hrefs, ms } = await page.evaluate(async (text) => {
    const form = document.getElementById('search-form') as HTMLFormElement;
    const input = document.getElementById('search-input') as HTMLInputElement;
    const status = document.getElementById('search-status')!;
    const done = new Promise<void>((resolve) => {
      const observer = new MutationObserver(() => {
        if (/found|No incident/.test(status.textContent ?? '')) {
          observer.disconnect();
          resolve();
        }
      });
      observer.observe(status, { childList: true, characterData: true, subtree: true });
    });
    const started = performance.now();
    input.value = text;
    form.requestSubmit();
    await done;
    const elapsed = performance.now() - started;
    const links = [...document.querySelectorAll('[data-search-results] > li h2 a')].map((a) => a.getAttribute('href') ?? '');
    return { hrefs: links, ms: elapsed };
  }, query);
  return { query, ranked: hrefs.map((href) => href.replace(/^\/incidents\/|\/$/g, '')), ms };
}
