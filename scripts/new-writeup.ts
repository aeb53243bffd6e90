/**
 * npm run new [-- --title … --started … --impact … --patterns a,b --summary … (--ended … | --duration …)
 *                 [--services a,b] [--organization …]]
 *
 * Scaffolds content/incidents/<date>-<title>.mdx with every field and body section, asking for
 * missing required values when run in a terminal, and writes it only if it validates and does not
 * exist yet. Without a terminal (CI, scripts) every required value must come as a flag.
 */
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { NEW_WRITEUP_FIELDS } from '../src/lib/scaffold';
import { newWriteup } from '../src/node/new-writeup';

async function main(argv: string[]): Promise<number> {
  let values;
  try {
    const options = Object.fromEntries(NEW_WRITEUP_FIELDS.map((field) => [field, { type: 'string' as const }]));
    values = parseArgs({ args: argv, options }).values as Record<string, string | undefined>;
  } catch (error) {
    console.error(`${(error as Error).message}\nflags: ${NEW_WRITEUP_FIELDS.map((field) => `--${field}`).join(' ')}`);
    return 2;
  }
  // Questions only when a person is there to answer: in CI stdin is not a terminal.
  const readline = process.stdin.isTTY ? createInterface({ input: process.stdin, output: process.stdout }) : undefined;
  const terminal = readline && { ask: (question: string) => readline.question(question), tell: (message: string) => console.log(message) };
  try {
    const result = await newWriteup({ root: process.cwd(), values, ...(terminal ? { terminal } : {}) });
    for (const line of result.stdout) console.log(line);
    for (const line of result.stderr) console.error(line);
    return result.code;
  } catch (error) {
    if ((error as { code?: string }).code !== 'ABORT_ERR') throw error;
    console.error('\ncancelled; nothing was written');
    return 1;
  } finally {
    readline?.close();
  }
}

process.exitCode = await main(process.argv.slice(2));
