/**
 * What a build writes, by kind of file: the bytes in the files (what a deploy uploads and an
 * offline copy holds) and the space they take on disk, in whole filesystem blocks and counting
 * the folder each page lives in (what `du` reports).
 */
import { lstat, readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';

export interface OutputSize {
  files: number;
  bytes: number;
  diskBytes: number;
}

/** A path relative to the output folder (a folder's ends in `/`) → the kind it is reported under. */
export type OutputKind = (path: string) => string;

const INCIDENT_SLUG = String.raw`\d{4}-\d{2}-\d{2}-[^/]+`;

const KINDS: readonly (readonly [RegExp, string])[] = [
  [new RegExp(`^incidents/${INCIDENT_SLUG}/`), 'incident pages'],
  [/^incidents\//, 'incident lists'],
  [/^patterns\//, 'pattern pages'],
  [/^calendar\//, 'calendar pages'],
  [/^pagefind\//, 'search index (Pagefind)'],
  [/^search\/index\.html$/, 'home, search, offline and 404 pages'],
  [/^search\//, 'search extras (facets, lexicon)'],
  [/^(feed\.xml|incidents\.json|incidents\.csv|patterns\.json|opensearch\.xml)$/, 'feeds and exports'],
  [/^(sw\.js|offline\/manifest\.)/, 'offline (worker, manifest)'],
  [/^(_astro\/|[^/]+\.js$)/, 'scripts and styles'],
];

/** This site's output (src/pages). */
export const siteOutputKind: OutputKind = (path) => KINDS.find(([pattern]) => pattern.test(path))?.[1] ?? 'home, search, offline and 404 pages';

/** The bare Astro + MDX + Pagefind site of bench/build-benchmark.ts: a page per writeup at the root. */
export const floorOutputKind: OutputKind = (path) => (path.startsWith('pagefind/') ? 'search index (Pagefind)' : 'incident pages');

/** Sizes by kind, and `total`. The output folder itself is not counted, only what is in it. */
export async function outputSize(dir: string, kindOf: OutputKind): Promise<Map<string, OutputSize>> {
  const sizes = new Map<string, OutputSize>();
  const add = (kind: string, bytes: number, diskBytes: number, files: number) => {
    for (const key of [kind, 'total']) {
      const size = sizes.get(key) ?? { files: 0, bytes: 0, diskBytes: 0 };
      sizes.set(key, { files: size.files + files, bytes: size.bytes + bytes, diskBytes: size.diskBytes + diskBytes });
    }
  };
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    const full = join(entry.parentPath, entry.name);
    const path = relative(dir, full).split(sep).join('/');
    const stats = await lstat(full);
    // st_blocks counts 512-byte units whatever the filesystem's block size.
    if (entry.isDirectory()) add(kindOf(`${path}/`), 0, stats.blocks * 512, 0);
    else add(kindOf(path), stats.size, stats.blocks * 512, 1);
  }
  return sizes;
}
