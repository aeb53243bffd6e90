/**
 * npm run check:content [-- [--strict] FILE...]
 *
 * Validates every writeup and pattern with the schema the build uses, or only the files given
 * (still against the whole collection). Prints every problem as
 * `path:line:column  field  message  (hint)`, GitHub annotations when GITHUB_ACTIONS is set, and
 * exits 1 on any error. `--strict` makes warnings (likely duplicates) errors.
 */
import { parseArgs } from 'node:util';
import { checkContent } from '../src/node/check-content';

async function main(argv: string[]): Promise<number> {
  let args;
  try {
    args = parseArgs({ args: argv, options: { strict: { type: 'boolean', default: false } }, allowPositionals: true });
  } catch (error) {
    console.error(`${(error as Error).message}\nusage: npm run check:content -- [--strict] [FILE...]`);
    return 2;
  }
  const result = await checkContent({
    root: process.cwd(),
    files: args.positionals,
    strict: args.values.strict,
    annotate: Boolean(process.env.GITHUB_ACTIONS),
  });
  for (const line of result.stdout) console.log(line);
  for (const line of result.stderr) console.error(line);
  return result.code;
}

process.exitCode = await main(process.argv.slice(2));
