/**
 * The sites the benchmarks load (bench/first-search-benchmark.ts, bench/offline-benchmark.ts), each
 * built into its own temporary folder that is removed once it has been measured.
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../../tests/harness/browser';
import { buildSite } from '../../tests/harness/site-build';
import { importCorpus } from '../../tests/harness/shared-corpus';
import { generateWriteups } from './generate-writeups';

export interface SiteContent {
  contentDir: string;
  writeups: number;
}

const isWriteup = (name: string) => name.endsWith('.mdx');
const countWriteups = async (dir: string) => (await readdir(dir)).filter(isWriteup).length;

/** The real site: the shared corpus imported on top of our writeups with the real importer. */
export async function corpusContent(workDir: string): Promise<SiteContent> {
  const { contentDir } = await importCorpus(workDir, { ownWriteups: true });
  return { contentDir, writeups: await countWriteups(join(contentDir, 'incidents')) };
}

export async function generatedContent(workDir: string, count: number): Promise<SiteContent> {
  const contentDir = join(workDir, 'content');
  await generateWriteups(contentDir, count);
  return { contentDir, writeups: count };
}

/**
 * Writes content with `prepare` into a fresh temporary folder, builds it, hands the built site
 * to `use`, and removes the folder whatever happens. The build is awaited, so its process never
 * outlives this call.
 */
async function withBuiltSite<T>(name: string, prepare: (workDir: string) => Promise<SiteContent>, use: (outDir: string, content: SiteContent) => Promise<T>): Promise<T> {
  const workDir = await mkdtemp(join(tmpdir(), `kb-bench-${name}-site-`));
  try {
    const content = await prepare(workDir);
    const outDir = join(workDir, 'dist');
    const build = await buildSite({ contentDir: content.contentDir, outDir });
    if (build.code !== 0) throw new Error(`the ${name} site did not build:\n${build.output.slice(-4000)}`);
    return await use(outDir, content);
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}

export interface SitePlan {
  name: string;
  prepare(workDir: string): Promise<SiteContent>;
}

/**
 * Launches one browser, then builds each plan's site in turn (removed once measured), saying so
 * through `progress`, and hands it to `measure` with the browser, which is closed whatever
 * happens. Returns the browser's version.
 */
export async function measureBuiltSites<P extends SitePlan>(plans: readonly P[], progress: (line: string) => void, measure: (plan: P, outDir: string, content: SiteContent, browser: Browser) => Promise<void>): Promise<string> {
  const browser = await launchBrowser();
  try {
    for (const plan of plans) {
      progress(`building the ${plan.name} site …`);
      await withBuiltSite(plan.name, plan.prepare, (outDir, content) => measure(plan, outDir, content, browser));
    }
    return browser.version();
  } finally {
    await browser.close();
  }
}
