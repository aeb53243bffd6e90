/** A writeup printed (or saved as PDF) for a review meeting or a binder: the writeup, not the site around it. */
import { describe, expect, it } from 'vitest';
import { useBrowser } from './support/page';

const site = useBrowser();
const WRITEUP = '/incidents/2017-01-31-rm-on-wrong-host-deletes-primary-database/';

describe('printing a writeup', () => {
  it('leaves out navigation, search and the offline line, and shows where each link goes', async () => {
    const page = await site.open(WRITEUP);
    await page.emulateMedia({ media: 'print' });
    for (const selector of ['.site-header', '.site-nav', '.search-box', '.site-footer', '.pager']) {
      expect(await page.locator(selector).first().isVisible(), selector).toBe(false);
    }
    expect(await page.locator('h1').isVisible()).toBe(true);
    expect(await page.locator('.facts-grid').isVisible()).toBe(true);
    const shown = await page.$$eval('.writeup a[href^="http"], .prose a[href^="/"]', (links) =>
      links.slice(0, 5).map((a) => ({ href: a.getAttribute('href'), after: getComputedStyle(a, '::after').content })),
    );
    expect(shown.length).toBeGreaterThan(0);
    for (const { href, after } of shown) expect(after).toBe(`" (${href})"`);
  });

  it('keeps each timeline entry and the facts on one page, and prints to PDF', async () => {
    const page = await site.open(WRITEUP);
    await page.emulateMedia({ media: 'print' });
    const entries = await page.$$eval('.timeline > li', (items) => items.map((li) => getComputedStyle(li).breakInside));
    expect(entries.length).toBeGreaterThan(2);
    expect(new Set(entries)).toEqual(new Set(['avoid']));
    expect(await page.$eval('.facts-grid', (facts) => getComputedStyle(facts).breakInside)).toBe('avoid');
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(10_000);
  });
});
