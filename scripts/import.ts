/**
 * npm run import -- <postmortems-app|statuspage> <folder-or-file> [--out <folder>] [--keep-duplicates]
 *
 * Imports a corpus as writeups: the postmortems-app corpus (a folder of Markdown records), or a
 * status page's incident history in the Atlassian Statuspage format (a folder of `{page,
 * incident}` files, or a saved `/api/v2/incidents.json`). The mappings are in the README; the
 * work is done by src/commands/import-command.ts.
 */
import { finish, parseCommandLine } from '../src/commands/command-result';
import { FORMATS, importCorpus, type CorpusFormat } from '../src/commands/import-command';

const USAGE = `npm run import -- <${FORMATS.join('|')}> <folder-or-file> [--out <folder>] [--keep-duplicates]`;

const args = parseCommandLine(
  process.argv.slice(2),
  { allowPositionals: true, options: { out: { type: 'string' }, 'keep-duplicates': { type: 'boolean', default: false } } },
  USAGE,
);

function run() {
  if ('code' in args) return Promise.resolve(args);
  const [format, input, ...extra] = args.positionals;
  if (!format || !input || extra.length > 0) return Promise.resolve({ code: 2, stdout: [], stderr: [`usage: ${USAGE}`] });
  if (!(FORMATS as readonly string[]).includes(format)) {
    return Promise.resolve({ code: 2, stdout: [], stderr: [`unknown corpus format "${format}"; known: ${FORMATS.join(', ')}`, `usage: ${USAGE}`] });
  }
  return importCorpus({
    root: process.cwd(),
    format: format as CorpusFormat,
    input,
    outDir: args.values.out,
    keepDuplicates: args.values['keep-duplicates'],
  });
}

finish(await run());
