/**
 * Makes the built site work offline: writes the manifest of every file with its size and hash
 * (`offline/manifest.<version>.json`) and the service worker (`sw.js`, from
 * src/client/offline/sw.ts) with its shell, the files stored on the first visit, chosen within a
 * byte budget by src/lib/offline/manifest.ts. Runs after the search index is written, so the
 * index's files are in the manifest. Every page names its build (src/layouts/Base.astro reads
 * `import.meta.env.KB_BUILD_VERSION`, defined here).
 */
import type { AstroIntegration } from 'astro';
import { build } from 'esbuild';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mapWithLimit } from '../lib/concurrency';
import { isPage, isStored, selectShell, servedUrl, type ManifestEntry, type OfflineManifest, type Shell } from '../lib/offline/manifest';
import { formatBytes } from '../lib/offline/save-plan';
import { entryHash } from '../lib/offline/version';
import { CACHE_PREFIX, manifestUrl, type WorkerConfig } from '../lib/offline/worker-config';
import { withoutBase } from '../lib/site-paths';
import { deferOrRun, type StepLogger } from '../node/deferred-steps';

/** The first visit stores at most this much, whatever the number of writeups. */
export const DEFAULT_SHELL_BUDGET_BYTES = 2 * 1024 * 1024;

/** The integration's name, which its log lines carry, deferred or not (src/commands/build-command.ts). */
export const OFFLINE_INTEGRATION = 'incident-kb:offline';

const WORKER_ENTRY = resolve(process.cwd(), 'src/client/offline/sw.ts');

async function listFiles(siteDir: string): Promise<string[]> {
  const entries = await readdir(siteDir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(siteDir, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .filter(isStored)
    .sort();
}

export async function buildManifest(siteDir: string, version: string, builtAt: string): Promise<OfflineManifest> {
  const files = await listFiles(siteDir);
  const entries = await mapWithLimit(files, 16, async (file): Promise<ManifestEntry> => {
    // Synchronous: a promise per read of 20,000 small files cost more than the reads.
    const bytes = new Uint8Array(readFileSync(join(siteDir, file)));
    const url = servedUrl(file);
    return { url, bytes: bytes.byteLength, hash: await entryHash(bytes, version, isPage(url)) };
  });
  return { version, builtAt, entries };
}

/**
 * URLs the pages request with a query (`pagefind-entry.json?ts=…`, `search-client.js?v=…`), as
 * the built search page writes them: the worker stores them under those exact URLs.
 */
export async function requestedWithQuery(siteDir: string, base: string, manifest: OfflineManifest): Promise<ManifestEntry[]> {
  const html = await readFile(join(siteDir, 'search/index.html'), 'utf8');
  const urls = new Set<string>();
  for (const match of html.matchAll(/(?:href|src)="([^"]+\?[^"]+)"|"([^"\s]+\.js\?v=[0-9a-f]+)"/g)) {
    const url = (match[1] ?? match[2]!).replace(/&amp;/g, '&');
    const path = withoutBase(base, url.split('?')[0]!);
    if (path !== undefined) urls.add(`${path.slice(1)}?${url.split('?')[1]}`);
  }
  const byUrl = new Map(manifest.entries.map((entry) => [entry.url, entry]));
  return [...urls].flatMap((url) => {
    const file = byUrl.get(url.split('?')[0]!);
    return file ? [{ ...file, url }] : [];
  });
}

export async function bundleWorker(config: WorkerConfig): Promise<string> {
  const result = await build({
    entryPoints: [WORKER_ENTRY],
    bundle: true,
    minify: true,
    format: 'iife',
    target: 'es2022',
    write: false,
    legalComments: 'none',
    define: { __OFFLINE_CONFIG__: JSON.stringify(config), 'import.meta.env.BASE_URL': JSON.stringify(config.base) },
  }).catch((error: unknown) => {
    throw new Error('bundling the service worker failed', { cause: error });
  });
  return result.outputFiles[0]!.text;
}

export interface OfflineFiles {
  manifest: OfflineManifest;
  shell: Shell;
  workerBytes: number;
}

export async function writeOfflineFiles(options: { siteDir: string; base: string; version: string; builtAt: string; budgetBytes: number }): Promise<OfflineFiles> {
  const { siteDir, base, version, builtAt, budgetBytes } = options;
  const manifest = await buildManifest(siteDir, version, builtAt);
  const shell = selectShell({ manifest, required: await requestedWithQuery(siteDir, base, manifest), budgetBytes });
  await mkdir(join(siteDir, 'offline'), { recursive: true });
  await writeFile(join(siteDir, manifestUrl(version)), JSON.stringify({ ...manifest, shell: { files: shell.entries.length, bytes: shell.bytes, tiers: shell.tiers } }));
  const worker = await bundleWorker({ version, builtAt, base, shell: shell.entries.map((entry) => [entry.url, entry.hash]), tiers: shell.tiers });
  await writeFile(join(siteDir, 'sw.js'), worker);
  return { manifest, shell, workerBytes: Buffer.byteLength(worker) };
}

/**
 * What `npm run dev` serves as `sw.js`. `npm start` and `npm run dev` share an address, so a
 * worker registered by a built site would go on answering the dev server's pages from its cache;
 * the browser's next update check gets this instead, which removes the worker and its caches and
 * reloads the pages it controlled.
 */
export const DEV_WORKER_RESET = `self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil((async () => {
  for (const name of await caches.keys()) if (name.startsWith(${JSON.stringify(CACHE_PREFIX)})) await caches.delete(name);
  await self.registration.unregister();
  for (const client of await self.clients.matchAll({ type: 'window' })) client.navigate(client.url);
})()));`;

export const OFFLINE_STEP = 'offline';

export interface OfflineStep {
  kind: typeof OFFLINE_STEP;
  siteDir: string;
  base: string;
  /** The build's name, which every page carries. */
  version: string;
  builtAt: string;
  budgetBytes: number;
}

export async function writeOfflineStep(step: OfflineStep, logger: StepLogger): Promise<void> {
  const started = performance.now();
  const { manifest, shell, workerBytes } = await writeOfflineFiles(step);
  const total = manifest.entries.reduce((sum, entry) => sum + entry.bytes, 0);
  logger.info(
    `offline: first visit stores ${shell.entries.length} files, ${formatBytes(shell.bytes)} of ${formatBytes(step.budgetBytes)} (${shell.tiers.join(', ')}); `
    + `"Save for offline" ${manifest.entries.length} files, ${formatBytes(total)}; sw.js ${formatBytes(workerBytes)}; in ${Math.round(performance.now() - started)} ms`,
  );
}

export function offlineIntegration(options: { shellBudgetBytes?: number } = {}): AstroIntegration {
  const budgetBytes = options.shellBudgetBytes ?? DEFAULT_SHELL_BUDGET_BYTES;
  // One name per build: a redeploy of the same content is still a new build to the worker, which
  // then keeps every unchanged file it has (src/client/offline/sw.ts) instead of fetching it again.
  const builtAt = new Date();
  const version = `${builtAt.getTime().toString(36)}-${randomBytes(4).toString('hex')}`;
  let base = '/';
  return {
    name: OFFLINE_INTEGRATION,
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({
          vite: { define: { 'import.meta.env.KB_BUILD_VERSION': JSON.stringify(version), 'import.meta.env.KB_BUILD_TIME': JSON.stringify(builtAt.toISOString()) } },
        });
      },
      'astro:config:done': ({ config }) => {
        base = config.base;
      },
      'astro:server:setup': ({ server }) => {
        server.middlewares.use((request, response, next) => {
          if (new URL(request.url ?? '/', 'http://localhost').pathname !== `${base.replace(/\/?$/, '/')}sw.js`) return next();
          response.setHeader('content-type', 'text/javascript; charset=utf-8');
          response.setHeader('cache-control', 'no-cache');
          response.end(DEV_WORKER_RESET);
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        await deferOrRun<OfflineStep>({ kind: OFFLINE_STEP, siteDir: fileURLToPath(dir), base, version, builtAt: builtAt.toISOString(), budgetBytes }, logger, writeOfflineStep);
      },
    },
  };
}
