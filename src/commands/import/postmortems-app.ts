/**
 * Converts one record of the postmortems-app corpus (Markdown with YAML front matter; see
 * ../shared/corpus/README.md) into a writeup. Pure: the CLI in scripts/import.ts does the I/O.
 *
 * Nothing in a record is dropped: fields our schema has no place for (uuid, categories,
 * keywords, fetch time, an unusable end time) are kept in an "Imported from" section.
 */
import { FrontMatterError, readFrontMatter, writeFrontMatter } from '../../lib/front-matter';
import { MAX_SUMMARY_SENTENCES, type IncidentData } from '../../lib/schema';
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

export function convertRecord(record: CorpusRecord, body: string, takenSlugs: ReadonlySet<string>): ImportedWriteup {
  const warnings: string[] = [];
  const company = record.company?.trim() ?? '';
  const product = record.product?.trim() ?? '';
  const categories = strings(record.categories);
  const keywords = strings(record.keywords);
  const bodyText = body.trim();

  let title = record.title?.trim() ?? '';
  if (!title) {
    // "Basecamp Basecamp incident" helps nobody: a product named like its company is said once.
    const name = [...new Set([company, product].filter(Boolean))].join(' ');
    title = name ? `${name} incident` : 'Untitled incident';
    warnings.push(`no title: derived "${title}" from company and product`);
  }

  const fullSummary = record.summary?.trim() ?? '';
  let summary = leadSentences(fullSummary);
  if (!summary) {
    summary = leadSentences(firstBodyText(bodyText));
    if (summary) warnings.push('no summary: used the first sentences of the body');
  }
  if (!summary) {
    summary = `${title}. The source gives no summary; see the original writeup.`;
    warnings.push('no summary and no body: wrote a placeholder summary');
  }

  const unusable: string[] = [];
  const urls = httpUrls(record.url ?? '');
  let started: TimePoint | undefined = corpusTime(record.start_time);
  if (!started) {
    started = corpusTime(record.source_published_at);
    if (started) warnings.push('no start_time: dated by the publication date');
  }
  if (!started) {
    started = urls.map(dateInUrl).find(Boolean);
    if (started) warnings.push('no start_time: dated by the publication date in the source URL');
  }
  if (!started) {
    started = dateInTitle(title);
    if (started) warnings.push('no start_time or publication date: dated by the date in the title');
  }
  if (!started) {
    started = { text: 'unknown', precision: 'unknown' };
    warnings.push('no date found: started is unknown');
  }

  const start: TimePoint = started;
  const endTime = corpusTime(record.end_time);
  let ended: KnownTime | undefined = endTime && isKnown(endTime) ? endTime : undefined;
  if (record.end_time !== undefined && record.end_time !== null && record.end_time !== '' && !ended) {
    unusable.push(`end_time ${JSON.stringify(String(record.end_time))} is not a date`);
  }
  if (ended && !record.start_time) {
    unusable.push(`end_time ${ended.text} has no start_time to measure from`);
    ended = undefined;
  } else if (ended && (!isKnown(start) || endsNotAfterStart(start, ended))) {
    unusable.push(`end_time ${ended.text} is not after the start (${started.text})`);
    ended = undefined;
  }
  if (unusable.length > 0) warnings.push(...unusable.map((u) => `left out: ${u}`));

  const sources = [
    ...urls.map((url, i) => ({ title: i === 0 ? title : `See also (${new URL(url).hostname})`, url })),
    ...(record.archive_url && isSingleHttpUrl(record.archive_url) ? [{ title: `Archived copy: ${title}`, url: record.archive_url }] : []),
  ];
  if (record.url && urls.length === 0) {
    unusable.push(`source URL ${JSON.stringify(record.url)} is not http(s)`);
    warnings.push(`left out of sources: ${record.url} is not an http(s) URL`);
  }
  if (record.url && urls.length > 0 && urls[0] !== record.url) warnings.push(`source URL field held ${urls.length} links: each is a source`);
  const services = [...new Set([...(product ? [slugify(product, 40)] : []), ...keywords.map((k) => k.toLowerCase()).filter((k) => KNOWN_SERVICES.has(k))])];
  const trigger = categories.map((c) => TRIGGER_BY_CATEGORY[c.toLowerCase()]).find(Boolean);

  const data: Record<string, unknown> = {
    title,
    summary,
    started: started.text,
    ...(ended ? { ended: ended.text } : { duration: 'unknown' }),
    impact: 'unknown',
    patterns: matchPatterns({ title, summary: fullSummary || summary, keywords, categories }),
    ...(services.length > 0 ? { services } : {}),
    ...(company ? { organization: company } : {}),
    ...(trigger ? { trigger } : {}),
    ...(keywords.length > 0 ? { signals: keywords } : {}),
    ...(sources.length > 0 ? { sources } : {}),
  };

  const sections: string[] = [];
  if (fullSummary) sections.push(`## Summary\n\n${markdownToSafeMdx(fullSummary)}`);
  if (bodyText) sections.push(`## What happened\n\n${markdownToSafeMdx(demoteHeadings(bodyText))}`);
  sections.push(importedFromSection(record, categories, keywords, unusable));

  return { slug: uniqueIncidentSlug(started, title, takenSlugs), text: writeFrontMatter(`\n${sections.join('\n\n')}\n`, data), warnings };
}

function importedFromSection(record: CorpusRecord, categories: string[], keywords: string[], unusable: string[]): string {
  const item = (label: string, value: unknown) => (value ? [`- ${label}: ${markdownToSafeMdx(String(value instanceof Date ? value.toISOString() : value))}`] : []);
  const lines = [
    ...item('Corpus record', record.uuid),
    ...(record.url ? [`${SOURCE_LINE}${markdownToSafeMdx(record.url)}`] : []),
    ...item('Archived copy', record.archive_url),
    ...item('Categories', categories.join(', ')),
    ...item('Keywords', keywords.join(', ')),
    ...item('Published', record.source_published_at),
    ...item('Fetched', record.source_fetched_at),
    ...unusable.map((u) => `- Not imported as a field: ${markdownToSafeMdx(u)}`),
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
