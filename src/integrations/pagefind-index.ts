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
import { deferOrRun, type StepLogger } from '../node/deferred-steps';

/** The pages Pagefind reads, relative to the built site. */
export const INDEXED_PAGES = 'incidents/*/index.html';

/** The integration's name, which its log lines carry, deferred or not (src/commands/build-command.ts). */
export const PAGEFIND_INTEGRATION = 'incident-kb:pagefind';

export type PagefindApi = Pick<typeof pagefind, 'createIndex' | 'close'>;

/** Writes `<siteDir>/pagefind/`. Fails loudly on any Pagefind error; always stops its service. */
export async function buildSearchIndex(siteDir: string, api: PagefindApi = pagefind): Promise<{ pages: number }> {
  try {
    const { index, errors } = await api.createIndex({});
    if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
    // Only incident pages carry data-pagefind-body; reading the others (lists, patterns, calendar)
    // only to skip them is wasted: they are over a fifth of the HTML at 10,000 writeups.
    const added = await index.addDirectory({ path: siteDir, glob: INDEXED_PAGES });
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

export const SEARCH_INDEX_STEP = 'search-index';

export interface SearchIndexStep {
  kind: typeof SEARCH_INDEX_STEP;
  siteDir: string;
  /** The site's base (`/`, `/kb/`): the URLs written into the search page are under it. */
  base: string;
}

/** Pagefind's index of the built site, then our files beside it. */
export async function indexBuiltSite({ siteDir, base }: SearchIndexStep, logger: StepLogger): Promise<void> {
  const started = performance.now();
  const { pages } = await buildSearchIndex(siteDir);
  const indexed = performance.now();
  const extras = await writeSearchIndexExtras(siteDir, base);
  const ms = (from: number, to: number) => Math.round(to - from);
  logger.info(`indexed ${pages} incident pages in ${ms(started, indexed)} ms; facets of ${extras.pages} in ${extras.facetsUrl}, with the lexicon and hints, in ${ms(indexed, performance.now())} ms`);
}

export function pagefindIntegration(): AstroIntegration {
  let base = '/';
  return {
    name: PAGEFIND_INTEGRATION,
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
      },
      'astro:build:done': async ({ dir, logger }) => {
        await deferOrRun<SearchIndexStep>({ kind: SEARCH_INDEX_STEP, siteDir: fileURLToPath(dir), base }, logger, indexBuiltSite);
      },
    },
  };
}
