// @ts-check
import { defineConfig } from 'astro/config';
import { validateContentIntegration } from './src/integrations/validate-content.ts';
import { pagefindIntegration } from './src/integrations/pagefind-index.ts';
import { writeupMdx } from './src/integrations/writeup-mdx.ts';
import { devSearchIndex } from './src/integrations/dev-search-index.ts';
import { offlineIntegration } from './src/integrations/offline.ts';
import { contentCacheDir } from './src/node/content-dirs.ts';

const otherContent = process.env.KB_CONTENT_DIR;

export default defineConfig({
  // A build of another content folder (benchmarks, tests) keeps its own content cache.
  ...(otherContent && { cacheDir: contentCacheDir(otherContent) }),
  // Any static host works; SITE is the address it is served at, used for canonical links.
  site: process.env.SITE ?? 'https://incidents.example.org',
  // The folder the site is served from (`/kb/`, a GitHub Pages project site's `/<repo>/`);
  // every internal link is built under it by src/lib/site-paths.ts.
  base: process.env.BASE_PATH || '/',
  trailingSlash: 'always',
  // offline runs last: its manifest lists every file the others write, the search index included.
  // KB_OFFLINE_SHELL_BYTES bounds what a first visit stores (default 2 MiB).
  integrations: [
    validateContentIntegration(),
    writeupMdx(),
    pagefindIntegration(),
    devSearchIndex(),
    offlineIntegration({ shellBudgetBytes: Number(process.env.KB_OFFLINE_SHELL_BYTES) || undefined }),
  ],
  // The stylesheet is a file of its own, fetched once and cached (and stored by the service
  // worker): inlined, its 12 KB were repeated in every page, half of each incident page and over
  // 100 MB of a 10,000-writeup site. What that costs the first page on a slow link is measured
  // in bench/README.md.
  build: { format: 'directory', inlineStylesheets: 'never' },
  vite: {
    build: {
      rolldownOptions: {
        // Every MDX module carries Astro's "use astro:head-inject" directive; the bundler warns
        // about each one although Astro handles it. Silenced so real warnings stay visible.
        onwarn(warning, warn) {
          if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
        },
      },
    },
  },
});
