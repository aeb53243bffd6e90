/**
 * Builds the real site once and serves it for every browser test file, so each file opens pages
 * instead of building its own.
 * E2E_DIST=<dir> skips the build and serves an existing one.
 */
import type { TestProject } from 'vitest/node';
import { join } from 'node:path';
import { buildSite, PROJECT_ROOT } from '../tests/harness/site-build';
import { serveStatic } from '../tests/harness/static-server';

declare module 'vitest' {
  export interface ProvidedContext {
    siteUrl: string;
    /** The built site's folder, for checks that read files rather than pages. */
    siteDir: string;
  }
}

export default async function setup(project: TestProject) {
  let outDir = process.env.E2E_DIST;
  if (!outDir) {
    outDir = join(PROJECT_ROOT, 'e2e/.dist');
    const result = await buildSite({ outDir });
    if (result.code !== 0) throw new Error(`astro build failed:\n${result.output}`);
  }
  const site = await serveStatic(outDir);
  project.provide('siteUrl', site.url);
  project.provide('siteDir', outDir);
  return () => site.close();
}
