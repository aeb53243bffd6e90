/**
 * Imports the whole postmortems-app corpus with the import command's core (the shared corpus is
 * read at test time, tests/harness/shared-corpus.ts; no corpus text is copied into this
 * repository) and checks that no record is lost and every writeup is valid.
 */
import { cp, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CommandResult } from '../../src/commands/command-result';
import { importCorpus } from '../../src/commands/import-command';
import { decodeCharacterReferences } from '../../src/commands/import/markdown-to-mdx';
import { readCorpusFile, SOURCE_LINE, type CorpusRecord } from '../../src/commands/import/postmortems-app';
import { formatIssue } from '../../src/lib/validate/issue';
import { validateContent } from '../../src/lib/validate/content';
import { parseSourceFile, type SourceFile } from '../../src/lib/validate/source-file';
import { readSourceFiles } from '../../src/node/read-content';
import { SHARED_CORPUS, skipWithoutCorpora } from '../harness/shared-corpus';
import { PROJECT_ROOT } from '../harness/site-build';
import { loadOrSkip } from '../helpers/skip-or-fail';
import { temporaryFolders } from '../helpers/temporary-folders';

const newFolder = temporaryFolders('kb-corpus-');
const satteri = await loadOrSkip(() => import('satteri'), 'satteri, the MDX compiler the build uses,');

const HTTP_LINK = /https?:\/\/[^\s()[\]<>"]+/gi;
/** The importer names the record a writeup came from under "Imported from". */
const RECORD_LINE = /^- Corpus record: (.+)$/m;

interface Imported {
  name: string;
  record: CorpusRecord;
  file: SourceFile;
  body: string;
  sources: string[];
}

describe.skipIf(skipWithoutCorpora('postmortems-app'))('importing the postmortems-app corpus', () => {
  let result: CommandResult;
  let records: Map<string, { name: string; record: CorpusRecord }>;
  let imported: Imported[];
  let patterns: SourceFile[];

  beforeAll(async () => {
    const root = await newFolder();
    await cp(join(PROJECT_ROOT, 'content/patterns'), join(root, 'content/patterns'), { recursive: true });
    // Records of one incident are all kept: this suite checks each record's writeup, not the same-incident skip.
    result = await importCorpus({ root, format: 'postmortems-app', input: SHARED_CORPUS, keepDuplicates: true });
    patterns = await readSourceFiles(root, 'content/patterns');
    records = new Map();
    for (const name of (await readdir(SHARED_CORPUS)).filter((n) => n.endsWith('.md') && n !== 'README.md')) {
      const { record } = readCorpusFile(await readFile(join(SHARED_CORPUS, name), 'utf8'));
      records.set(String(record.uuid), { name, record });
    }
    imported = (await readSourceFiles(root, 'content/incidents')).map((file) => {
      const parsed = parseSourceFile(file);
      const source = records.get(RECORD_LINE.exec(parsed.body)?.[1] ?? '');
      if (!source) throw new Error(`${file.path} names no record of the corpus`);
      const sources = ((parsed.data.sources ?? []) as { url: string }[]).map((s) => s.url);
      return { ...source, file, body: parsed.body, sources };
    });
  }, 60_000);

  it('imports each of the 242 records as a writeup of its own, and reports them all imported', () => {
    expect(result.stderr).toEqual([]);
    expect(result.code).toBe(0);
    expect(result.stdout.at(-1)).toMatch(/^242 records: 242 imported, 0 skipped as already present, 0 skipped as the same incident as a writeup, 0 failed/);
    expect(records.size).toBe(242);
    expect(new Set(imported.map((i) => i.name)).size).toBe(242);
    expect(imported).toHaveLength(242);
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
