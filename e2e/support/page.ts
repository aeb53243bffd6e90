/**
 * One browser per test file, one fresh page per test. Pages open on the site global-setup
 * serves, or on the one `siteUrl` returns once the file's own fixture site is up.
 */
import { afterAll, afterEach, beforeAll, inject } from 'vitest';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { launchBrowser } from '../../tests/harness/browser';

export function useBrowser(siteUrl: () => string = () => inject('siteUrl')) {
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((context) => context.close()));
  });
  afterAll(async () => {
    await browser?.close();
  });
  return {
    url: (path: string) => new URL(path, siteUrl()).href,
    /** A fresh page in its own context, not yet navigated. */
    async blank(options: BrowserContextOptions = {}): Promise<Page> {
      const context = await browser.newContext(options);
      contexts.push(context);
      return context.newPage();
    },
    async open(path: string, options: BrowserContextOptions = {}): Promise<Page> {
      const page = await this.blank(options);
      await page.goto(this.url(path));
      return page;
    },
  };
}
