import { chromium } from 'playwright-core';
import { serveStatic } from '../e2e/support/static-server';
const [dir, ...queries] = process.argv.slice(2);
const site = await serveStatic(dir!);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu','--disable-background-networking','--disable-component-update','--disable-sync'] });
const page = await browser.newPage();
page.on('console', (m) => console.log('console:', m.text()));
page.on('pageerror', (e) => console.log('pageerror:', e.message));
for (const q of queries) {
  await page.goto(`${site.url}/search/?q=${encodeURIComponent(q)}`);
  await page.waitForFunction(() => /found|No incident/.test(document.getElementById('search-status')?.textContent ?? ''), null, { timeout: 15000 }).catch(() => {});
  const status = await page.textContent('#search-status');
  const links = await page.$$eval('[data-search-results] > li h2 a', (as) => as.slice(0, 5).map((a) => a.getAttribute('href')));
  console.log(q, '=>', status, links);
}
await page.screenshot({ path: '/tmp/search.png' });
await browser.close(); await site.close();
