/**
 * Search in `npm run dev`. Pagefind indexes the built site, so the dev server has no index of
 * its own; it serves the last build's (`dist/pagefind/` and the facet file) so search works
 * while writing. Without a build the files 404 and the search box says which command to run
 * (src/scripts/search/engine.ts).
 */
import type { AstroIntegration } from 'astro';
import { readdir, readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UNHINTED_FACETS_URL } from '../lib/search/index-hints';

const TYPES: Record<string, string> = { '.js': 'text/javascript; charset=utf-8', '.json': 'application/json', '.css': 'text/css; charset=utf-8' };

/** The built file a dev request stands for, or undefined when it is not one of the index's. */
export async function builtIndexFile(outDir: string, pathname: string): Promise<string | undefined> {
  if (pathname === UNHINTED_FACETS_URL) {
    const name = (await readdir(join(outDir, 'search')).catch(() => [])).find((n) => /^facets\.[0-9a-f]+\.json$/.test(n));
    return name && join(outDir, 'search', name);
  }
  if (!pathname.startsWith('/pagefind/')) return undefined;
  const file = normalize(join(outDir, decodeURIComponent(pathname)));
  return file.startsWith(join(outDir, 'pagefind') + sep) ? file : undefined;
}

export function devSearchIndex(): AstroIntegration {
  let outDir = '';
  return {
    name: 'incident-kb:dev-search-index',
    hooks: {
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir);
      },
      'astro:server:setup': ({ server }) => {
        server.middlewares.use((request, response, next) => {
          const pathname = new URL(request.url ?? '/', 'http://localhost').pathname;
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
