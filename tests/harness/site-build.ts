/** Runs the build (scripts/build.ts: `astro build`, then the search index and the offline files) as a child process, the way CI and a contributor run it. */
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { contentCacheDir } from '../../src/node/content-dirs';
import { runInProcessGroup } from './process-group';

export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TSX = fileURLToPath(new URL('../../node_modules/tsx/dist/cli.mjs', import.meta.url));
const BUILD = fileURLToPath(new URL('../../scripts/build.ts', import.meta.url));

/** `npm run build -- <args>` without npm in between, for a child process. */
export const buildCommand = (args: readonly string[]) => [process.execPath, TSX, BUILD, ...args];
/** Far above any build the tests and benchmarks run (10,000 writeups take about two minutes); past it the build is hung. */
const DEFAULT_TIMEOUT_MS = 15 * 60_000;

export interface BuildResult {
  code: number;
  output: string;
}

/**
 * Builds the site; `contentDir` swaps in another content folder (see src/node/content-dirs.ts),
 * `config` another Astro config file (relative to the project root), `basePath` the folder it is
 * served from (BASE_PATH), `env` further settings (KB_OFFLINE_SHELL_BYTES). The build runs in its own
 * process group (./process-group.ts), killed when it outlives `timeoutMs`, so no worker it
 * started is left behind.
 */
export async function buildSite(options: { outDir: string; contentDir?: string; config?: string; timeoutMs?: number; basePath?: string; env?: Record<string, string> }): Promise<BuildResult> {
  const env: NodeJS.ProcessEnv = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0', ...options.env };
  // Vitest sets NODE_ENV=test and mirrors import.meta.env into process.env (BASE_URL=/, MODE…);
  // a child build that inherits them is not a production build (drafts shown, no service worker)
  // and builds every link at the root.
  for (const name of ['NODE_ENV', 'BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR']) delete env[name];
  if (options.basePath) env.BASE_PATH = options.basePath;
  if (options.contentDir) env.KB_CONTENT_DIR = options.contentDir;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const argv = buildCommand(['--outDir', options.outDir, ...(options.config ? ['--config', options.config] : [])]);
  const { code, output } = await runInProcessGroup(argv, { cwd: PROJECT_ROOT, env, timeoutMs, what: 'the build' });
  // Another content folder gets a cache of its own (astro.config.mjs); these are temporary.
  if (options.contentDir) await rm(join(PROJECT_ROOT, contentCacheDir(options.contentDir)), { recursive: true, force: true });
  return { code, output };
}
