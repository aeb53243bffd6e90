/**
 * Imports the shared postmortems-app corpus into a fresh content folder (beside the real
 * patterns) with the real importer, for the search benchmark and the quality floor test.
 */
import { execFile } from 'node:child_process';
import { cp } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { readFrontMatter } from '../../src/lib/front-matter';
import { recordUrlsIn } from '../../src/lib/import/postmortems-app';
import { entryId } from '../../src/lib/validate/content';
import { readSourceFiles } from '../../src/node/read-content';
import { PROJECT_ROOT } from './build';

export const SHARED_CORPUS = resolve(PROJECT_ROOT, '../shared/corpus/postmortems-app');

export interface ImportedCorpus {
  contentDir: string;
  /** Incident slug by the corpus record's URL field. */
  slugByUrl: Map<string, string>;
  writeups: { slug: string; title: string; text: string }[];
}

/** Imports the shared corpus into a fresh content folder beside the real patterns. */
export async function importCorpus(workDir: string): Promise<ImportedCorpus> {
  const contentDir = join(workDir, 'content');
  await cp(join(PROJECT_ROOT, 'content/patterns'), join(contentDir, 'patterns'), { recursive: true });
  const tsx = join(PROJECT_ROOT, 'node_modules/tsx/dist/cli.mjs');
  await promisify(execFile)(process.execPath, [tsx, 'scripts/import.ts', 'postmortems-app', SHARED_CORPUS], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, KB_CONTENT_DIR: contentDir },
    maxBuffer: 64 * 1024 * 1024,
  });
  const files = await readSourceFiles(PROJECT_ROOT, join(contentDir, 'incidents'));
  const slugByUrl = new Map<string, string>();
  const writeups = files.map((file) => {
    const { data, content } = readFrontMatter(file.text);
    const slug = entryId(file.path);
    for (const url of recordUrlsIn(content)) slugByUrl.set(url, slug);
    const text = [data.summary, ...((data.signals ?? []) as string[]), content].join('\n');
    return { slug, title: String(data.title), text };
  });
  return { contentDir, slugByUrl, writeups };
}
