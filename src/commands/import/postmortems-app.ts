/**
 * Converts one record of the postmortems-app corpus (Markdown with YAML front matter; see
 * ../shared/corpus/README.md) into a writeup. Pure: the CLI in scripts/import.ts does the I/O.
 *
 * Nothing in a record is dropped: fields our schema has no place for (uuid, categories,
 * keywords, fetch time, an unusable end time) are kept in an "Imported from" section.
 */
import { FrontMatterError, readFrontMatter, writeFrontMatter } from '../../lib/front-matter';
import { MAX_SUMMARY_SENTENCES, type IncidentData, type IncidentInput } from '../../lib/schema';
import { sentences } from '../../lib/sentences';
import { slugify, uniqueIncidentSlug } from '../../lib/slug';
import { endsNotAfterStart, isKnown, type KnownTime, type TimePoint } from '../../lib/time-point';
import { corpusTime, dateInTitle, dateInUrl } from './dates';
import { decodeCharacterReferences, demoteHeadings, markdownToSafeMdx } from './markdown-to-mdx';
import { matchPatterns } from './pattern-rules';

export interface CorpusRecord {
  uuid?: string;
  url?: string;
  archive_url?: string;
  company?: string;
  product?: string;
  title?: string;
  summary?: string;
  categories?: unknown;
  keywords?: unknown;
  start_time?: unknown;
  end_time?: unknown;
  source_published_at?: unknown;
  source_fetched_at?: unknown;
}

/** How the importer records a record's URL verbatim; re-runs find it there. */
export const SOURCE_LINE = '- Source: ';

/** The record URLs noted in an imported writeup's body, as the corpus gave them. */
export function recordUrlsIn(body: string): string[] {
  return [...body.matchAll(new RegExp(`^${SOURCE_LINE}(.+)$`, 'gm'))].map((m) => decodeCharacterReferences(m[1]!.trim()));
}

export interface ImportedWriteup {
  slug: string;
  /** The complete .mdx file. */
  text: string;
  warnings: string[];
}

/**
 * The .mdx file of an imported writeup. The front matter is the schema's input, so a field the
 * schema does not know, or a value of the wrong type, does not compile; a field left undefined
 * is left out, as YAML has no undefined.
 */
export function writeImportedWriteup(data: IncidentInput, body: string): string {
  const fields = Object.fromEntries(Object.entries(data).filter(([, value]) => value !== undefined));
  return writeFrontMatter(`\n${body}\n`, fields);
}

/** Services named often enough in postmortems to be worth a filter when a keyword says them. */
const KNOWN_SERVICES = new Set([
  'postgres', 'postgresql', 'mysql', 'redis', 'memcached', 'mongodb', 'cassandra', 'elasticsearch', 'kafka',
  'zookeeper', 'consul', 'etcd', 'kubernetes', 'docker', 'nginx', 'haproxy', 'dns', 'bgp', 'cdn', 'tls', 's3',
  'ec2', 'ebs', 'rds', 'dynamodb', 'lambda', 'kinesis', 'sqs', 'elb', 'iam', 'github', 'jenkins', 'terraform',
  'ansible', 'puppet', 'chef', 'mesos', 'hadoop', 'vault', 'rabbitmq', 'cloudflare', 'pgbouncer', 'ntp',
]);

const TRIGGER_BY_CATEGORY: Record<string, NonNullable<IncidentData['trigger']>> = {
  'config-change': 'config-change',
  hardware: 'hardware',
  time: 'time',
  security: 'security',
};

const MAX_SUMMARY_CHARS = 400;

function strings(value: unknown): string[] {
  if (!Array.isArray(value)) return typeof value === 'string' && value.trim() ? [value.trim()] : [];
  return value.filter((v): v is string | number => typeof v === 'string' || typeof v === 'number').map((v) => String(v).trim()).filter(Boolean);
}

/** The first sentences of `text`, at most as many as a summary may have and about MAX_SUMMARY_CHARS. */
export function leadSentences(text: string): string {
  const picked: string[] = [];
  for (const sentence of sentences(text)) {
    if (picked.length === MAX_SUMMARY_SENTENCES || (picked.length > 0 && [...picked, sentence].join(' ').length > MAX_SUMMARY_CHARS)) break;
    picked.push(sentence);
  }
  const lead = picked.join(' ');
  return lead.length > MAX_SUMMARY_CHARS * 1.5 ? `${lead.slice(0, MAX_SUMMARY_CHARS).replace(/\s+\S*$/, '')}…` : lead;
}

/** One http(s) URL and nothing else: no white space or control character can start a second line. */
export function isSingleHttpUrl(url: string): boolean {
  return /^https?:\/\/[^\s\u0000-\u001f\u007f-\u009f]+$/i.test(url) && URL.canParse(url);
}

/**
 * The http(s) links in a URL field. Most hold one URL; a few hold Markdown residue such as
 * `https://a/), [see also](https://b/`, which is two sources, not one broken one.
 */
export function httpUrls(field: string): string[] {
  if (isSingleHttpUrl(field.trim())) return [field.trim()];
  return [...field.matchAll(/https?:\/\/[^\s\u0000-\u001f\u007f-\u009f()[\]<>"]+/gi)].map((m) => m[0]).filter(isSingleHttpUrl);
}

function firstBodyText(body: string): string {
  return body.split(/\n\s*\n/).map((p) => p.trim()).find((p) => p && !p.startsWith('#')) ?? '';
}

/** A record's fields as the conversion reads them: trimmed, lists as lists, its links found. */
interface RecordText {
  title: string;
  company: string;
  product: string;
  categories: string[];
  keywords: string[];
  /** The record's whole summary; the writeup's is its lead. */
  summary: string;
  body: string;
  /** The http(s) links in the record's `url`. */
  urls: string[];
}

/** What a conversion reports: warnings for the command, and what it left out, for "Imported from". */
interface Notes {
  warnings: string[];
  leftOut: string[];
}

/** Converts a record: each field from its own step, in the order their warnings are reported. */
export function convertRecord(record: CorpusRecord, body: string, takenSlugs: ReadonlySet<string>): ImportedWriteup {
  const notes: Notes = { warnings: [], leftOut: [] };
  const text = recordText(record, body);
  const title = titleOf(text, notes);
  const summary = summaryOf(text, title, notes);
  const started = startedOf({ record, urls: text.urls, title }, notes);
  const ended = endedOf(record, started, notes);
  const sources = sourcesOf(record, text.urls, title, notes);
  const data: IncidentInput = {
    title,
    summary,
    started: started.text,
    ended: ended?.text,
    duration: ended ? undefined : 'unknown',
    impact: 'unknown',
    patterns: matchPatterns({ title, summary: text.summary || summary, keywords: text.keywords, categories: text.categories }),
    services: nonEmpty(servicesOf(text)),
    organization: text.company || undefined,
    trigger: triggerOf(text.categories),
    signals: nonEmpty(text.keywords),
    sources: nonEmpty(sources),
  };
  return { slug: uniqueIncidentSlug(started, title, takenSlugs), text: writeImportedWriteup(data, bodyOf(record, text, notes.leftOut)), warnings: notes.warnings };
}

function recordText(record: CorpusRecord, body: string): RecordText {
  return {
    title: record.title?.trim() ?? '',
    company: record.company?.trim() ?? '',
    product: record.product?.trim() ?? '',
    categories: strings(record.categories),
    keywords: strings(record.keywords),
    summary: record.summary?.trim() ?? '',
    body: body.trim(),
    urls: httpUrls(record.url ?? ''),
  };
}

function titleOf({ title, company, product }: RecordText, notes: Notes): string {
  if (title) return title;
  // "Basecamp Basecamp incident" helps nobody: a product named like its company is said once.
  const name = [...new Set([company, product].filter(Boolean))].join(' ');
  const derived = name ? `${name} incident` : 'Untitled incident';
  notes.warnings.push(`no title: derived "${derived}" from company and product`);
  return derived;
}

/** The lead of the record's summary, else of its body, else a placeholder that sends the reader to the source. */
function summaryOf(text: RecordText, title: string, notes: Notes): string {
  const lead = leadSentences(text.summary);
  if (lead) return lead;
  const bodyLead = leadSentences(firstBodyText(text.body));
  if (bodyLead) {
    notes.warnings.push('no summary: used the first sentences of the body');
    return bodyLead;
  }
  notes.warnings.push('no summary and no body: wrote a placeholder summary');
  return `${title}. The source gives no summary; see the original writeup.`;
}

/** What a record's start can be read from. */
interface DateClues {
  record: CorpusRecord;
  urls: readonly string[];
  title: string;
}

/** Where a start is looked for, in order, and the warning a fallback gives. */
const START_SOURCES: readonly { find: (clues: DateClues) => TimePoint | undefined; warning?: string }[] = [
  { find: ({ record }) => corpusTime(record.start_time) },
  { find: ({ record }) => corpusTime(record.source_published_at), warning: 'no start_time: dated by the publication date' },
  { find: ({ urls }) => urls.map(dateInUrl).find(Boolean), warning: 'no start_time: dated by the publication date in the source URL' },
  { find: ({ title }) => dateInTitle(title), warning: 'no start_time or publication date: dated by the date in the title' },
];

function startedOf(clues: DateClues, notes: Notes): TimePoint {
  for (const { find, warning } of START_SOURCES) {
    const started = find(clues);
    if (!started) continue;
    if (warning) notes.warnings.push(warning);
    return started;
  }
  notes.warnings.push('no date found: started is unknown');
  return { text: 'unknown', precision: 'unknown' };
}

/** `end_time` when it is a date after a start the record states; anything else is left out, with the reason. */
function endedOf(record: CorpusRecord, started: TimePoint, notes: Notes): KnownTime | undefined {
  if (record.end_time === undefined || record.end_time === null || record.end_time === '') return undefined;
  const ended = corpusTime(record.end_time);
  if (!ended || !isKnown(ended)) return leaveOut(notes, `end_time ${JSON.stringify(String(record.end_time))} is not a date`);
  if (!record.start_time) return leaveOut(notes, `end_time ${ended.text} has no start_time to measure from`);
  if (!isKnown(started) || endsNotAfterStart(started, ended)) return leaveOut(notes, `end_time ${ended.text} is not after the start (${started.text})`);
  return ended;
}

/** Notes a value the front matter leaves out, and why; the field then has none. */
function leaveOut(notes: Notes, what: string): undefined {
  notes.leftOut.push(what);
  notes.warnings.push(`left out: ${what}`);
  return undefined;
}

/** Each http(s) link of the record's `url` (the first titled as the writeup), then its archived copy. */
function sourcesOf(record: CorpusRecord, urls: readonly string[], title: string, notes: Notes): { title: string; url: string }[] {
  if (record.url && urls.length === 0) {
    notes.leftOut.push(`source URL ${JSON.stringify(record.url)} is not http(s)`);
    notes.warnings.push(`left out of sources: ${record.url} is not an http(s) URL`);
  }
  if (record.url && urls.length > 0 && urls[0] !== record.url) notes.warnings.push(`source URL field held ${urls.length} links: each is a source`);
  return [
    ...urls.map((url, i) => ({ title: i === 0 ? title : `See also (${new URL(url).hostname})`, url })),
    ...(record.archive_url && isSingleHttpUrl(record.archive_url) ? [{ title: `Archived copy: ${title}`, url: record.archive_url }] : []),
  ];
}

/** The product, and the keywords that name a well-known service. */
function servicesOf({ product, keywords }: RecordText): string[] {
  return [...new Set([...(product ? [slugify(product, 40)] : []), ...keywords.map((k) => k.toLowerCase()).filter((k) => KNOWN_SERVICES.has(k))])];
}

function triggerOf(categories: readonly string[]): IncidentData['trigger'] {
  return categories.map((c) => TRIGGER_BY_CATEGORY[c.toLowerCase()]).find(Boolean);
}

/** A list, or undefined when it is empty: an empty list is left out of the front matter. */
function nonEmpty<T>(list: T[]): T[] | undefined {
  return list.length > 0 ? list : undefined;
}

/** The record's summary and body as written, then "Imported from" with everything else. */
function bodyOf(record: CorpusRecord, text: RecordText, leftOut: readonly string[]): string {
  return [
    ...(text.summary ? [`## Summary\n\n${markdownToSafeMdx(text.summary)}`] : []),
    ...(text.body ? [`## What happened\n\n${markdownToSafeMdx(demoteHeadings(text.body))}`] : []),
    importedFromSection(record, text.categories, text.keywords, leftOut),
  ].join('\n\n');
}

function importedFromSection(record: CorpusRecord, categories: readonly string[], keywords: readonly string[], leftOut: readonly string[]): string {
  const item = (label: string, value: unknown) => (value ? [`- ${label}: ${markdownToSafeMdx(String(value instanceof Date ? value.toISOString() : value))}`] : []);
  const lines = [
    ...item('Corpus record', record.uuid),
    ...(record.url ? [`${SOURCE_LINE}${markdownToSafeMdx(record.url)}`] : []),
    ...item('Archived copy', record.archive_url),
    ...item('Categories', categories.join(', ')),
    ...item('Keywords', keywords.join(', ')),
    ...item('Published', record.source_published_at),
    ...item('Fetched', record.source_fetched_at),
    ...leftOut.map((u) => `- Not imported as a field: ${markdownToSafeMdx(u)}`),
  ];
  return `## Imported from\n\nImported from the postmortems-app corpus.\n\n${lines.join('\n')}`;
}

/** The record's URL fields, which identify it on a re-run and become sources. */
const URL_FIELDS = ['url', 'archive_url'] as const;

/**
 * Parses a corpus file; throws with the line, field and reason when it has no usable front
 * matter, or a URL field is not one line of text. A URL with a line break would put a second
 * "Source:" line in the writeup, and a re-run would then skip a different record as imported.
 */
export function readCorpusFile(text: string): { record: CorpusRecord; body: string } {
  let parsed;
  try {
    parsed = readFrontMatter(text);
  } catch (error) {
    if (error instanceof FrontMatterError) throw new Error(`line ${error.line}: ${error.message}`, { cause: error });
    throw error;
  }
  if (Object.keys(parsed.data).length === 0) throw new Error('no front matter');
  for (const field of URL_FIELDS) {
    const value = parsed.data[field];
    if (value === undefined || value === null) continue;
    const line = text.split('\n').findIndex((l) => l.startsWith(`${field}:`)) + 1;
    if (typeof value !== 'string') throw new Error(`line ${line}: field "${field}" must be text, not ${Array.isArray(value) ? 'a list' : typeof value}`);
    if (/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/.test(value)) {
      throw new Error(`line ${line}: field "${field}" holds a line break or control character; a URL is one line`);
    }
  }
  return { record: parsed.data as CorpusRecord, body: parsed.content };
}
