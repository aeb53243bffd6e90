/**
 * npm run bench:build [-- --writeups 10000 --runs 1 --bounds budget|ci --no-loop --report FILE]
 *
 * What the full site costs against the Astro floor: builds N generated writeups with this site
 * and with a bare Astro + MDX + Pagefind site, then times the contributor's loop (unless
 * --no-loop), and reports phases, peak memory and output against the bounds chosen (`budget`,
 * the default, or `ci`). Writes bench/build-report.md unless --report says where; exits 1 when a
 * measure is over its bound. The work is in bench/build-benchmark.ts.
 */
import { buildBenchmarkOptions, runBuildBenchmark } from '../bench/build-benchmark';
import { runWithOptions } from '../bench/support/bench-options';
import { finish, parseCommandLine } from '../src/commands/command-result';

const USAGE = 'npm run bench:build [-- --writeups 10000 --runs 1 --bounds budget|ci --no-loop --report FILE]';

const args = parseCommandLine(process.argv.slice(2), {
  options: {
    writeups: { type: 'string', default: '10000' },
    runs: { type: 'string', default: '1' },
    bounds: { type: 'string', default: 'budget' },
    'no-loop': { type: 'boolean', default: false },
    report: { type: 'string', default: 'bench/build-report.md' },
  },
}, USAGE);
finish('code' in args ? args : await runWithOptions(USAGE, () => buildBenchmarkOptions(args.values), (options) => runBuildBenchmark(options, (line) => console.log(line))));
