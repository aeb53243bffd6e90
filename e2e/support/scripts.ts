/**
 * The script files a page fetched, each marked by whether it was requested before the page's
 * load event: scripts before it delay the page; after it, only the offline status may come
 * (src/components/OfflineStatus.astro). Read from the page's own resource timings once it is idle.
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

/** What an incident, home or pattern page may fetch: the offline status, once it has loaded. */
export const ONLY_OFFLINE_STATUS_AFTER_LOAD: ScriptFile[] = [{ path: '/offline-status.js', beforeLoad: false }];
