/**
 * How long `npm run check:content` takes over a large collection (`npm run bench:check`). Writes
 * the site's patterns and N generated writeups of realistic length (every field, all eight
 * sections, a timeline and a callout, each with its own text and source so the duplicate check
 * does real work; seeded, so every run checks the same files) into a temporary folder, runs the
 * check over it `runs` times, each a fresh process as in CI, and writes the median, fastest and
 * slowest run to bench/check-content-report.md.
 */
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { median, randomLcg } from 'd3';
import { wholeNumber } from './support/bench-options';
import { BODY_SECTIONS } from '../src/commands/writeup-template';
import { IMPACT_LEVELS } from '../src/lib/impact';
import { CONTENT_DIRS } from '../src/node/content-dirs';
import { readSourceFiles } from '../src/node/read-content';
import { entryId } from '../src/lib/validate/content';
import { runInProcessGroup } from '../tests/harness/process-group';
import type { CommandResult } from '../src/commands/command-result';

export interface CheckContentBenchmarkOptions {
  writeups: number;
  runs: number;
}

export function checkContentBenchmarkOptions(values: { writeups: string; runs: string }): CheckContentBenchmarkOptions {
  return { writeups: wholeNumber('writeups', values.writeups, 1), runs: wholeNumber('runs', values.runs, 1) };
}

/** Far above a check of any collection this is run on; past it the check is hung. */
const RUN_TIMEOUT_MS = 30 * 60_000;

const SYLLABLES = ['ka', 'lo', 'mer', 'tin', 'sa', 'vor', 'pel', 'du', 'gra', 'ni', 'shu', 'bex', 'ro', 'fal', 'qui', 'zen'];

/** Writes `count` writeups into `dir/incidents`, made of invented words; every third is named by the next as related. */
async function writeGeneratedWriteups(dir: string, count: number, patterns: readonly string[]): Promise<void> {
  const next = randomLcg(42);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const vocabulary = Array.from({ length: 4000 }, () => Array.from({ length: 2 + Math.floor(next() * 3) }, () => pick(SYLLABLES)).join(''));
  const sentence = (words: number) => {
    const text = Array.from({ length: words }, () => pick(vocabulary)).join(' ');
    return `${text[0]!.toUpperCase()}${text.slice(1)}.`;
  };
  const paragraph = () => Array.from({ length: 4 }, () => sentence(10 + Math.floor(next() * 8))).join(' ');

  const writeup = (index: number, previous: string | undefined): { slug: string; text: string } => {
    const day = new Date(Date.UTC(2015, 0, 1) + index * 86_400_000).toISOString().slice(0, 10);
    const title = sentence(6).slice(0, -1);
    const slug = `${day}-${title.toLowerCase().split(' ').slice(0, 4).join('-')}`;
    const body = BODY_SECTIONS.flatMap(([heading]) => {
      const content = heading === 'Timeline'
        ? ['<Timeline>', ...[0, 15, 40].map((minutes) => `  <TimelineEntry at="T+${minutes}m">${sentence(8)}</TimelineEntry>`), '</Timeline>']
        : heading === 'Lessons' ? [`<Callout kind="lesson">${sentence(14)}</Callout>`, '', paragraph()] : [paragraph(), '', paragraph()];
      return [`## ${heading}`, '', ...content, ''];
    });
    const text = [
      '---',
      `title: "${title}"`,
      `summary: "${sentence(14)} ${sentence(12)}"`,
      `started: "${day}T${String(index % 24).padStart(2, '0')}:00:00Z"`,
      `duration: ${1 + (index % 300)}m`,
      `impact: ${IMPACT_LEVELS[index % IMPACT_LEVELS.length]}`,
      'patterns:',
      ...[pick(patterns), pick(patterns)].filter((id, i, all) => all.indexOf(id) === i).map((id) => `  - ${id}`),
      `services: [${pick(vocabulary)}, ${pick(vocabulary)}]`,
      `organization: "${sentence(2).slice(0, -1)}"`,
      'trigger: deploy',
      'detection: alert',
      'signals:',
      `  - "${sentence(5)}"`,
      'sources:',
      `  - title: "${sentence(5)}"`,
      `    url: https://status.example.com/incidents/${index}`,
      ...(previous ? ['related:', `  - ${previous}`] : []),
      '---',
      '',
      ...body,
    ].join('\n');
    return { slug, text };
  };

  await mkdir(join(dir, 'incidents'));
  let previous: string | undefined;
  for (let index = 0; index < count; index++) {
    const { slug, text } = writeup(index, previous);
    await writeFile(join(dir, 'incidents', `${slug}.mdx`), text);
    previous = index % 3 === 0 ? slug : undefined;
  }
}

export async function runCheckContentBenchmark(options: CheckContentBenchmarkOptions, progress: (line: string) => void): Promise<CommandResult> {
  const { writeups: count, runs } = options;
  const dir = await mkdtemp(join(tmpdir(), 'kb-bench-check-'));
  try {
    await cp(CONTENT_DIRS.patterns, join(dir, 'patterns'), { recursive: true });
    const patterns = (await readSourceFiles(process.cwd(), CONTENT_DIRS.patterns)).map((file) => entryId(file.path));
    await writeGeneratedWriteups(dir, count, patterns);

    const command = 'npm run check:content --silent';
    const seconds: number[] = [];
    for (let run = 0; run < runs; run++) {
      const start = performance.now();
      const result = await runInProcessGroup(['npm', 'run', 'check:content', '--silent'], {
        cwd: process.cwd(),
        env: { ...process.env, KB_CONTENT_DIR: dir },
        timeoutMs: RUN_TIMEOUT_MS,
        what: command,
      });
      seconds.push((performance.now() - start) / 1000);
      const summary = result.stdout.trim().split('\n').at(-1);
      if (result.code !== 0) throw new Error(`check:content failed on the generated collection:\n${result.stdout}${result.stderr}`);
      progress(`run ${run + 1}: ${seconds.at(-1)!.toFixed(2)} s  (${summary})`);
    }
    const middle = median(seconds)!;
    const report = [
      '# check:content benchmark',
      '',
      `Command: \`KB_CONTENT_DIR=<dir> ${command}\` over ${count} generated writeups (every field, all eight`,
      'sections, a timeline and a callout; about 8 KB each, twice the example writeups) and the site\'s patterns, generated by',
      `\`npm run bench:check -- --writeups ${count} --runs ${runs}\`.`,
      '',
      '| runs | median | fastest | slowest | machine | load average (1 min) |',
      '|---|---|---|---|---|---|',
      `| ${runs} | ${middle.toFixed(2)} s | ${Math.min(...seconds).toFixed(2)} s | ${Math.max(...seconds).toFixed(2)} s | ` +
        `${cpus().length} cores, Node ${process.version} | ${loadavg()[0]!.toFixed(1)} |`,
      '',
      'Each run is a fresh process, as in CI: it includes starting Node and tsx, reading every file,',
      'compiling every body with Sätteri, the schema and cross-reference checks, and the duplicate check.',
      '',
    ].join('\n');
    await mkdir('bench', { recursive: true });
    await writeFile('bench/check-content-report.md', report);
    return { code: 0, stdout: [`median ${middle.toFixed(2)} s over ${runs} runs; written to bench/check-content-report.md`], stderr: [] };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
