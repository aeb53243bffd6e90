/**
 * The core of `npm run import` (scripts/import.ts): reads a corpus in one of the known formats,
 * converts each record to a writeup, and writes the valid ones. Idempotent, keyed by the record's
 * source URL: a re-run adds only records no writeup cites yet, and never rewrites a file, so hand
 * edits survive. A record that describes an incident a writeup already covers (same organization,
 * days and words; src/commands/import/same-incident.ts) is skipped and the writeup named, unless
 * `keepDuplicates`. Every record is accounted for in the summary: imported, already present, the
 * same incident as a writeup, or failed (with the reason, and exit code 1).
 */
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { readFrontMatter } from '../lib/front-matter';
import { convertRecord, readCorpusFile, recordUrlsIn, type ImportedWriteup } from './import/postmortems-app';
import { sameIncidentFinder, statusPageOf, type IncidentIdentity } from './import/same-incident';
import { convertStatuspageIncident, readStatuspageFile, statuspageSourceUrl } from './import/statuspage';
import { parseTimePoint, TimeSyntaxError, type TimePoint } from '../lib/time-point';
import { entryId, validateContent } from '../lib/validate/content';
import { formatIssue, printable } from '../lib/validate/issue';
import type { CommandResult } from './command-result';
import { CONTENT_DIRS } from '../node/content-dirs';
import { readSourceFiles } from '../node/read-content';

export const FORMATS = ['postmortems-app', 'statuspage'] as const;
export type CorpusFormat = (typeof FORMATS)[number];

export interface ImportOptions {
  root: string;
  format: CorpusFormat;
  /** A folder of records, or (statuspage) one file of a status page's incidents. */
  input: string;
  /** Where writeups go; the content folder by default. */
  outDir?: string | undefined;
  /** Import records that repeat an incident a writeup already covers. */
  keepDuplicates?: boolean | undefined;
}

/** One record of a corpus, read but not yet converted. */
interface CorpusEntry {
  /** The file (and for a file of many incidents, the incident) it came from, for messages. */
  name: string;
  /** The URL that identifies it on a re-run. */
  url?: string | undefined;
  convert: (takenSlugs: ReadonlySet<string>) => ImportedWriteup;
}

interface ReadCorpus {
  entries: CorpusEntry[];
  /** Files that could not be read, each with its reason. */
  failures: string[];
}

const readText = (root: string, path: string) => readFile(resolve(root, path), 'utf8');

async function readPostmortemsApp(root: string, dir: string): Promise<ReadCorpus> {
  const names = (await readdir(resolve(root, dir))).filter((name) => name.endsWith('.md') && name !== 'README.md').sort();
  const result: ReadCorpus = { entries: [], failures: [] };
  for (const name of names) {
    const path = join(dir, name);
    try {
      const { record, body } = readCorpusFile(await readText(root, path));
      result.entries.push({
        name: path,
        url: record.url,
        convert: (taken) => {
          const writeup = convertRecord(record, body, taken);
          if (!record.url) writeup.warnings.push('no source URL: a re-run cannot tell this record was imported');
          return writeup;
        },
      });
    } catch (error) {
      result.failures.push(`${printable(path)}: not imported: ${printable((error as Error).message)}`);
    }
  }
  return result;
}

/** A saved incidents.json, or a folder of record files (in `incidents/` when there is one). */
async function statuspageFiles(root: string, input: string): Promise<string[]> {
  if (!(await stat(resolve(root, input))).isDirectory()) return [input];
  const nested = join(input, 'incidents');
  const dir = (await stat(resolve(root, nested)).catch(() => undefined))?.isDirectory() ? nested : input;
  return (await readdir(resolve(root, dir))).filter((name) => name.endsWith('.json')).sort().map((name) => join(dir, name));
}

async function readStatuspage(root: string, input: string): Promise<ReadCorpus> {
  const result: ReadCorpus = { entries: [], failures: [] };
  for (const path of await statuspageFiles(root, input)) {
    try {
      const records = readStatuspageFile(await readText(root, path));
      for (const record of records) {
        result.entries.push({
          name: records.length > 1 ? `${path} (incident ${record.incident.id})` : path,
          url: statuspageSourceUrl(record),
          convert: (taken) => convertStatuspageIncident(record, taken),
        });
      }
    } catch (error) {
      result.failures.push(`${printable(path)}: not imported: ${printable((error as Error).message)}`);
    }
  }
  return result;
}

const READERS: Record<CorpusFormat, (root: string, input: string) => Promise<ReadCorpus>> = {
  'postmortems-app': readPostmortemsApp,
  statuspage: readStatuspage,
};

function timeOrUnknown(value: unknown): TimePoint {
  try {
    return parseTimePoint(value instanceof Date ? value : String(value));
  } catch (error) {
    if (error instanceof TimeSyntaxError) return { text: 'unknown', precision: 'unknown' };
    throw error;
  }
}

/**
 * What a writeup file says about its incident and where it came from: the URLs it stands for
 * (its sources, and a record URL the importer noted under "Imported from", kept verbatim even
 * when it was not a usable link) and its identity for the same-incident check. An unparseable
 * file stands for nothing; the validator reports it on its own.
 */
export function describeWriteup(slug: string, text: string): { urls: string[]; identity?: IncidentIdentity } {
  let parsed;
  try {
    parsed = readFrontMatter(text);
  } catch {
    return { urls: [] };
  }
  const data = parsed.data as Record<string, unknown>;
  const sources = Array.isArray(data.sources) ? (data.sources as { url?: unknown }[]) : [];
  const sourceUrls = sources.map((source) => String(source?.url ?? '')).filter(Boolean);
  const field = (name: string) => (typeof data[name] === 'string' ? (data[name] as string) : '');
  return {
    urls: [...sourceUrls, ...recordUrlsIn(parsed.content)],
    identity: {
      slug,
      organization: field('organization') || undefined,
      started: timeOrUnknown(data.started),
      title: field('title'),
      summary: field('summary'),
      statusPage: statusPageOf(sourceUrls),
    },
  };
}

export async function importCorpus(options: ImportOptions): Promise<CommandResult> {
  const { root, format, input } = options;
  const outDir = options.outDir ?? CONTENT_DIRS.incidents;
  await mkdir(resolve(root, outDir), { recursive: true });

  const existing = await readSourceFiles(root, outDir);
  const patterns = await readSourceFiles(root, CONTENT_DIRS.patterns);
  const described = existing.map((file) => describeWriteup(entryId(file.path), file.text));
  const knownUrls = new Set(described.flatMap((d) => d.urls));
  const takenSlugs = new Set(existing.map((file) => entryId(file.path)));
  const finder = sameIncidentFinder(described.flatMap((d) => d.identity ?? []));
  const pathOf = (slug: string) => `${outDir}/${slug}.mdx`;

  const corpus = await READERS[format](root, input);
  const failures = [...corpus.failures];
  const converted: { entry: CorpusEntry; writeup: ImportedWriteup }[] = [];
  const sameIncident: string[] = [];
  let present = 0;
  for (const entry of corpus.entries) {
    if (entry.url && knownUrls.has(entry.url)) {
      present++;
      continue;
    }
    const writeup = entry.convert(takenSlugs);
    const { identity } = describeWriteup(writeup.slug, writeup.text);
    const match = identity && !options.keepDuplicates ? finder.find(identity) : undefined;
    if (match) {
      const apart = match.days === 0 ? 'same days' : `${match.days.toFixed(1)} days apart`;
      sameIncident.push(
        `${printable(entry.name)}: skipped, the same incident as ${pathOf(match.writeup.slug)} (${apart}; both say: ${match.shared.slice(0, 6).join(', ')})`,
      );
      continue;
    }
    if (identity) finder.add(identity);
    takenSlugs.add(writeup.slug);
    // The record's own URL is its identity; another record may cite the same links and differ.
    if (entry.url) knownUrls.add(entry.url);
    converted.push({ entry, writeup });
  }

  const newFiles = converted.map(({ writeup }) => ({ path: pathOf(writeup.slug), text: writeup.text }));
  // Only the new files are reported on, so the existing writeups' bodies are not compiled again.
  const report = validateContent({ incidents: [...existing, ...newFiles], patterns }, { only: new Set(newFiles.map((file) => file.path)) });
  const invalid = new Map<string, string[]>();
  for (const issue of report.issues) {
    if (issue.severity === 'error') invalid.set(issue.file, [...(invalid.get(issue.file) ?? []), formatIssue(issue)]);
  }

  const stdout: string[] = [];
  let imported = 0;
  let warned = 0;
  for (const { entry, writeup } of converted) {
    const path = pathOf(writeup.slug);
    const problems = invalid.get(path);
    if (problems) {
      failures.push(`${printable(entry.name)}: not imported, the writeup would be invalid:\n  ${problems.join('\n  ')}`);
      continue;
    }
    await writeFile(resolve(root, path), writeup.text, { flag: 'wx' });
    imported++;
    if (writeup.warnings.length > 0) warned++;
    for (const warning of writeup.warnings) stdout.push(`${path}: warning: ${printable(warning)}  (from ${printable(entry.name)})`);
  }
  stdout.push(...sameIncident);
  const total = corpus.entries.length + corpus.failures.length;
  stdout.push(
    `${total} records: ${imported} imported, ${present} skipped as already present, ` +
      `${sameIncident.length} skipped as the same incident as a writeup${sameIncident.length > 0 ? ' (--keep-duplicates imports them)' : ''}, ` +
      `${failures.length} failed; ${warned} imported with warnings`,
  );
  return { code: failures.length > 0 ? 1 : 0, stdout, stderr: failures };
}
