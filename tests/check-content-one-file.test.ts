/**
 * `npm run check:content -- FILE` validates only the files given, and reads the rest of the
 * collection only for what their cross-references and duplicate warnings need. It must report on
 * a file exactly what a check of every file reports on it, so each file of a collection full of
 * problems is checked on its own and compared with the full check.
 */
import { describe, expect, it, vi } from 'vitest';
import { copyFile, cp, mkdir, readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { validateContent } from '../src/lib/validate/content';
import { mdxProblems } from '../src/lib/validate/mdx-compile';
import { checkContent } from '../src/commands/check-content-command';
import { readContent } from '../src/node/read-content';
import { temporaryFolders } from './helpers/temporary-folders';

vi.mock('../src/lib/validate/mdx-compile', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../src/lib/validate/mdx-compile')>();
  return { ...actual, mdxProblems: vi.fn(actual.mdxProblems) };
});

const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));
const DIRS = { incidents: 'content/incidents', patterns: 'content/patterns' };
const BASE = '2021-03-01-connection-pool-exhausted-on-primary';

/** A copy of a writeup with lines added at the top of its front matter. */
const withFields = (text: string, ...lines: string[]) => text.replace(/^---\n/, `---\n${lines.join('\n')}\n`);

/**
 * The fixture collection, every bad writeup of tests/fixtures/writeups/ beside each other (most
 * are the valid writeup with one thing changed, so they read alike and cite one source), plus
 * drafts, a third writeup citing one source, broken patterns and files the reader refuses.
 */
const newRoot = temporaryFolders('kb-check-one-');

async function brokenCollection(): Promise<string> {
  const root = await newRoot();
  await cp(join(FIXTURES, 'content'), join(root, 'content'), { recursive: true });
  const incident = (name: string) => join(root, DIRS.incidents, name);
  const fixture = (name: string) => readFile(join(FIXTURES, 'writeups', `${name}.mdx`), 'utf8');

  for (const name of await readdir(join(FIXTURES, 'writeups'))) {
    const fixtureName = name.replace(/\.mdx$/, '');
    const file = fixtureName === 'bad-file-name' ? '2021-03-04_Writes_Time_Out.mdx'
      : fixtureName === 'duplicate-text' ? '2021-03-01-batch-job-holds-every-pooled-connection.mdx'
      : `2021-03-04-${fixtureName}.mdx`;
    await copyFile(join(FIXTURES, 'writeups', name), incident(file));
  }
  await copyFile(join(FIXTURES, 'writeups/duplicate-source-url.mdx'), incident('2021-03-04-same-source-again.mdx'));

  const valid = await fixture('valid');
  const linksDrafts = valid.replace(`  - ${BASE}`, '  - 2021-03-04-a-draft\n  - 2021-03-04-a-broken-draft');
  await writeFile(incident('2021-03-04-a-draft.mdx'), withFields(valid, 'draft: true'));
  // A draft that fails its schema is no draft to the other files: it is not published either way.
  await writeFile(incident('2021-03-04-a-broken-draft.mdx'), withFields(await fixture('bad-enum'), 'draft: true'));
  await writeFile(incident('2021-03-04-links-drafts.mdx'), linksDrafts);
  await writeFile(incident('2021-03-04-a-draft-links-drafts.mdx'), withFields(linksDrafts, 'draft: true'));

  const pattern = (name: string) => join(root, DIRS.patterns, name);
  const retryStorm = await readFile(pattern('retry-storm.mdx'), 'utf8');
  await writeFile(pattern('cascading-failure.mdx'), withFields(retryStorm, 'related:', '  - retry-strom', '  - capacity-limit'));
  await writeFile(pattern('Bad_Name.mdx'), retryStorm);

  await writeFile(incident('.hidden.mdx'), valid);
  await writeFile(incident('notes.txt'), 'not a writeup');
  await mkdir(incident('old'));
  await symlink(join(FIXTURES, 'writeups/valid.mdx'), incident('2021-03-04-linked.mdx'));
  return root;
}

const root = await brokenCollection();
const files = await readContent(root, DIRS);
const paths = [...files.incidents, ...files.patterns].map((file) => file.path);
const full = validateContent(files);
const fullRun = await checkContent({ root, dirs: DIRS });

describe('checking some files of a collection', () => {
  it('is compared on a collection with every kind of problem a file can have or be told about', () => {
    const messages = full.issues.map((issue) => issue.message);
    for (const expected of [
      /^no pattern "retry-strom" exists/, /^no incident ".*" exists/, /is a draft and will not be published/,
      /^cites the same source as/, /^reads like/, /MDX does not compile/, /not valid YAML/, /must be YYYY-MM-DD/,
      /must be lowercase kebab-case/, /symbolic link/, /only \.mdx files/,
    ]) {
      expect(messages.some((message) => expected.test(message)), String(expected)).toBe(true);
    }
    // Drafts are told apart by their front matter: a broken draft is not one.
    expect(full.issues.filter((issue) => /is a draft/.test(issue.message)).map((issue) => [issue.file, issue.field])).toEqual([
      [`${DIRS.incidents}/2021-03-04-links-drafts.mdx`, 'related[0]'],
    ]);
  });

  it.each(paths)('reports on %s what the check of every file reports on it', (path) => {
    expect(validateContent(files, { only: new Set([path]) }).issues).toEqual(full.issues.filter((issue) => issue.file === path));
  });

  it.each(paths)('prints for %s the lines the check of every file prints for it', async (path) => {
    const run = await checkContent({ root, dirs: DIRS, files: [path] });
    const lines = fullRun.stdout.filter((line) => line.startsWith(`${path}:`));
    expect(run.stdout.slice(0, -1)).toEqual(lines);
    expect(run.code).toBe(lines.some((line) => !/ {2}warning: /.test(line)) ? 1 : 0);
  });

  it('reports on several files at once what the check of every file reports on them', () => {
    const some = new Set([`${DIRS.incidents}/${BASE}.mdx`, `${DIRS.incidents}/2021-03-04-duplicate-source-url.mdx`, `${DIRS.patterns}/cascading-failure.mdx`]);
    expect(validateContent(files, { only: some }).issues).toEqual(full.issues.filter((issue) => some.has(issue.file)));
  });

  it('compiles the body of the files given only', () => {
    vi.mocked(mdxProblems).mockClear();
    validateContent(files, { only: new Set([`${DIRS.incidents}/2021-03-04-valid.mdx`]) });
    expect(mdxProblems).toHaveBeenCalledTimes(1);
  });
});
