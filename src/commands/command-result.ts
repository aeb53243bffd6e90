/**
 * The shape every command-line tool's core returns, so tests call the core in-process and the
 * scripts in scripts/ only parse flags and print.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';

export interface CommandResult {
  /** 0 success, 1 problems found, 2 the command was used wrongly. */
  code: number;
  stdout: string[];
  stderr: string[];
}

/** Parses the flags, or returns a result that prints what was wrong and how to call the command. */
export function parseCommandLine<T extends Omit<ParseArgsConfig, 'args'>>(argv: string[], config: T, usage: string) {
  try {
    return parseArgs({ ...config, args: argv });
  } catch (error) {
    return { code: 2, stdout: [], stderr: [(error as Error).message, `usage: ${usage}`] } satisfies CommandResult;
  }
}

/** Prints a result and sets the exit code: the last thing a script does. */
export function finish(result: CommandResult): void {
  for (const line of result.stdout) console.log(line);
  for (const line of result.stderr) console.error(line);
  process.exitCode = result.code;
}
