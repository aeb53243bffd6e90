/**
 * When a page has what the reader opened it for. Registering the service worker starts the
 * shell's download, which on a slow link would compete with the page itself and, on the search
 * page, with the first results (src/client/offline/status.ts waits for this).
 */
const SETTLED_EVENT = 'kb:search-settled';
const SETTLED_FLAG = 'searchSettled';
/** The search page waits this long at most: a search that never settles must not keep a reader from offline use. */
const SEARCH_WAIT_MS = 15_000;

/** Called by the search page (src/scripts/search/page.ts) once its first results are drawn, or it failed. */
export function announceSearchSettled(): void {
  document.documentElement.dataset[SETTLED_FLAG] = '';
  document.dispatchEvent(new Event(SETTLED_EVENT));
}

/** Resolves once the page has loaded, its first search (if it is the search page) settled, and the browser is idle. */
export async function whenQuiet(isSearchPage: boolean): Promise<void> {
  if (document.readyState !== 'complete') await new Promise((resolve) => addEventListener('load', resolve, { once: true }));
  if (isSearchPage && !(SETTLED_FLAG in document.documentElement.dataset)) {
    await new Promise((resolve) => {
      document.addEventListener(SETTLED_EVENT, resolve, { once: true });
      setTimeout(resolve, SEARCH_WAIT_MS);
    });
  }
  await new Promise((resolve) => ('requestIdleCallback' in window ? requestIdleCallback(resolve, { timeout: 2000 }) : setTimeout(resolve, 200)));
}
