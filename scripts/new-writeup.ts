/**
 * npm run new [-- --title … --started … --impact … --patterns a,b --summary … (--ended … | --duration …)
 *                 [--services a,b] [--organization …]]
 *
 * Scaffolds content/incidents/<date>-<title>.mdx with every field and body section, asking for
 * missing required values when run in a terminal, and writes it only if it validates and does not
 * exist yet. Without a terminal (CI, scripts) every required value must come as a flag.
 */
import { createInterface } from 'node:readline/promises';
import { NEW_WRITEUP_FIELDS } from '../src/commands/writeup-template';
import { finish, parseCommandLine, type CommandResult } from '../src/commands/command-result';
import { newWriteup } from '../src/commands/new-writeup-command';

async function main(argv: string[]): Promise<CommandResult> {
  const options = Object.fromEntries(NEW_WRITEUP_FIELDS.map((field) => [field, { type: 'string' as const }]));
  const args = parseCommandLine(argv, { options }, `npm run new -- ${NEW_WRITEUP_FIELDS.map((field) => `--${field} …`).join(' ')}`);
  if ('code' in args) return args;
  // Questions only when a person is there to answer: in CI stdin is not a terminal.
  const readline = process.stdin.isTTY ? createInterface({ input: process.stdin, output: process.stdout }) : undefined;
  const terminal = readline && { ask: (question: string) => readline.question(question), tell: (message: string) => console.log(message) };
  try {
    return await newWriteup({ root: process.cwd(), values: args.values as Record<string, string | undefined>, ...(terminal ? { terminal } : {}) });
  } catch (error) {
    if ((error as { code?: string }).code !== 'ABORT_ERR') throw error;
    return { code: 1, stdout: [], stderr: ['', 'cancelled; nothing was written'] };
  } finally {
    readline?.close();
  }
}

finish(await main(process.argv.slice(2)));
