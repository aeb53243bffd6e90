/**
 * npm run bench:offline [-- --writeups 10000 --runs 5]
 *
 * What the offline copy costs and gives, beside the floor: on the real site and, unless
 * `--writeups 0`, on N generated writeups, what the first visit stores and "Save for offline"
 * would fetch, then `runs` cold visits with the worker and without it, and a search link answered
 * offline against the same link from the network. Writes medians and ratios to
 * bench/offline-report.md; exits 1 when a budget fails. The work is in bench/offline-benchmark.ts.
 */
import { runOfflineBenchmark } from '../bench/offline-benchmark';
import { runWithOptions, siteBenchmarkOptions } from '../bench/support/bench-options';
import { finish, parseCommandLine } from '../src/commands/command-result';

const USAGE = 'npm run bench:offline [-- --writeups 10000 --runs 5]';

const args = parseCommandLine(process.argv.slice(2), {
  options: { writeups: { type: 'string', default: '10000' }, runs: { type: 'string', default: '5' } },
}, USAGE);
finish('code' in args ? args : await runWithOptions(USAGE, () => siteBenchmarkOptions(args.values), (options) => runOfflineBenchmark(options, (line) => console.log(line))));
