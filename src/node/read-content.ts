/** Reads the content folders from disk for the validator (build integration and CLI). */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import type { ContentFiles } from '../lib/validate/content';
import type { SourceFile } from '../lib/validate/source-file';
import { CONTENT_DIRS } from '../lib/content-dirs';

export async function readSourceFiles(root: string, dir: string): Promise<SourceFile[]> {
  const absolute = resolve(root, dir);
  let names: string[];
  try {
    names = await readdir(absolute);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw new Error(`could not read ${dir}`, { cause: error });
  }
  // Every file is returned, not only .mdx: the validator reports strays instead of skipping them.
  const files = names.filter((name) => !name.startsWith('.')).sort();
  return Promise.all(
    files.map(async (name) => ({
      path: relative(root, join(absolute, name)).split(sep).join('/'),
      text: await readFile(join(absolute, name), 'utf8'),
    })),
  );
}

export async function readContent(root: string, dirs: { incidents: string; patterns: string } = CONTENT_DIRS): Promise<ContentFiles> {
  const [incidents, patterns] = await Promise.all([readSourceFiles(root, dirs.incidents), readSourceFiles(root, dirs.patterns)]);
  return { incidents, patterns };
}
