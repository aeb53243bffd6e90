/** The flags the site-building benchmarks share (scripts/bench-first-search.ts, scripts/bench-offline.ts). */
import { parseArgs } from 'node:util';

function wholeNumber(flag: string, value: string, min: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) throw new Error(`--${flag} takes a whole number from ${min}, not "${value}"`);
  return n;
}

/** `--writeups N` (0 skips the generated site) and `--runs N`. */
export function siteBenchArgs(defaults: { writeups: number; runs: number }): { writeups: number; runs: number } {
  const { values } = parseArgs({ options: { writeups: { type: 'string', default: String(defaults.writeups) }, runs: { type: 'string', default: String(defaults.runs) } } });
  return { writeups: wholeNumber('writeups', values.writeups, 0), runs: wholeNumber('runs', values.runs, 1) };
}
