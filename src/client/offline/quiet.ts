/**
 * When a page has what the reader opened it for. Registering the service worker starts the
 * shell's download, which on a slow link would compete with the page itself and, on the search
 * page, with the first results (src/client/offline/status.ts waits for this).
 */
const SETTLED_EVENT = 'kb:search-settled';
const SETTLED_FLAG = 'searchSettled';
/**
 * The search page waits this long at most for a first search: a reader who opens it and types
 * nothing, or a search that never settles, must not keep the site from being stored.
 */
const SEARCH_WAIT_MS = 20_000;

/**
 * Called by the search page (src/client/search/search-page.ts) when a search with words has drawn its
 * results and filters, or the index failed to load. An empty search page does not count: the
 * reader is about to type, and the first search is what they wait for.
 */
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
