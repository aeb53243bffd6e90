/**
 * npm run bench:calendar [-- --runs N]
 *
 * How fast the calendar paints and how heavy its pages are, on 2,000 generated incidents and on
 * the real data (our writeups with both shared corpora imported on top): opens every calendar
 * page in Chromium `runs` times (default 7) and writes the medians to bench/calendar-report.md,
 * with how well box size and shade encode duration and impact. Exits 1 when a budget or the
 * encoding's target fails. The work is in bench/calendar-benchmark.ts.
 */
import { calendarBenchmarkOptions, runCalendarBenchmark } from '../bench/calendar-benchmark';
import { runWithOptions } from '../bench/support/bench-options';
import { finish, parseCommandLine } from '../src/commands/command-result';

const USAGE = 'npm run bench:calendar [-- --runs N]';

const args = parseCommandLine(process.argv.slice(2), { options: { runs: { type: 'string', default: '7' } } }, USAGE);
finish('code' in args ? args : await runWithOptions(USAGE, () => calendarBenchmarkOptions(args.values), (options) => runCalendarBenchmark(options, (line) => console.log(line))));
