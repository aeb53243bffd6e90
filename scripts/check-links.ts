/**
 * npm run check:links [-- [--external] [DIR]]
 *
 * Checks the built site (default dist/, so run npm run build first): every internal link and
 * `#anchor` must lead somewhere. External links are requested only with --external, since CI has
 * no network. Prints each broken link as `page:line:column  attribute  url: problem`; exits 1 on any.
 */
import { parseArgs } from 'node:util';
import { checkLinks } from '../src/node/check-links';

async function main(argv: string[]): Promise<number> {
  let args;
  try {
    args = parseArgs({ args: argv, options: { external: { type: 'boolean', default: false } }, allowPositionals: true });
  } catch (error) {
    console.error(`${(error as Error).message}\nusage: npm run check:links -- [--external] [DIR]`);
    return 2;
  }
  const result = await checkLinks({ dir: args.positionals[0] ?? 'dist', external: args.values.external });
  for (const line of result.stdout) console.log(line);
  for (const line of result.stderr) console.error(line);
  return result.code;
}

process.exitCode = await main(process.argv.slice(2));
