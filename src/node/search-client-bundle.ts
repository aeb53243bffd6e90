/**
 * Bundles the search client into one file with a stable URL. Pages load it only when a reader
 * focuses the search box (or opens /search/), so no page pays for search before it is wanted;
 * a stable URL lets the tiny inline loader import it without Vite's hashed chunk names.
 */
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import { SITE_BASE, sitePath } from '../lib/site-paths';

// From the project root, not import.meta.url: Astro runs this module from a bundled copy in .astro/.
const ENTRY = resolve(process.cwd(), 'src/scripts/search/client.ts');
export const SEARCH_CLIENT_PATH = '/search-client.js';

let bundle: Promise<{ code: string; url: string }> | undefined;

/** The minified bundle and its cache-busting URL; built once per process. */
export function searchClientBundle(): Promise<{ code: string; url: string }> {
  bundle ??= build({
    entryPoints: [ENTRY],
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2022',
    write: false,
    legalComments: 'none',
    // The client builds its links with src/lib/site-paths.ts, which reads the base from here.
    define: { 'import.meta.env.BASE_URL': JSON.stringify(SITE_BASE) },
  }).then((result) => {
    const code = result.outputFiles[0]!.text;
    const version = createHash('sha256').update(code).digest('hex').slice(0, 10);
    return { code, url: `${sitePath(SEARCH_CLIENT_PATH)}?v=${version}` };
  }, (error: unknown) => {
    bundle = undefined;
    throw new Error('bundling the search client failed', { cause: error });
  });
  return bundle;
}
