/**
 * Search in `npm run dev`. Pagefind indexes the built site, so the dev server has no index of
 * its own; it serves the last build's (`dist/pagefind/` and the facet file) so search works
 * while writing. Without a build the files 404 and the search box says which command to run
 * (src/client/search/engine.ts).
 */
import type { AstroIntegration } from 'astro';
import { readdir, readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUNDLE_PATH, UNHINTED_FACETS_URL, UNHINTED_LEXICON_URL } from '../lib/search/index-hints';
import { withoutBase } from '../lib/site-paths';

const TYPES: Record<string, string> = { '.js': 'text/javascript; charset=utf-8', '.json': 'application/json', '.css': 'text/css; charset=utf-8' };

/** The last build's content-named entry in dist/search/ (`facets.<hash>.json`, `lexicon.<hash>`). */
async function builtSearchFile(outDir: string, pattern: RegExp): Promise<string | undefined> {
  const name = (await readdir(join(outDir, 'search')).catch(() => [])).find((n) => pattern.test(n));
  return name && join(outDir, 'search', name);
}

/** A path inside `dir`, or undefined when the request climbs out of it. */
function inside(dir: string, relative: string): string | undefined {
  const file = normalize(join(dir, decodeURIComponent(relative)));
  return file.startsWith(dir + sep) ? file : undefined;
}

/** The built file a dev request (its path without the site's base) stands for, or undefined when it is not one of the index's. */
export async function builtIndexFile(outDir: string, pathname: string): Promise<string | undefined> {
  if (pathname === UNHINTED_FACETS_URL) return builtSearchFile(outDir, /^facets\.[0-9a-f]+\.json$/);
  if (pathname.startsWith(UNHINTED_LEXICON_URL)) {
    const folder = await builtSearchFile(outDir, /^lexicon\.[0-9a-f]+$/);
    return folder && inside(folder, pathname.slice(UNHINTED_LEXICON_URL.length));
  }
  if (!pathname.startsWith(BUNDLE_PATH)) return undefined;
  return inside(join(outDir, 'pagefind'), pathname.slice(BUNDLE_PATH.length));
}

export function devSearchIndex(): AstroIntegration {
  let outDir = '';
  let base = '/';
  return {
    name: 'incident-kb:dev-search-index',
    hooks: {
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir);
        base = config.base;
      },
      'astro:server:setup': ({ server }) => {
        server.middlewares.use((request, response, next) => {
          const requested = new URL(request.url ?? '/', 'http://localhost').pathname;
          const pathname = withoutBase(base, requested);
          if (pathname === undefined) return next();
          void builtIndexFile(outDir, pathname)
            .then(async (file) => {
              if (!file) return next();
              const body = await readFile(file).catch(() => undefined);
              if (!body) {
                response.statusCode = 404;
                response.end('No search index yet: run npm run build once, then reload.');
                return;
              }
              response.setHeader('content-type', TYPES[extname(file)] ?? 'application/octet-stream');
              response.end(body);
            })
            .catch(next);
        });
      },
    },
  };
}
