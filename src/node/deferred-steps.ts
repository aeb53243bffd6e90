/**
 * Steps that read the whole built site (the search index, the offline manifest) run after
 * `astro build` has exited when scripts/build.ts runs the build: Astro's process still holds
 * most of its peak memory when its last hook runs, and Pagefind beside it set the build's peak
 * (bench/README.md). Run as a plain `astro build`, the integrations run them in place.
 */
import { appendFile, readFile } from 'node:fs/promises';

/** Set by scripts/build.ts: the file the integrations append their steps to instead of running them. */
export const DEFERRED_STEPS_ENV = 'KB_DEFERRED_STEPS';

export interface StepLogger {
  info(message: string): void;
}

export interface BuildStep {
  kind: string;
}

/** Runs `step` now, or appends it to the deferred steps' file when scripts/build.ts asked for that. */
export async function deferOrRun<S extends BuildStep>(step: S, logger: StepLogger, run: (step: S, logger: StepLogger) => Promise<void>): Promise<void> {
  const file = process.env[DEFERRED_STEPS_ENV];
  if (!file) return run(step, logger);
  await appendFile(file, `${JSON.stringify(step)}\n`);
  logger.info(`${step.kind}: runs once astro build has exited (scripts/build.ts)`);
}

/** The steps the build deferred, in the order its integrations ran. */
export async function readDeferredSteps(file: string): Promise<BuildStep[]> {
  const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return '';
    throw error;
  });
  return text.split('\n').filter(Boolean).map((line) => JSON.parse(line) as BuildStep);
}
