/**
 * npm run bench:search [-- --queries bench/holdout-queries.json --report bench/holdout-report.md]
 *
 * Search quality on a corpus nobody tuned the site for: the symptom queries (default
 * bench/search-queries.json) through the real search page over the imported shared corpus,
 * against plain BM25 (MiniSearch defaults) over the same writeups. Writes the report (default
 * bench/search-report.md) and prints its table. The work is in bench/search-benchmark.ts.
 */
import { runSearchBenchmark } from '../bench/search-benchmark';
import { finish, parseCommandLine } from '../src/commands/command-result';

const args = parseCommandLine(process.argv.slice(2), {
  options: {
    queries: { type: 'string', default: 'bench/search-queries.json' },
    report: { type: 'string', default: 'bench/search-report.md' },
  },
}, 'npm run bench:search [-- --queries bench/holdout-queries.json --report bench/holdout-report.md]');
finish('code' in args ? args : await runSearchBenchmark(args.values, (line) => console.log(line)));
