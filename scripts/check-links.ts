/**
 * npm run check:links [-- [--external] [DIR]]
 *
 * Checks the built site (default dist/, so run npm run build first): every internal link and
 * `#anchor` must lead somewhere. External links are requested only with --external, since CI has
 * no network. Prints each broken link as `page:line:column  attribute  url: problem` (and a GitHub
 * annotation when GITHUB_ACTIONS is set); exits 1 on any.
 */
import { checkLinks } from '../src/commands/check-links-command';
import { finish, parseCommandLine } from '../src/commands/command-result';

const args = parseCommandLine(
  process.argv.slice(2),
  { options: { external: { type: 'boolean', default: false } }, allowPositionals: true },
  'npm run check:links -- [--external] [DIR]',
);
finish('code' in args ? args : await checkLinks({
  dir: args.positionals[0] ?? 'dist',
  external: args.values.external,
  annotate: Boolean(process.env.GITHUB_ACTIONS),
}));
