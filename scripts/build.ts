/**
 * npm run build [-- ASTRO BUILD FLAGS]  (e.g. --outDir DIR)
 *
 * `astro build`, then the steps that read the whole built site, run here once Astro's process has
 * exited and given its memory back (src/node/deferred-steps.ts): the search index with our files
 * beside it (src/integrations/pagefind-index.ts), then the offline manifest and worker
 * (src/integrations/offline.ts). Exits with Astro's code when the build fails.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { indexBuiltSite, SEARCH_INDEX_STEP, type SearchIndexStep } from '../src/integrations/pagefind-index';
import { OFFLINE_STEP, writeOfflineStep, type OfflineStep } from '../src/integrations/offline';
import { DEFERRED_STEPS_ENV, readDeferredSteps, type BuildStep, type StepLogger } from '../src/node/deferred-steps';

const ASTRO = fileURLToPath(new URL('../node_modules/astro/bin/astro.mjs', import.meta.url));

/** Lines as Astro's logger writes them, so the build reads as one and scripts/bench-build.ts finds its phases. */
const loggerFor = (name: string): StepLogger => ({
  info: (message) => console.log(`${new Date().toTimeString().slice(0, 8)} [${name}] ${message}`),
});

async function runStep(step: BuildStep): Promise<void> {
  if (step.kind === SEARCH_INDEX_STEP) return indexBuiltSite(step as SearchIndexStep, loggerFor('incident-kb:pagefind'));
  if (step.kind === OFFLINE_STEP) return writeOfflineStep(step as OfflineStep, loggerFor('incident-kb:offline'));
  throw new Error(`astro build deferred a step this script does not know: ${JSON.stringify(step)}`);
}

const workDir = await mkdtemp(join(tmpdir(), 'kb-build-'));
try {
  const stepsFile = join(workDir, 'steps.jsonl');
  const code = await new Promise<number>((resolve, reject) => {
    const astro = spawn(process.execPath, [ASTRO, 'build', ...process.argv.slice(2)], { stdio: 'inherit', env: { ...process.env, [DEFERRED_STEPS_ENV]: stepsFile } });
    astro.on('error', reject);
    astro.on('close', (exitCode, signal) => resolve(exitCode ?? (signal ? 1 : 0)));
  });
  if (code === 0) {
    for (const step of await readDeferredSteps(stepsFile)) await runStep(step);
  }
  process.exitCode = code;
} finally {
  await rm(workDir, { recursive: true, force: true });
}
