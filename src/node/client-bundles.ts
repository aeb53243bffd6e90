/**
 * Browser code that pages load only when it is wanted, each bundled into one file with a stable
 * URL (the search client when a reader focuses the search box or opens /search/; the offline
 * status once a page has loaded), so no page pays for it before. A stable URL lets the one
 * script every page loads (src/client/site.ts, itself a bundle here) import them without
 * Vite's hashed chunk names; `?v=` names the content for caches.
 */
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import { SITE_BASE, sitePath } from '../lib/site-paths';

export interface ClientBundle {
  code: string;
  url: string;
}

/** `entry` from the project root, not import.meta.url: Astro runs this module from a bundled copy in .astro/. */
function clientBundle(entry: string, path: string): () => Promise<ClientBundle> {
  let bundle: Promise<ClientBundle> | undefined;
  return () => {
    bundle ??= build({
      entryPoints: [resolve(process.cwd(), entry)],
      bundle: true,
      minify: true,
      format: 'esm',
      target: 'es2022',
      write: false,
      legalComments: 'none',
      // The code builds its links with src/lib/site-paths.ts, which reads the base from here.
      define: { 'import.meta.env.BASE_URL': JSON.stringify(SITE_BASE) },
    }).then((result) => {
      const code = result.outputFiles[0]!.text;
      const version = createHash('sha256').update(code).digest('hex').slice(0, 10);
      return { code, url: `${sitePath(path)}?v=${version}` };
    }, (error: unknown) => {
      bundle = undefined;
      throw new Error(`bundling ${entry} failed`, { cause: error });
    });
    return bundle;
  };
}

export const searchClientBundle = clientBundle('src/client/search/client.ts', '/search-client.js');
export const offlineStatusBundle = clientBundle('src/client/offline/status.ts', '/offline-status.js');
export const siteScriptBundle = clientBundle('src/client/site.ts', '/site.js');

/** The endpoint that serves a bundle (src/pages/search-client.js.ts, src/pages/offline-status.js.ts, src/pages/site.js.ts). */
export const serveBundle = (bundle: () => Promise<ClientBundle>) => async () =>
  new Response((await bundle()).code, { headers: { 'content-type': 'text/javascript; charset=utf-8' } });
