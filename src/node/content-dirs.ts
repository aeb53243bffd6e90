/**
 * Where writeups and patterns live, relative to the project root. `KB_CONTENT_DIR` points the
 * build and the tools at another content folder (benchmarks and tests build generated or
 * imported content this way). Read from the environment, so it lives with the Node-only code.
 */
import { createHash } from 'node:crypto';
import { resolve } from 'node:path';

const root = process.env.KB_CONTENT_DIR || 'content';

export const CONTENT_DIRS = { incidents: `${root}/incidents`, patterns: `${root}/patterns` } as const;

/**
 * Astro's cache folder for a build of another content folder: its own, since a shared one would
 * point the next build of the real site at files that no longer exist. bench/build-benchmark.ts
 * empties it before each build so every build it measures starts cold.
 */
export function contentCacheDir(contentDir: string): string {
  return `./node_modules/.astro/content-${createHash('sha256').update(resolve(contentDir)).digest('hex').slice(0, 12)}`;
}
