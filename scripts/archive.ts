/**
 * npm run archive [-- [--out FILE] [DIR]]
 *
 * Packs the built site (default dist/, so run npm run build first) into one .tar.gz (default
 * incident-kb.tar.gz) that unpacks into one folder and serves with any static server; see
 * src/commands/archive-command.ts.
 */
import { createArchive } from '../src/commands/archive-command';
import { finish, parseCommandLine } from '../src/commands/command-result';

const args = parseCommandLine(
  process.argv.slice(2),
  { options: { out: { type: 'string', default: 'incident-kb.tar.gz' } }, allowPositionals: true },
  'npm run archive -- [--out FILE] [DIR]',
);
finish('code' in args ? args : await createArchive({ dir: args.positionals[0] ?? 'dist', out: args.values.out }));
