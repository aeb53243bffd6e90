/**
 * npm run bench:check [-- --writeups 1000 --runs 5]
 *
 * Times `npm run check:content` over the site's patterns and N generated writeups of realistic
 * length. Prints the median of the runs and writes bench/check-content-report.md. The work is in
 * bench/check-content-benchmark.ts.
 */
import { checkContentBenchmarkOptions, runCheckContentBenchmark } from '../bench/check-content-benchmark';
import { runWithOptions } from '../bench/support/bench-options';
import { finish, parseCommandLine } from '../src/commands/command-result';

const USAGE = 'npm run bench:check [-- --writeups 1000 --runs 5]';

const args = parseCommandLine(process.argv.slice(2), {
  options: { writeups: { type: 'string', default: '1000' }, runs: { type: 'string', default: '5' } },
}, USAGE);
finish('code' in args ? args : await runWithOptions(USAGE, () => checkContentBenchmarkOptions(args.values), (options) => runCheckContentBenchmark(options, (line) => console.log(line))));
