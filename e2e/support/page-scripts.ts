/**
 * The script files a page fetched, each marked by whether it was requested before the page's
 * load event: before it, only the small site script every page shares (src/client/site.ts);
 * after it, only the offline status may come (src/components/OfflineStatus.astro). Read from the
 * page's own resource timings once it is idle.
 */
import type { Page } from 'playwright-core';

export interface ScriptFile {
  path: string;
  beforeLoad: boolean;
}

export function scriptFiles(page: Page): Promise<ScriptFile[]> {
  return page.evaluate(() => {
    const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    return performance
      .getEntriesByType('resource')
      .filter((entry) => /\.m?js(\?|$)/.test(entry.name))
      .map((entry) => ({ path: new URL(entry.name).pathname, beforeLoad: navigation.loadEventStart === 0 || entry.startTime < navigation.loadEventStart }));
  });
}

/** What an incident, home or pattern page may fetch: the site script, then the offline status once it has loaded. */
export const SITE_SCRIPT_THEN_OFFLINE_STATUS: ScriptFile[] = [{ path: '/site.js', beforeLoad: true }, { path: '/offline-status.js', beforeLoad: false }];

/** The site script is fetched before every page's first paint, once per visit: it must stay tiny. */
export const SITE_SCRIPT_MAX_BYTES = 2 * 1024;
