/**
 * A site built from content a test file prepares (a fixture, an imported corpus), served on a
 * free port for the file's tests and removed afterwards.
 */
import { afterAll, beforeAll } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSite } from '../../tests/harness/site-build';
import { serveStatic, type StaticSite } from '../../tests/harness/static-server';

export interface BuiltSite {
  readonly url: string;
  /** Where the site was built, for tests that read its files. */
  readonly outDir: string;
}

export interface BuiltSiteOptions {
  /** Bounds preparing and building together, for sites larger than the default allows. */
  timeoutMs?: number;
  /** Builds with BASE_PATH and serves the site only under it. */
  basePath?: string;
  /** Further settings for the build (KB_REPOSITORY_URL). */
  env?: Record<string, string>;
}

/** `prepare` writes content under the work folder and returns the content folder's path. */
export function useBuiltSite(name: string, prepare: (workDir: string) => Promise<string>, { timeoutMs, basePath, env }: BuiltSiteOptions = {}): BuiltSite {
  let workDir: string | undefined;
  let outDir = '';
  let site: StaticSite | undefined;
  beforeAll(async () => {
    workDir = await mkdtemp(join(tmpdir(), `kb-${name}-`));
    const contentDir = await prepare(workDir);
    outDir = join(workDir, 'dist');
    const result = await buildSite({ contentDir, outDir, ...(basePath && { basePath }), ...(env && { env }) });
    if (result.code !== 0) throw new Error(`${name} build failed:\n${result.output}`);
    site = await serveStatic(outDir, basePath);
  }, timeoutMs);
  afterAll(async () => {
    await site?.close();
    if (workDir) await rm(workDir, { recursive: true, force: true });
  });
  return {
    get url() {
      if (!site) throw new Error(`the ${name} site is not built yet`);
      return site.url;
    },
    get outDir() {
      return outDir;
    },
  };
}
