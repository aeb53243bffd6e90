/**
 * What `npm run build` does: `astro build` as a child process, then the steps that read the whole
 * built site, run here once Astro's process has exited and given its memory back
 * (src/node/deferred-steps.ts): the search index with our files beside it
 * (src/integrations/pagefind-index.ts), then the offline manifest and worker
 * (src/integrations/offline.ts). Astro writes straight to this process's output; the steps log
 * through `log`. Returns Astro's exit code when the build fails, and runs no step then.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { indexBuiltSite, PAGEFIND_INTEGRATION, SEARCH_INDEX_STEP, type SearchIndexStep } from '../integrations/pagefind-index';
import { OFFLINE_INTEGRATION, OFFLINE_STEP, writeOfflineStep, type OfflineStep } from '../integrations/offline';
import { DEFERRED_STEPS_ENV, readDeferredSteps, type BuildStep, type StepLogger } from '../node/deferred-steps';
import type { CommandResult } from './command-result';

const ASTRO = fileURLToPath(new URL('../../node_modules/astro/bin/astro.mjs', import.meta.url));

export interface BuildOptions {
  /** Passed to `astro build` as they are, e.g. `--outDir DIR`. */
  astroArgs: readonly string[];
  /** Prints a line of a deferred step as it happens. */
  log: (line: string) => void;
}

/** Lines as Astro's logger writes them, so the build reads as one and bench/build-benchmark.ts finds its phases. */
const loggerFor = (name: string, log: BuildOptions['log']): StepLogger => ({
  info: (message) => log(`${new Date().toTimeString().slice(0, 8)} [${name}] ${message}`),
});

async function runStep(step: BuildStep, log: BuildOptions['log']): Promise<void> {
  if (step.kind === SEARCH_INDEX_STEP) return indexBuiltSite(step as SearchIndexStep, loggerFor(PAGEFIND_INTEGRATION, log));
  if (step.kind === OFFLINE_STEP) return writeOfflineStep(step as OfflineStep, loggerFor(OFFLINE_INTEGRATION, log));
  throw new Error(`astro build deferred a step this script does not know: ${JSON.stringify(step)}`);
}

function astroBuild(args: readonly string[], stepsFile: string): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    const astro = spawn(process.execPath, [ASTRO, 'build', ...args], { stdio: 'inherit', env: { ...process.env, [DEFERRED_STEPS_ENV]: stepsFile } });
    astro.on('error', reject);
    astro.on('close', (exitCode, signal) => resolve(exitCode ?? (signal ? 1 : 0)));
  });
}

export async function runBuild(options: BuildOptions): Promise<CommandResult> {
  const workDir = await mkdtemp(join(tmpdir(), 'kb-build-'));
  try {
    const stepsFile = join(workDir, 'steps.jsonl');
    const code = await astroBuild(options.astroArgs, stepsFile);
    if (code === 0) {
      for (const step of await readDeferredSteps(stepsFile)) await runStep(step, options.log);
    }
    return { code, stdout: [], stderr: [] };
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}
