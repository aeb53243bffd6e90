/** Reads the content folders from disk for the validator (build integration and CLI). */
import type { Dirent } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import type { ContentFiles } from '../lib/validate/content';
import type { SourceFile } from '../lib/validate/source-file';
import { CONTENT_DIRS } from './content-dirs';

export async function readSourceFiles(root: string, dir: string): Promise<SourceFile[]> {
  const absolute = resolve(root, dir);
  let entries: Dirent[];
  try {
    entries = await readdir(absolute, { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw new Error(`could not read ${dir}`, { cause: error });
  }
  // Every entry is returned, not only .mdx files: the validator reports strays (other files, and
  // folders, marked by a trailing slash) instead of the build skipping them.
  const visible = entries.filter((entry) => !entry.name.startsWith('.')).sort((a, b) => a.name.localeCompare(b.name));
  return Promise.all(
    visible.map(async (entry) => {
      const path = relative(root, join(absolute, entry.name)).split(sep).join('/');
      return entry.isDirectory() ? { path: `${path}/`, text: '' } : { path, text: await readFile(join(absolute, entry.name), 'utf8') };
    }),
  );
}

export async function readContent(root: string, dirs: { incidents: string; patterns: string } = CONTENT_DIRS): Promise<ContentFiles> {
  const [incidents, patterns] = await Promise.all([readSourceFiles(root, dirs.incidents), readSourceFiles(root, dirs.patterns)]);
  return { incidents, patterns };
}
