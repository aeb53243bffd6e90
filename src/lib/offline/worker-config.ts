/** What the build tells the service worker (src/integrations/offline.ts → src/client/offline/sw.ts), and names both sides use. */
import type { ShellTier } from './manifest';

export interface WorkerConfig {
  version: string;
  builtAt: string;
  /** The site's base, `/` or `/kb/`; the worker's scope. */
  base: string;
  /** Stored on install: `[url relative to the base, manifest hash]`. */
  shell: [string, string][];
  tiers: ShellTier[];
}

/** One cache per build, so a build's files are only ever served beside files of the same build. */
export const CACHE_PREFIX = 'kb-offline-';
export const cacheName = (version: string) => `${CACHE_PREFIX}${version}`;
export const isOurCache = (name: string) => name.startsWith(CACHE_PREFIX);

/** Named by build, so any host may cache it for ever. Relative to the base. */
export const manifestUrl = (version: string) => `offline/manifest.${version}.json`;
/** The page a navigation gets when it is neither stored nor reachable. */
export const OFFLINE_PAGE = 'offline/';

/** The message a page sends a waiting worker when the reader asks for the new version. */
export const SKIP_WAITING = 'skip-waiting';

/**
 * The message the worker sends its pages when a search index file is neither stored nor
 * reachable: Pagefind then answers as if the missing part matched nothing, so the search page
 * (src/client/search/search-page.ts) must say the answer is incomplete rather than "No incident matches".
 */
export const INDEX_NOT_STORED = 'index-not-stored';
