/**
 * Fixture content made from our own writeups: a copy of `content/`, and writeups that differ from
 * one of them in a few front-matter fields (a retitled writeup, a later one, a draft).
 */
import { cp, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../tests/harness/site-build';

/** Copies our `content/` folder to `dir` and returns `dir`. */
export async function copyOurContent(dir: string): Promise<string> {
  await cp(join(PROJECT_ROOT, 'content'), dir, { recursive: true });
  return dir;
}

/** `mdx` with each named top-level front-matter field set (JSON-quoted), added before the closing `---` when missing. */
export function withFields(mdx: string, fields: Record<string, string | boolean>): string {
  const end = mdx.indexOf('\n---', 3);
  let frontMatter = mdx.slice(0, end);
  for (const [name, value] of Object.entries(fields)) {
    const line = `${name}: ${JSON.stringify(value)}`;
    const pattern = new RegExp(`^${name}: .*$`, 'm');
    frontMatter = pattern.test(frontMatter) ? frontMatter.replace(pattern, () => line) : `${frontMatter}\n${line}`;
  }
  return frontMatter + mdx.slice(end);
}

/** Writes `incidents/<slug>.mdx` under `contentDir`: the writeup `from` with `fields` changed. */
export async function writeVariant(contentDir: string, from: string, slug: string, fields: Record<string, string | boolean>): Promise<void> {
  const model = await readFile(join(contentDir, `incidents/${from}.mdx`), 'utf8');
  await writeFile(join(contentDir, `incidents/${slug}.mdx`), withFields(model, fields));
}
