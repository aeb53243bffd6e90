/**
 * Runs one command for a benchmark in its own process group and measures what it costs: wall
 * time, the peak of the whole group's resident memory (the build and every process it starts,
 * Pagefind's binary included, summed), and each output line with the time it arrived, from
 * which bench/build-benchmark.ts reads the build's phases.
 */
import { readdir, readFile } from 'node:fs/promises';
import { startInProcessGroup } from '../../tests/harness/process-group';

export interface TimedLine {
  /** Milliseconds from the start of the run. */
  atMs: number;
  text: string;
}

export interface MeasuredRun {
  code: number;
  seconds: number;
  peakRssBytes: number;
  /** When the peak was sampled, in milliseconds from the start. */
  peakAtMs: number;
  lines: TimedLine[];
}

const PAGE_BYTES = 4096;
const SAMPLE_EVERY_MS = 100;
const FIND_MEMBERS_EVERY = 10;

/** The live processes whose process group is `group`. */
async function groupMembers(group: number): Promise<number[]> {
  const members: number[] = [];
  for (const pid of (await readdir('/proc')).filter((name) => /^\d+$/.test(name))) {
    // The command name in field 2 may hold spaces and parentheses; the fields after its last ')' do not.
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
    if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2]) === group) members.push(Number(pid));
  }
  return members;
}

/** Resident bytes of `pids`, summed; a process that has ended holds none. */
async function residentBytes(pids: Iterable<number>): Promise<number> {
  let total = 0;
  for (const pid of pids) {
    const statm = await readFile(`/proc/${pid}/statm`, 'utf8').catch(() => '');
    if (statm) total += Number(statm.split(' ')[1]) * PAGE_BYTES;
  }
  return total;
}

/**
 * Runs `argv` and resolves when it exits. It runs in a process group of its own
 * (tests/harness/process-group.ts), killed when it outlives `timeoutMs`, so nothing it started
 * outlives the benchmark.
 */
export async function measuredRun(argv: readonly string[], options: { cwd: string; env?: NodeJS.ProcessEnv; timeoutMs: number }): Promise<MeasuredRun> {
  const started = performance.now();
  const lines: TimedLine[] = [];
  const child = startInProcessGroup(argv, {
    cwd: options.cwd,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0', ...options.env },
    timeoutMs: options.timeoutMs,
    onTimeout: () => lines.push({ atMs: performance.now() - started, text: `killed after ${options.timeoutMs} ms` }),
  });
  const collect = (stream: NodeJS.ReadableStream) => {
    let pending = '';
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => {
      const atMs = performance.now() - started;
      const parts = (pending + chunk).split('\n');
      pending = parts.pop()!;
      for (const text of parts) lines.push({ atMs, text });
    });
    stream.on('end', () => pending && lines.push({ atMs: performance.now() - started, text: pending }));
  };
  collect(child.stdout);
  collect(child.stderr);
  let peakRssBytes = 0;
  let peakAtMs = 0;
  let sampling = Promise.resolve();
  let samples = 0;
  const members = new Set<number>();
  // Reading every process's stat each sample took a quarter of a core from the build measured;
  // the group's members are found again once a second, and only they are read in between.
  const sampler = setInterval(() => {
    sampling = sampling.then(async () => {
      if (samples++ % FIND_MEMBERS_EVERY === 0) for (const pid of await groupMembers(child.pid!)) members.add(pid);
      const rss = await residentBytes(members);
      if (rss > peakRssBytes) [peakRssBytes, peakAtMs] = [rss, performance.now() - started];
    });
  }, SAMPLE_EVERY_MS);
  let code: number;
  try {
    code = await child.exited;
  } catch (error) {
    throw new Error(`could not start ${argv.join(' ')}`, { cause: error });
  } finally {
    clearInterval(sampler);
  }
  const seconds = (performance.now() - started) / 1000;
  await sampling;
  return { code, seconds, peakRssBytes, peakAtMs, lines };
}

/** The last line the run wrote before `atMs`: what it was doing then. */
export const lineBefore = (run: MeasuredRun, atMs: number) =>
  run.lines.findLast((line) => line.atMs <= atMs && line.text.trim() !== '')?.text.trim() ?? '(nothing yet)';

/** The run's output, for an error message when it failed. */
export const outputOf = (run: MeasuredRun, lastChars = 4000) => run.lines.map((line) => line.text).join('\n').slice(-lastChars);
