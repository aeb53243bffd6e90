/**
 * npm run import -- postmortems-app <dir> [--out <folder>]
 *
 * Imports a corpus of postmortems as writeups. Idempotent, keyed by source URL: a re-run adds
 * only records whose URL no writeup cites yet, and never rewrites an existing file, so hand edits
 * survive. Every record is accounted for in the summary: imported, already present, or failed
 * (with the reason, and a non-zero exit).
 */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { readFrontMatter } from '../src/lib/front-matter';
import { CONTENT_DIRS } from '../src/node/content-dirs';
import { convertRecord, readCorpusFile, recordUrlsIn, type ImportedWriteup } from '../src/lib/import/postmortems-app';
import { formatIssue, printable } from '../src/lib/validate/issue';
import { entryId, validateContent } from '../src/lib/validate/content';
import { readSourceFiles } from '../src/node/read-content';

const FORMATS = ['postmortems-app'] as const;
const USAGE = 'usage: npm run import -- postmortems-app <dir> [--out <folder>]';

/**
 * The source URLs a writeup already stands for: its `sources`, and the record URL the importer
 * noted under "Imported from" (kept verbatim even when it was not a usable link).
 */
function citedUrls(text: string): string[] {
  try {
    const { data, content } = readFrontMatter(text);
    const sources = (data as { sources?: { url?: unknown }[] }).sources;
    const cited = Array.isArray(sources) ? sources.map((s) => String(s?.url ?? '')).filter(Boolean) : [];
    return [...cited, ...recordUrlsIn(content)];
  } catch {
    // An unparseable existing file cites nothing we can read; the validator reports it on its own.
    return [];
  }
}

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { out: { type: 'string' } } });
  const [format, dir] = positionals;
  if (!format || !dir || positionals.length > 2) {
    console.error(USAGE);
    return 2;
  }
  if (!(FORMATS as readonly string[]).includes(format)) {
    console.error(`unknown corpus format "${format}"; known: ${FORMATS.join(', ')}\n${USAGE}`);
    return 2;
  }
  const root = process.cwd();
  const outDir = values.out ?? CONTENT_DIRS.incidents;
  await mkdir(resolve(root, outDir), { recursive: true });

  const existing = await readSourceFiles(root, outDir);
  const patterns = await readSourceFiles(root, CONTENT_DIRS.patterns);
  const knownUrls = new Set(existing.flatMap((file) => citedUrls(file.text)));
  const takenSlugs = new Set(existing.map((file) => entryId(file.path)));

  const names = (await readdir(resolve(root, dir))).filter((name) => name.endsWith('.md') && name !== 'README.md').sort();
  const converted: { name: string; writeup: ImportedWriteup }[] = [];
  const failures: string[] = [];
  let skipped = 0;
  for (const name of names) {
    const path = join(dir, name);
    let record;
    try {
      record = readCorpusFile(await readFile(resolve(root, path), 'utf8'));
    } catch (error) {
      failures.push(`${printable(path)}: not imported: ${printable((error as Error).message)}`);
      continue;
    }
    if (record.record.url && knownUrls.has(record.record.url)) {
      skipped++;
      continue;
    }
    const writeup = convertRecord(record.record, record.body, takenSlugs);
    if (!record.record.url) writeup.warnings.push('no source URL: a re-run cannot tell this record was imported');
    takenSlugs.add(writeup.slug);
    // The record's own URL is its identity; another record may cite the same links and differ.
    if (record.record.url) knownUrls.add(record.record.url);
    converted.push({ name, writeup });
  }

  const newFiles = converted.map(({ writeup }) => ({ path: `${outDir}/${writeup.slug}.mdx`, text: writeup.text }));
  const report = validateContent({ incidents: [...existing, ...newFiles], patterns });
  const invalid = new Map<string, string[]>();
  for (const issue of report.issues.filter((i) => i.severity === 'error')) {
    if (newFiles.some((f) => f.path === issue.file)) invalid.set(issue.file, [...(invalid.get(issue.file) ?? []), formatIssue(issue)]);
  }

  let imported = 0;
  let warned = 0;
  for (const { name, writeup } of converted) {
    const path = `${outDir}/${writeup.slug}.mdx`;
    const problems = invalid.get(path);
    if (problems) {
      failures.push(`${printable(join(dir, name))}: not imported, the writeup would be invalid:\n  ${problems.join('\n  ')}`);
      continue;
    }
    await writeFile(resolve(root, path), writeup.text, { flag: 'wx' });
    imported++;
    if (writeup.warnings.length > 0) {
      warned++;
      for (const warning of writeup.warnings) console.log(`${path}: warning: ${printable(warning)}  (from ${printable(name)})`);
    }
  }
  for (const failure of failures) console.error(failure);
  console.log(
    `${names.length} records: ${imported} imported, ${skipped} skipped as already present, ${failures.length} failed; ${warned} imported with warnings`,
  );
  return failures.length > 0 ? 1 : 0;
}

process.exitCode = await main(process.argv.slice(2));
