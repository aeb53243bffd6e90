/**
 * Reads the content folders from disk for the validator (build integration and CLI).
 *
 * Writeups come from people we do not know, so only regular `.mdx` files are opened, and never
 * through a link: a symbolic link could publish a file from outside the repository, or print its
 * values in CI's log; a device or a pipe could hang the read. Everything else in the folder is
 * returned by name with the reason it was not read, so the validator reports it instead of the
 * build skipping it.
 */
import { closeSync, constants, fstatSync, openSync, readFileSync, type Dirent } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { MAX_FILE_BYTES } from '../lib/content-limits';
import { formatCount } from '../lib/format-count';
import { CONTENT_EXTENSION } from '../lib/content-files';
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
  return entries
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((entry) => readEntry(entry, relative(root, join(absolute, entry.name)).split(sep).join('/'), join(absolute, entry.name)));
}

const refused = (path: string, message: string, hint?: string, line = 1): SourceFile => ({
  path, text: '', refusal: { message, line, ...(hint ? { hint } : {}) },
});

/** Why an entry is not a file to read, judged by its directory entry alone (nothing is opened). */
function entryRefusal(entry: Dirent, path: string): SourceFile | undefined {
  if (entry.name.startsWith('.')) return refused(path, 'hidden files are not published; the build skips this one', 'remove it, or rename it without the leading dot');
  if (entry.isSymbolicLink()) {
    return refused(path, 'a symbolic link is not read: content must be a file in this repository', 'copy the writeup into the folder instead of linking to it');
  }
  if (entry.isDirectory()) return refused(path, 'folders inside a content folder are not read; their writeups would be ignored', 'move the files up one level');
  if (!entry.isFile()) return refused(path, 'only regular files are read; this is a device, pipe or socket');
  if (!entry.name.endsWith(CONTENT_EXTENSION)) {
    return refused(path, `only ${CONTENT_EXTENSION} files are published; this file would be ignored`, `rename it to end in ${CONTENT_EXTENSION}`);
  }
  return undefined;
}

/**
 * Synchronous on purpose: a content folder is thousands of small files, and a promise per open,
 * stat, read and close cost several times the reads themselves (the content validation phase of
 * `npm run bench:build` measures it). Nothing else runs while the content is read.
 */
function readEntry(entry: Dirent, path: string, absolute: string): SourceFile {
  const refusal = entryRefusal(entry, path);
  if (refusal) return refusal;
  // O_NOFOLLOW and O_NONBLOCK: if the entry was swapped for a link or a pipe since it was listed,
  // the open fails or returns at once instead of following it or waiting for ever.
  let fd: number;
  try {
    fd = openSync(absolute, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOOP') return refused(path, 'a symbolic link is not read: content must be a file in this repository');
    throw new Error(`could not read ${path}`, { cause: error });
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) return refused(path, 'only regular files are read; this is a device, pipe or socket');
    if (stats.size > MAX_FILE_BYTES) {
      return refused(path, `the file is ${kilobytes(stats.size)}; a writeup may be at most ${kilobytes(MAX_FILE_BYTES)}`,
        'shorten the timeline, or link to the full document under sources');
    }
    return decode(path, readFileSync(fd));
  } finally {
    closeSync(fd);
  }
}

const kilobytes = (bytes: number) => `${formatCount(Math.ceil(bytes / 1024))} KB`;

/** The file's text, or a refusal naming the first line that is not UTF-8 (the build would garble it). */
function decode(path: string, bytes: Buffer): SourceFile {
  try {
    return { path, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    const line = firstInvalidLine(bytes);
    return refused(path, 'the file is not valid UTF-8', 'save it as UTF-8 in your editor', line);
  }
}

function firstInvalidLine(bytes: Buffer): number {
  const strict = new TextDecoder('utf-8', { fatal: true });
  let start = 0;
  for (let line = 1; start < bytes.length; line++) {
    const newline = bytes.indexOf(0x0a, start);
    const end = newline === -1 ? bytes.length : newline;
    try {
      strict.decode(bytes.subarray(start, end));
    } catch {
      return line;
    }
    start = end + 1;
  }
  return 1;
}

export async function readContent(root: string, dirs: { incidents: string; patterns: string } = CONTENT_DIRS): Promise<ContentFiles> {
  const [incidents, patterns] = await Promise.all([readSourceFiles(root, dirs.incidents), readSourceFiles(root, dirs.patterns)]);
  return { incidents, patterns };
}
