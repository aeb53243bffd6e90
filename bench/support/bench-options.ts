/**
 * A benchmark's flags read into its options. A value it cannot use is answered as a wrong flag
 * is (src/commands/command-result.ts): exit 2, what was wrong, and the usage.
 */
import type { CommandResult } from '../../src/commands/command-result';

/** A flag's value a benchmark cannot use; the message names the flag and what it takes. */
export class OptionError extends Error {}

export function wholeNumber(flag: string, value: string, min: number): number {
  if (!/^\d+$/.test(value) || Number(value) < min) throw new OptionError(`--${flag} takes a whole number from ${min}, not "${value}"`);
  return Number(value);
}

export function oneOf<T extends string>(flag: string, value: string, choices: readonly T[]): T {
  if (!(choices as readonly string[]).includes(value)) throw new OptionError(`--${flag} is one of ${choices.join(', ')}, not "${value}"`);
  return value as T;
}

/** Runs a benchmark with the options `read` makes of its flags, or says how it was called wrongly. */
export async function runWithOptions<T>(usage: string, read: () => T, run: (options: T) => Promise<CommandResult>): Promise<CommandResult> {
  let options: T;
  try {
    options = read();
  } catch (error) {
    if (!(error instanceof OptionError)) throw error;
    return { code: 2, stdout: [], stderr: [error.message, `usage: ${usage}`] };
  }
  return run(options);
}

export interface SiteBenchmarkOptions {
  /** Writeups of the generated site; 0 builds none. */
  writeups: number;
  /** Loads of each page per site, network and query. */
  runs: number;
}

/** `--writeups` and `--runs` of the site-loading benchmarks (bench/first-search-benchmark.ts, bench/offline-benchmark.ts). */
export function siteBenchmarkOptions(values: { writeups: string; runs: string }): SiteBenchmarkOptions {
  return { writeups: wholeNumber('writeups', values.writeups, 0), runs: wholeNumber('runs', values.runs, 1) };
}
