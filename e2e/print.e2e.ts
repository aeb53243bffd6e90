/** A writeup printed (or saved as PDF) for a review meeting or a binder: the writeup, not the site around it. */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowser } from './support/page';

const site = useBrowser();
const WRITEUP = '/incidents/2017-01-31-rm-on-wrong-host-deletes-primary-database/';
const PATTERN = '/patterns/retry-storm/';

async function printed(path: string, colorScheme: 'light' | 'dark' = 'light'): Promise<Page> {
  const page = await site.open(path);
  await page.emulateMedia({ media: 'print', colorScheme });
  return page;
}

/** What each link's ::after says, for the links `selector` finds. */
const linkTargets = (page: Page, selector: string) =>
  page.$$eval(selector, (links) => links.map((a) => ({ href: a.getAttribute('href'), after: getComputedStyle(a, '::after').content })));

describe('printing a writeup', () => {
  it('leaves out the header, navigation, search box, skip link, footer and pager', async () => {
    for (const path of [WRITEUP, PATTERN]) {
      const page = await printed(path);
      for (const selector of ['.site-header', '.site-nav', '.search-box', '.skip-link', '.site-footer']) {
        expect(await page.locator(selector).count(), `${path} has ${selector} on screen`).toBeGreaterThan(0);
        expect(await page.locator(selector).first().isVisible(), `${path} prints ${selector}`).toBe(false);
      }
      expect(await page.locator('h1').isVisible()).toBe(true);
    }
    expect(await (await printed(WRITEUP)).locator('.pager').isVisible()).toBe(false);
  });

  it('prints where each link in the writeup goes, and nothing after a link within the page', async () => {
    const page = await printed(WRITEUP);
    const shown = await linkTargets(page, 'main a[href^="http"], .similar a');
    expect(shown.some(({ href }) => href?.startsWith('https://'))).toBe(true);
    expect(shown.some(({ href }) => href?.startsWith('/incidents/'))).toBe(true);
    // Our writeups link in their prose rarely; links as an author would write them in MDX.
    await page.evaluate(() => {
      for (const href of ['/patterns/retry-storm/', '#timeline']) {
        const a = document.createElement('a');
        a.setAttribute('href', href);
        a.textContent = 'a link';
        document.querySelector('.writeup')!.append(a);
      }
    });
    shown.push(...(await linkTargets(page, '.writeup a')));
    for (const { href, after } of shown) expect(after, href ?? '').toBe(href?.startsWith('#') ? 'none' : `" (${href})"`);
  });

  it('prints black on white, in the same colours when the reader’s screen is in dark mode', async () => {
    const colours = async (scheme: 'light' | 'dark') =>
      (await printed(WRITEUP, scheme)).evaluate(() => {
        const style = (selector: string) => getComputedStyle(document.querySelector(selector)!);
        return {
          page: [style('html').backgroundColor, style('.writeup p').color, style('.similar a').color],
          marks: [style('.impact').color, style('.timeline').borderLeftColor, style('.callout').borderLeftColor],
        };
      });
    const dark = await colours('dark');
    expect(dark.page).toEqual(['rgb(255, 255, 255)', 'rgb(0, 0, 0)', 'rgb(0, 0, 0)']);
    expect(dark).toEqual(await colours('light'));
  });

  it('keeps each timeline entry and the facts on one page, headings with what follows them, and prints to PDF', async () => {
    const page = await printed(WRITEUP);
    const entries = await page.$$eval('.timeline > li', (items) => items.map((li) => getComputedStyle(li).breakInside));
    expect(entries.length).toBeGreaterThan(2);
    expect(new Set(entries)).toEqual(new Set(['avoid']));
    expect(await page.$eval('.facts-grid', (facts) => getComputedStyle(facts).breakInside)).toBe('avoid');
    expect(await page.locator('.facts-grid').isVisible()).toBe(true);
    expect(new Set(await page.$$eval('main h2', (headings) => headings.map((h) => getComputedStyle(h).breakAfter)))).toEqual(new Set(['avoid']));
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(10_000);
  });

  it('prints a pattern page to PDF with its incidents listed', async () => {
    const page = await printed(PATTERN);
    expect(await page.locator('.incident-list > li').first().isVisible()).toBe(true);
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  });
});
