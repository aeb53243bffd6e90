/**
 * npm run check:content [-- [--strict] FILE...]
 *
 * Validates every writeup and pattern with the schema the build uses, or only the files given
 * (still against the whole collection). Prints every problem as
 * `path:line:column  field  message  (hint)`, GitHub annotations when GITHUB_ACTIONS is set, and
 * exits 1 on any error. `--strict` makes warnings (likely duplicates) errors.
 */
import { checkContent } from '../src/node/check-content';
import { finish, parseCommandLine } from '../src/node/command';

const args = parseCommandLine(
  process.argv.slice(2),
  { options: { strict: { type: 'boolean', default: false } }, allowPositionals: true },
  'npm run check:content -- [--strict] [FILE...]',
);
finish('code' in args ? args : await checkContent({
  root: process.cwd(),
  files: args.positionals,
  strict: args.values.strict,
  annotate: Boolean(process.env.GITHUB_ACTIONS),
}));
