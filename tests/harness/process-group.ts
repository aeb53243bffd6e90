/**
 * Every process a test or benchmark starts runs as the leader of a process group of its own, so
 * what it starts in turn (Astro's workers, Pagefind's binary, npm's shell) ends with it: the whole
 * group is killed when it outlives its time, when the caller stops it, and once the leader has
 * exited, so nothing it left behind outlives the run.
 */
import { spawn } from 'node:child_process';
import type { Readable } from 'node:stream';

export interface GroupOptions {
  cwd: string;
  /** The whole environment of the process. */
  env: NodeJS.ProcessEnv;
  /** Past this the group is killed; the run still ends as the leader's exit, with code 1. */
  timeoutMs: number;
  /** Called when the time is up, before the group is killed. */
  onTimeout?: () => void;
}

export interface GroupProcess {
  /** The leader's pid, which is the group's id; undefined when it could not start. */
  readonly pid: number | undefined;
  readonly stdout: Readable;
  readonly stderr: Readable;
  /** The leader's exit code once it has exited and its output has closed; rejects when it could not start. */
  readonly exited: Promise<number>;
  /** Kills the whole group now. */
  stop(): void;
}

function killGroup(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, 'SIGKILL');
  } catch (error) {
    // ESRCH: the group has already ended.
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
  }
}

/** Starts `argv` in a new process group. Its output must be read (or resumed), or the process stalls once a pipe is full. */
export function startInProcessGroup(argv: readonly string[], options: GroupOptions): GroupProcess {
  const child = spawn(argv[0]!, argv.slice(1), { cwd: options.cwd, env: options.env, detached: true });
  const stop = () => killGroup(child.pid);
  const timer = setTimeout(() => {
    options.onTimeout?.();
    stop();
  }, options.timeoutMs);
  const exited = new Promise<number>((resolve, reject) => {
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      stop();
      resolve(code ?? 1);
    });
  });
  return { pid: child.pid, stdout: child.stdout, stderr: child.stderr, exited, stop };
}

export interface GroupRun {
  code: number;
  stdout: string;
  stderr: string;
  /** Both, in the order they arrived. */
  output: string;
}

/**
 * Runs `argv` to its end and collects what it wrote. When the time is up, `output` (not stdout
 * or stderr) says so. Rejects with "could not start `what`" when it could not start.
 */
export async function runInProcessGroup(argv: readonly string[], options: Omit<GroupOptions, 'onTimeout'> & { what: string }): Promise<GroupRun> {
  const run = { stdout: '', stderr: '', output: '' };
  const started = startInProcessGroup(argv, { ...options, onTimeout: () => (run.output += `\nkilled after ${options.timeoutMs} ms\n`) });
  for (const stream of ['stdout', 'stderr'] as const) {
    started[stream].setEncoding('utf8');
    started[stream].on('data', (chunk: string) => {
      run[stream] += chunk;
      run.output += chunk;
    });
  }
  const code = await started.exited.catch((error: unknown) => {
    throw new Error(`could not start ${options.what}`, { cause: error });
  });
  return { code, ...run };
}
