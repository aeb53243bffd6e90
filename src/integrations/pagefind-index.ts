/**
 * Indexes the built site with Pagefind after every build. Only incident pages carry
 * `data-pagefind-body`, so only writeups are indexed; their filters, sort keys and metadata come
 * from the page markup (src/pages/incidents/[slug].astro). Then the files the search page needs
 * beside the index (src/integrations/search-index-extras.ts).
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { writeSearchIndexExtras } from './search-index-extras';

export type PagefindApi = Pick<typeof pagefind, 'createIndex' | 'close'>;

/** Writes `<siteDir>/pagefind/`. Fails loudly on any Pagefind error; always stops its service. */
export async function buildSearchIndex(siteDir: string, api: PagefindApi = pagefind): Promise<{ pages: number }> {
  try {
    const { index, errors } = await api.createIndex({});
    if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
    const added = await index.addDirectory({ path: siteDir });
    if (added.errors.length > 0) throw new Error(`Pagefind could not index ${siteDir}: ${added.errors.join('; ')}`);
    const written = await index.writeFiles({ outputPath: join(siteDir, 'pagefind') });
    if (written.errors.length > 0) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
    return { pages: added.page_count };
  } catch (error) {
    throw new Error('building the search index failed', { cause: error });
  } finally {
    await api.close();
  }
}

export function pagefindIntegration(): AstroIntegration {
  let base = '/';
  return {
    name: 'incident-kb:pagefind',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
      },
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const siteDir = fileURLToPath(dir);
        const { pages } = await buildSearchIndex(siteDir);
        const extras = await writeSearchIndexExtras(siteDir, base);
        logger.info(`indexed ${pages} incident pages in ${Math.round(performance.now() - started)} ms; facets of ${extras.pages} in ${extras.facetsUrl}`);
      },
    },
  };
}
