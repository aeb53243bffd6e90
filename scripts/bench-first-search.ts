/**
 * npm run bench:first-search [-- --writeups 10000 --runs 7]
 *
 * What a responder waits for when they open a pasted search link, `/search/?q=…`, with a cold
 * cache, against stock Pagefind over the same build: on the real site and, unless `--writeups 0`,
 * on N generated writeups, on loopback and on an emulated slow link, `runs` loads per query.
 * Writes medians, ratios and budget checks to bench/first-search-report.md; exits 1 when a load
 * showed no result or a budget failed. The work is in bench/first-search-benchmark.ts.
 */
import { runFirstSearchBenchmark } from '../bench/first-search-benchmark';
import { runWithOptions, siteBenchmarkOptions } from '../bench/support/bench-options';
import { finish, parseCommandLine } from '../src/commands/command-result';

const USAGE = 'npm run bench:first-search [-- --writeups 10000 --runs 7]';

const args = parseCommandLine(process.argv.slice(2), {
  options: { writeups: { type: 'string', default: '10000' }, runs: { type: 'string', default: '7' } },
}, USAGE);
finish('code' in args ? args : await runWithOptions(USAGE, () => siteBenchmarkOptions(args.values), (options) => runFirstSearchBenchmark(options, (line) => console.log(line))));
