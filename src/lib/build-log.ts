/**
 * Logs how long a site-wide step of page generation took, in the form bench/build-benchmark.ts
 * reads (bench/support/build-phases.ts). Pages have no integration logger; these lines go to the
 * build's output beside Astro's own.
 */
export function timedStep<T>(what: string, step: () => T): T {
  const started = performance.now();
  const result = step();
  console.info(`[incident-kb] ${what} in ${Math.round(performance.now() - started)} ms`);
  return result;
}
