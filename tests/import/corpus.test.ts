/**
 * Imports the whole postmortems-app corpus (read from ../shared/corpus at test time; no corpus
 * text is copied into this repository) and checks that nothing is lost and everything is valid.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { decodeCharacterReferences } from '../../src/commands/import/markdown-to-mdx';
import { convertRecord, readCorpusFile, SOURCE_LINE, type CorpusRecord, type ImportedWriteup } from '../../src/commands/import/postmortems-app';
import { formatIssue } from '../../src/lib/validate/issue';
import { validateContent } from '../../src/lib/validate/content';
import { parseSourceFile, type SourceFile } from '../../src/lib/validate/source-file';
import { readSourceFiles } from '../../src/node/read-content';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CORPUS = resolve(ROOT, '../shared/corpus/postmortems-app');
const HAVE_CORPUS = existsSync(CORPUS);
const satteri = await import('satteri').catch(() => undefined);

const HTTP_LINK = /https?:\/\/[^\s()[\]<>"]+/gi;

interface Imported {
  name: string;
  record: CorpusRecord;
  writeup: ImportedWriteup;
  file: SourceFile;
  body: string;
  sources: string[];
}

describe.skipIf(!HAVE_CORPUS)(`importing the postmortems-app corpus${HAVE_CORPUS ? '' : ` (skipped: ${CORPUS} does not exist)`}`, () => {
  let imported: Imported[];
  let patterns: SourceFile[];

  beforeAll(async () => {
    patterns = await readSourceFiles(ROOT, 'content/patterns');
    const names = (await readdir(CORPUS)).filter((name) => name.endsWith('.md') && name !== 'README.md').sort();
    const taken = new Set<string>();
    imported = [];
    for (const name of names) {
      const { record, body } = readCorpusFile(await readFile(join(CORPUS, name), 'utf8'));
      const writeup = convertRecord(record, body, taken);
      taken.add(writeup.slug);
      const file = { path: `content/incidents/${writeup.slug}.mdx`, text: writeup.text };
      const parsed = parseSourceFile(file);
      const sources = ((parsed.data.sources ?? []) as { url: string }[]).map((s) => s.url);
      imported.push({ name, record, writeup, file, body: parsed.body, sources });
    }
  });

  it('turns every one of the 242 records into a writeup', () => {
    expect(imported).toHaveLength(242);
  });

  it('gives every writeup its own slug', () => {
    const slugs = imported.map((i) => i.writeup.slug);
    expect(new Set(slugs).size).toBe(slugs.length);
  });

  it('produces writeups that are all valid under the real patterns', () => {
    const report = validateContent({ incidents: imported.map((i) => i.file), patterns });
    expect(report.issues.filter((issue) => issue.severity === 'error').map(formatIssue)).toEqual([]);
    expect(report.incidents).toHaveLength(242);
  });

  it('keeps the records the corpus holds twice, which the checker only warns about as likely duplicates', () => {
    const report = validateContent({ incidents: imported.map((i) => i.file), patterns });
    const warnings = report.issues.filter((issue) => issue.severity === 'warning');
    expect(warnings.length).toBeGreaterThan(0);
    expect(warnings.filter((w) => !/^(cites the same source as|reads like) "/.test(w.message)).map(formatIssue)).toEqual([]);
  });

  it('loses no record URL: each one is kept verbatim on the Source line', () => {
    const lost = imported.filter(({ record, body }) => {
      if (!record.url) return false;
      const line = body.split('\n').find((l) => l.startsWith(SOURCE_LINE));
      return line === undefined || decodeCharacterReferences(line.slice(SOURCE_LINE.length)) !== record.url;
    });
    expect(lost.map((i) => i.name)).toEqual([]);
  });

  it('cites every http(s) link of a record\'s url and archive_url among its sources', () => {
    const missing = imported.flatMap(({ name, record, sources }) =>
      [record.url, record.archive_url]
        .flatMap((field) => [...String(field ?? '').matchAll(HTTP_LINK)].map((m) => m[0]))
        .filter((link) => URL.canParse(link) && !sources.includes(link))
        .map((link) => `${name}: ${link}`),
    );
    expect(missing).toEqual([]);
  });

  it('cites only http(s) URLs', () => {
    for (const { sources } of imported) for (const url of sources) expect(url).toMatch(/^https?:\/\//);
  });

  it('leaves no raw brace or angle bracket in any body', () => {
    const unsafe = imported.filter(({ body }) => /[{}<]/.test(body)).map((i) => i.name);
    expect(unsafe).toEqual([]);
  });

  it.skipIf(!satteri)('compiles every body as MDX without ESM, expressions or JSX', () => {
    type Node = { type: string; children?: Node[] };
    const all = (n: Node): Node[] => [n, ...(n.children ?? []).flatMap(all)];
    const code = imported.flatMap(({ name, body }) =>
      all(satteri!.mdxToMdast(body) as unknown as Node).filter((n) => n.type.startsWith('mdx')).map((n) => `${name}: ${n.type}`),
    );
    expect(code).toEqual([]);
  });
});
