/**
 * npm run check:content [-- [--strict] FILE...]
 *
 * Validates every writeup and pattern with the schema the build uses, or only the files given
 * (still against the whole collection, whose bodies are then read but not compiled). Prints
 * every problem as `path:line:column  field  message  (hint)`, GitHub annotations when
 * GITHUB_ACTIONS is set, and exits 1 on any error. `--strict` makes warnings (likely duplicates)
 * errors.
 */
import { resolve } from 'node:path';
import { checkContent } from '../src/commands/check-content-command';
import { finish, parseCommandLine } from '../src/commands/command-result';

const args = parseCommandLine(
  process.argv.slice(2),
  { options: { strict: { type: 'boolean', default: false } }, allowPositionals: true },
  'npm run check:content -- [--strict] [FILE...]',
);
finish('code' in args ? args : await checkContent({
  root: process.cwd(),
  // npm runs scripts from the project root; INIT_CWD is where the contributor typed the command.
  files: args.positionals.map((file) => resolve(process.env.INIT_CWD ?? process.cwd(), file)),
  strict: args.values.strict,
  annotate: Boolean(process.env.GITHUB_ACTIONS),
}));
