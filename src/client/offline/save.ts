/**
 * "Save for offline": stores every file of this build in the build's cache, so every page and the
 * whole search index open without a network. Runs in the page, which shows its progress; what was
 * stored stays stored if the reader leaves, and saving again fetches only what is missing.
 */
import type { OfflineManifest } from '../../lib/offline/manifest';
import { savePlan, type SavePlan } from '../../lib/offline/save-plan';
import { cacheName, manifestUrl } from '../../lib/offline/worker-config';
import { SITE_BASE, sitePath } from '../../lib/site-paths';
import { mapWithLimit } from '../../lib/concurrency';
import { fetchVerified } from './fetch-verified';

const PARALLEL_FETCHES = 6;

const absolute = (url: string) => new URL(sitePath(`/${url}`), location.origin).href;
const relative = (href: string) => {
  const { pathname } = new URL(href);
  return pathname.startsWith(SITE_BASE) ? pathname.slice(SITE_BASE.length) : undefined;
};

export interface SaveJob {
  plan: SavePlan;
  manifest: OfflineManifest;
  cache: Cache;
}

/** What saving would fetch; throws when this build's cache is not ready or the manifest cannot be fetched. */
export async function prepareSave(version: string): Promise<SaveJob> {
  if (!(await caches.has(cacheName(version)))) throw new Error('The offline copy of this version is still being prepared. Try again in a moment.');
  const response = await fetch(absolute(manifestUrl(version)), { cache: 'no-cache' }).catch(() => undefined);
  if (!response) throw new Error('Saving needs a network connection.');
  if (response.status === 404) throw new Error('A newer version of this site was deployed. Reload the page, then save.');
  if (!response.ok) throw new Error(`The list of files could not be fetched (the server answered ${response.status}).`);
  const manifest = (await response.json()) as OfflineManifest;
  const cache = await caches.open(cacheName(version));
  const stored = new Set((await cache.keys()).flatMap((request) => relative(request.url) ?? []));
  return { plan: savePlan(manifest.entries, stored), manifest, cache };
}

/** Fetches and stores what the plan lists, reporting bytes and files done after each file. */
export async function runSave(job: SaveJob, onProgress: (bytes: number, files: number) => void, signal: AbortSignal): Promise<void> {
  // Asks the browser not to evict a copy the reader chose to keep; it may still refuse.
  await navigator.storage?.persist?.().catch(() => false);
  let bytes = 0;
  let files = 0;
  await mapWithLimit(job.plan.missing, PARALLEL_FETCHES, async (entry) => {
    signal.throwIfAborted();
    const href = absolute(entry.url);
    await job.cache.put(href, await fetchVerified(entry.url, href, { version: job.manifest.version, hash: entry.hash }));
    bytes += entry.bytes;
    files += 1;
    onProgress(bytes, files);
  });
}
