/**
 * npm run bench:build [-- --writeups 10000 --runs 1]
 *
 * How far the full site is from the Astro floor. Generates N writeups from the shared corpus's
 * text (real sentences, shuffled into new bodies), then in one run builds (1) this site over
 * them and (2) a bare Astro + MDX + Pagefind site that renders the same files with nothing
 * else, and reports wall time and peak memory of each and their ratio. Writes
 * bench/build-report.md.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { generateWriteups } from '../bench/support/generate-writeups';
import { PROJECT_ROOT } from '../e2e/support/build';
import { median } from '../src/lib/stats';

const { values } = parseArgs({ options: { writeups: { type: 'string', default: '10000' }, runs: { type: 'string', default: '1' } } });
const count = Number(values.writeups);
const runs = Number(values.runs);

/** The floor: Astro + MDX rendering each writeup with its title, then Pagefind. */
async function floorProject(dir: string, contentDir: string): Promise<void> {
  await mkdir(join(dir, 'src/pages'), { recursive: true });
  await symlink(join(PROJECT_ROOT, 'node_modules'), join(dir, 'node_modules'));
  await writeFile(join(dir, 'package.json'), '{ "type": "module" }\n');
  await writeFile(join(dir, 'astro.config.mjs'), `import mdx from '@astrojs/mdx';\nexport default { integrations: [mdx()] };\n`);
  await writeFile(join(dir, 'src/content.config.ts'), `import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
export const collections = { incidents: defineCollection({ loader: glob({ pattern: '*.mdx', base: ${JSON.stringify(join(contentDir, 'incidents'))} }), schema: z.looseObject({ title: z.string() }) }) };
`);
  await writeFile(join(dir, 'src/pages/[slug].astro'), `---
import { getCollection, render } from 'astro:content';
export async function getStaticPaths() {
  return (await getCollection('incidents')).map((entry) => ({ params: { slug: entry.id }, props: { entry } }));
}
const { entry } = Astro.props;
const { Content } = await render(entry);
---
<html lang="en"><head><title>{entry.data.title}</title></head><body><main data-pagefind-body><h1>{entry.data.title}</h1><Content /></main></body></html>
`);
}

/** Runs a command under GNU time when available, for peak memory. */
function timed(command: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<{ seconds: number; peakMb?: number }> {
  const gnuTime = existsSync('/usr/bin/time');
  const argv = gnuTime ? ['/usr/bin/time', '-f', 'PEAK_KB %M', ...command] : command;
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(argv[0]!, argv.slice(1), { cwd, env: { ...process.env, ...env, ASTRO_TELEMETRY_DISABLED: '1' } });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.stdout.resume();
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`${command.join(' ')} failed:\n${stderr.slice(-2000)}`));
      const peak = /PEAK_KB (\d+)/.exec(stderr)?.[1];
      resolve({ seconds: (performance.now() - started) / 1000, ...(peak ? { peakMb: Number(peak) / 1024 } : {}) });
    });
  });
}

const workDir = await mkdtemp(join(tmpdir(), 'kb-bench-build-'));
try {
  const contentDir = join(workDir, 'content');
  console.log(`generating ${count} writeups …`);
  await generateWriteups(contentDir, count);
  const floorDir = join(workDir, 'floor');
  await floorProject(floorDir, contentDir);
  const astro = join(PROJECT_ROOT, 'node_modules/astro/bin/astro.mjs');
  const pagefind = join(PROJECT_ROOT, 'node_modules/pagefind/lib/runner/bin.cjs');
  const site: { seconds: number; peakMb?: number }[] = [];
  const floor: { seconds: number; peakMb?: number }[] = [];
  for (let run = 1; run <= runs; run++) {
    console.log(`run ${run}/${runs}: this site …`);
    site.push(await timed([process.execPath, astro, 'build', '--outDir', join(workDir, 'site-dist')], PROJECT_ROOT, { KB_CONTENT_DIR: contentDir }));
    console.log(`run ${run}/${runs}: the floor …`);
    const astroOnly = await timed([process.execPath, astro, 'build'], floorDir, {});
    const index = await timed([process.execPath, pagefind, '--site', join(floorDir, 'dist')], floorDir, {});
    floor.push({ seconds: astroOnly.seconds + index.seconds, ...(astroOnly.peakMb ? { peakMb: Math.max(astroOnly.peakMb, index.peakMb ?? 0) } : {}) });
  }
  const med = (xs: { seconds: number }[]) => median(xs.map((x) => x.seconds));
  const peak = (xs: { peakMb?: number }[]) => (xs.every((x) => x.peakMb) ? `${(median(xs.map((x) => x.peakMb!)) / 1024).toFixed(1)} GB` : 'n/a');
  const table = [
    '| build | median wall time | median peak memory |',
    '|---|---|---|',
    `| this site (validation, pages, similar incidents, calendar, search index) | ${med(site).toFixed(0)} s | ${peak(site)} |`,
    `| Astro floor (MDX pages with a title, then Pagefind) | ${med(floor).toFixed(0)} s | ${peak(floor)} |`,
    `| ratio | ${(med(site) / med(floor)).toFixed(2)}× | |`,
  ].join('\n');
  await writeFile(join(PROJECT_ROOT, 'bench/build-report.md'), `# Build benchmark

Run with \`npm run bench:build -- --writeups ${count} --runs ${runs}\`. ${count} writeups generated from the shared
corpus's paragraphs, built by this site and by a bare Astro + MDX + Pagefind site rendering the
same files, in one run on a shared 2-core machine: read the ratio, not the absolute times.

${table}
`);
  console.log(table);
} finally {
  await rm(workDir, { recursive: true, force: true });
}
