/**
 * The sites the first-search benchmark loads, each built into its own temporary folder that is
 * removed once it has been measured.
 */
import { cp, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSite, PROJECT_ROOT } from '../../e2e/support/build';
import { importCorpus } from '../../e2e/support/corpus';
import { generateWriteups } from './generate-writeups';

export interface SiteContent {
  contentDir: string;
  writeups: number;
}

const isWriteup = (name: string) => name.endsWith('.mdx');
const countWriteups = async (dir: string) => (await readdir(dir)).filter(isWriteup).length;

/** The real site: our writeups beside the shared corpus, imported with the real importer. */
export async function corpusContent(workDir: string): Promise<SiteContent> {
  const { contentDir } = await importCorpus(workDir);
  const ours = join(PROJECT_ROOT, 'content/incidents');
  const incidents = join(contentDir, 'incidents');
  // An imported writeup named like one of ours must fail the run, not be silently replaced.
  for (const name of (await readdir(ours)).filter(isWriteup)) await cp(join(ours, name), join(incidents, name), { force: false, errorOnExist: true });
  return { contentDir, writeups: await countWriteups(incidents) };
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
export async function withBuiltSite<T>(name: string, prepare: (workDir: string) => Promise<SiteContent>, use: (outDir: string, content: SiteContent) => Promise<T>): Promise<T> {
  const workDir = await mkdtemp(join(tmpdir(), `kb-bench-first-search-${name}-`));
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
