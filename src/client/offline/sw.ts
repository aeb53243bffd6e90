/**
 * The service worker, bundled into `sw.js` with its build's config by src/integrations/offline.ts.
 *
 * - Install stores the shell (every file checked to be this build's), then carries over what an
 *   older build's cache holds: unchanged files are copied, changed ones fetched again, removed
 *   ones dropped. Only then is the new build ready, so a reader never sees half of an update.
 * - Each build reads and writes its own cache only; a new build waits until the reader reloads
 *   (src/client/offline/status.ts asks, then sends SKIP_WAITING), and its activation deletes the
 *   older caches.
 * - Requests are answered from the cache first; what the network answers is kept when it is this
 *   build's: pages that name this build, files whose URL names their content.
 */
import { isContentNamed, isPage, type ManifestEntry, type OfflineManifest } from '../../lib/offline/manifest';
import { entryHash, pageVersion, withVersion } from '../../lib/offline/version';
import { cacheName, INDEX_NOT_STORED, isOurCache, manifestUrl, OFFLINE_PAGE, SKIP_WAITING, type WorkerConfig } from '../../lib/offline/worker-config';
import { withoutBase } from '../../lib/site-paths';
import { mapWithLimit } from '../../lib/concurrency';
import { fetchVerified } from './fetch-verified';
import type { WorkerScope } from './worker-types';

declare const __OFFLINE_CONFIG__: WorkerConfig;
const config = __OFFLINE_CONFIG__;
const scope = self as unknown as WorkerScope;
const CACHE = cacheName(config.version);
const PARALLEL_FETCHES = 6;

const absolute = (url: string) => new URL(`${config.base}${url}`, scope.location.origin).href;

/** A same-origin URL relative to the base (`incidents/x/?q=1`), or undefined outside the site. */
function relativeUrl(href: string): string | undefined {
  const url = new URL(href);
  if (url.origin !== scope.location.origin) return undefined;
  const path = withoutBase(config.base, url.pathname);
  return path === undefined ? undefined : `${path.slice(1)}${url.search}`;
}

const pathOf = (url: string) => url.split('?')[0]!;

async function storeShell(cache: Cache): Promise<void> {
  await mapWithLimit(config.shell, PARALLEL_FETCHES, async ([url, hash]) => {
    await cache.put(absolute(url), await fetchVerified(url, absolute(url), { version: config.version, hash }));
  });
}

/** The older build's copy of `url`, as this build's when it did not change; undefined when it did. */
async function unchangedCopy(old: Response, url: string, entry: ManifestEntry): Promise<Response | undefined> {
  if (isContentNamed(url)) return old;
  const bytes = new Uint8Array(await old.arrayBuffer());
  if (!isPage(pathOf(url))) return (await entryHash(bytes, '', false)) === entry.hash ? new Response(bytes, old) : undefined;
  const html = new TextDecoder().decode(bytes);
  const from = pageVersion(html);
  if (from === undefined || (await entryHash(bytes, from, true)) !== entry.hash) return undefined;
  return new Response(withVersion(html, from, config.version), old);
}

/**
 * Keeps what the reader had from older builds, as this build's files: without it every update
 * would lose the pages they visited or saved. A file that cannot be fetched again now is left
 * out (the reader sees what is missing when saving); the update itself does not fail for it.
 */
async function carryOver(cache: Cache): Promise<void> {
  const older = (await caches.keys()).filter((name) => isOurCache(name) && name !== CACHE);
  if (older.length === 0) return;
  const response = await fetch(absolute(manifestUrl(config.version)), { cache: 'no-cache' });
  if (!response.ok) throw new Error(`the manifest of build ${config.version} answered ${response.status}`);
  const manifest = (await response.json()) as OfflineManifest;
  const entries = new Map(manifest.entries.map((entry) => [entry.url, entry]));
  const stored = new Set((await cache.keys()).map((request) => request.url));
  for (const name of older) {
    const oldCache = await caches.open(name);
    const requests = (await oldCache.keys()).filter((request) => !stored.has(request.url));
    await mapWithLimit(requests, PARALLEL_FETCHES, async (request) => {
      const url = relativeUrl(request.url);
      const entry = url === undefined ? undefined : entries.get(pathOf(url));
      const old = await oldCache.match(request);
      if (url === undefined || !entry || !old) return;
      stored.add(request.url);
      const copy = await unchangedCopy(old, url, entry);
      if (copy) return cache.put(request.url, copy);
      await fetchVerified(url, request.url, { version: config.version, hash: entry.hash }).then(
        (fresh) => cache.put(request.url, fresh),
        () => stored.delete(request.url),
      );
    });
  }
}

scope.addEventListener('install', (event) => {
  event.waitUntil(
    caches.open(CACHE).then(async (cache) => {
      await storeShell(cache);
      await carryOver(cache);
    }),
  );
});

scope.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const older = (await caches.keys()).filter((name) => isOurCache(name) && name !== CACHE);
      await Promise.all(older.map((name) => caches.delete(name)));
      // The first build a reader gets serves the page that installed it at once; a later one
      // takes over only after the reload the reader asked for.
      if (older.length === 0) await scope.clients.claim();
    })(),
  );
});

scope.addEventListener('message', (event) => {
  if (event.data === SKIP_WAITING) void scope.skipWaiting();
});

/** Keeps a network answer when it is this build's; a page of a newer build prompts an update check. */
async function keep(cache: Cache, key: string, url: string, response: Response): Promise<void> {
  if (isContentNamed(url)) return cache.put(key, response);
  if (!isPage(pathOf(url))) return undefined;
  if (pageVersion(await response.clone().text()) === config.version) return cache.put(key, response);
  await scope.registration.update();
  return undefined;
}

async function respond(event: FetchEvent, url: string): Promise<Response> {
  const navigate = event.request.mode === 'navigate';
  // A page is stored once, whatever its query: `/search/?q=…` is the search page.
  const key = absolute(navigate ? pathOf(url) : url);
  const cache = await caches.open(CACHE);
  const stored = await cache.match(key);
  if (stored) return stored;
  try {
    const response = await fetch(event.request);
    if (response.ok && response.type === 'basic') event.waitUntil(keep(cache, key, url, response.clone()));
    return response;
  } catch (error) {
    const offline = navigate ? await cache.match(absolute(OFFLINE_PAGE)) : undefined;
    if (offline) return offline;
    if (url.startsWith('pagefind/')) for (const client of await scope.clients.matchAll({ type: 'window' })) client.postMessage(INDEX_NOT_STORED);
    throw error;
  }
}

scope.addEventListener('fetch', (event) => {
  if (event.request.method !== 'GET') return;
  const url = relativeUrl(event.request.url);
  if (url === undefined || url === 'sw.js' || url.startsWith('offline/manifest.')) return;
  event.respondWith(respond(event, url));
});
