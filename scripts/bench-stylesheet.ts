/**
 * npm run bench:stylesheet [-- --runs 7]
 *
 * What linking the stylesheet (astro.config.mjs) costs and saves against inlining it in every
 * page: first contentful paint of a cold incident page and of the next one, on the emulated slow
 * link and on loopback, and what each variant's pages weigh. Writes bench/stylesheet-report.md
 * and prints it. The work is in bench/stylesheet-benchmark.ts.
 */
import { runWithOptions } from '../bench/support/bench-options';
import { runStylesheetBenchmark, stylesheetBenchmarkOptions } from '../bench/stylesheet-benchmark';
import { finish, parseCommandLine } from '../src/commands/command-result';

const USAGE = 'npm run bench:stylesheet [-- --runs 7]';

const args = parseCommandLine(process.argv.slice(2), { options: { runs: { type: 'string', default: '7' } } }, USAGE);
finish('code' in args ? args : await runWithOptions(USAGE, () => stylesheetBenchmarkOptions(args.values), runStylesheetBenchmark));
