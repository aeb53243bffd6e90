/**
 * Converts incidents in the Atlassian Statuspage format (a `{page, incident}` file, or a status
 * page's `/api/v2/incidents.json` saved as `{page, incidents}`) into writeups. Pure: the command
 * (src/commands/import-command.ts) does the I/O. The mapping, documented in the README:
 *
 * - title: the incident's name; a generic one ("Incident on 2016-01-20 22:47:07 UTC") is
 *   replaced by the first sentence of the first update, and kept under "Imported from";
 * - summary: the resolving update when it explains what happened, else the first update that says
 *   more than boilerplate;
 * - started / ended: `started_at` / `resolved_at`. When they are equal (a history migrated into
 *   Statuspage), the times written in the update bodies give the course; fewer than two times,
 *   or a `resolved_at` before the start or missing, give `duration: unknown`, never zero;
 * - impact: kept (none, minor, major, critical); organization: the page's name;
 * - services: the affected components; sources: the incident's page and its shortlink;
 * - patterns: src/commands/import/statuspage-patterns.ts over the name and updates, else `unclassified`;
 * - body: the updates as a <Timeline> at their times, then "Imported from" with every other field.
 */
import { z } from 'astro/zod';
import type { Impact } from '../../lib/impact';
import type { IncidentInput } from '../../lib/schema';
import { slugify, uniqueIncidentSlug } from '../../lib/slug';
import { parseTimePoint } from '../../lib/time-point';
import { markdownToSafeMdx } from './markdown-to-mdx';
import { isSingleHttpUrl, leadSentences, SOURCE_LINE, writeImportedWriteup, type ImportedWriteup } from './postmortems-app';
import { readMessages } from './statuspage-messages';
import { statusPatterns } from './statuspage-patterns';

const isoTime = z.string().refine((text) => !Number.isNaN(Date.parse(text)), { message: 'expected an ISO date-time' });

const componentSchema = z.object({ name: z.string(), id: z.string().optional(), code: z.string().optional() }).loose();

const updateSchema = z
  .object({
    id: z.string().optional(),
    status: z.string().optional(),
    body: z.string().nullish(),
    created_at: isoTime.nullish(),
    display_at: isoTime.nullish(),
    affected_components: z
      .array(componentSchema.extend({ old_status: z.string().nullish(), new_status: z.string().nullish() }))
      .nullish(),
  })
  .loose();

const incidentSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9]+$/i, { message: 'expected letters and digits' }),
    name: z.string().min(1),
    status: z.string().optional(),
    impact: z.string(),
    created_at: isoTime,
    started_at: isoTime.nullish(),
    resolved_at: isoTime.nullish(),
    monitoring_at: isoTime.nullish(),
    updated_at: isoTime.nullish(),
    shortlink: z.string().nullish(),
    incident_updates: z.array(updateSchema).default([]),
    components: z.array(componentSchema.extend({ status: z.string().nullish() })).nullish(),
  })
  .loose();

const pageSchema = z
  .object({
    id: z.string().optional(),
    name: z.string().min(1),
    url: z.string().refine(isSingleHttpUrl, { message: 'expected an http(s) URL' }),
    time_zone: z.string().nullish(),
  })
  .loose();

const fileSchema = z.union([
  z.object({ page: pageSchema, incident: incidentSchema }),
  z.object({ page: pageSchema, incidents: z.array(incidentSchema) }),
]);

export type StatuspagePage = z.output<typeof pageSchema>;
export type StatuspageIncident = z.output<typeof incidentSchema>;
export interface StatuspageRecord {
  page: StatuspagePage;
  incident: StatuspageIncident;
}

/** The line of a JSON text at a character offset, for error messages. */
const lineAt = (text: string, offset: number) => text.slice(0, offset).split('\n').length;

/**
 * The records in one file. Throws with the line (malformed JSON) or the field path and reason
 * (`incident.started_at: expected an ISO date-time`) when the file is not in the format.
 */
export function readStatuspageFile(text: string): StatuspageRecord[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const offset = /position (\d+)/.exec((error as Error).message)?.[1];
    throw new Error(`${offset ? `line ${lineAt(text, Number(offset))}: ` : ''}not JSON: ${(error as Error).message}`, { cause: error });
  }
  const parsed = fileSchema.safeParse(json);
  if (!parsed.success) {
    // The union reports each branch; the branch with the deepest path is the one the file meant.
    const issues = parsed.error.issues.flatMap((issue) => (issue.code === 'invalid_union' ? issue.errors.flat() : [issue]));
    const issue = issues.sort((a, b) => b.path.length - a.path.length)[0]!;
    throw new Error(`${issue.path.join('.') || 'file'}: ${issue.message}; expected {page, incident} or {page, incidents}`);
  }
  const { page } = parsed.data;
  return 'incident' in parsed.data ? [{ page, incident: parsed.data.incident }] : parsed.data.incidents.map((incident) => ({ page, incident }));
}

/** `<page.url>/incidents/<id>`: the incident's own page, and its identity on a re-run. */
export function statuspageSourceUrl({ page, incident }: StatuspageRecord): string {
  return `${page.url.replace(/\/+$/, '')}/incidents/${incident.id}`;
}

const IMPACTS: readonly string[] = ['none', 'minor', 'major', 'critical'];
const GENERIC_NAME = /^Incident on \d{4}-\d{2}-\d{2}\b/i;
/** Updates that say an incident exists or ended, not what it was. */
const BOILERPLATE = /^(this incident has been resolved|we are investigating|we're investigating|we are continuing|we're continuing|everything (is )?operating normally|we are currently investigating|we have (deployed|identified) a fix|we are monitoring)/i;
/** A resolving update longer than this usually explains what happened. */
const EXPLAINING_LENGTH = 120;
const MAX_TITLE = 100;
/** Component names that are notices, not parts of the service ("Visit www.githubstatus.com for more information"). */
const NOTICE_COMPONENT = /\bwww\.|https?:|\bvisit\b|\bfor more information\b/i;

/** To the second: the timeline shows minutes, and a body's stated times have no fraction. */
const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
const plain = (markdown: string) => markdown.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/\s+/g, ' ').trim();
const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1).replace(/_/g, ' ');

interface Entry {
  at: number;
  /** True when the time was written in the body; else it is the update's own time. */
  stated: boolean;
  status: string;
  text: string;
}

/** Every message of every update, oldest first, each at the time the body states or the update's. */
function timelineOf(incident: StatuspageIncident, day: number): Entry[] {
  const entries = incident.incident_updates.flatMap((update) =>
    readMessages(update.body ?? '', day).map((message) => ({
      at: message.at ?? Date.parse(update.display_at ?? update.created_at ?? incident.created_at),
      stated: message.at !== undefined,
      // A migrated item carries its own time; the update's status ("resolved") is the migration's.
      status: message.at === undefined ? (update.status ?? '') : '',
      text: message.text,
    })),
  );
  return entries.sort((a, b) => a.at - b.at);
}

interface Course {
  startText: string;
  endText?: string;
  /** Said in a warning and under "Imported from". */
  warning?: string;
  /** Said under "Imported from" only: a migrated record that states too few times. */
  unknownBecause?: string;
}

/**
 * Start and end. A record whose `resolved_at` equals `started_at` was migrated into Statuspage
 * with its real times in the bodies: the course runs from the first stated time to the last.
 */
function course(incident: StatuspageIncident, entries: readonly Entry[]): Course {
  const startText = incident.started_at ?? incident.created_at;
  const start = Date.parse(startText);
  const resolved = incident.resolved_at ? Date.parse(incident.resolved_at) : undefined;
  if (resolved === undefined) return { startText, warning: `not resolved (status ${incident.status ?? 'unknown'}): duration unknown` };
  if (resolved > start) return { startText, endText: incident.resolved_at! };
  if (resolved < start) return { startText, warning: `resolved_at ${incident.resolved_at} is before started_at ${startText}: duration unknown` };
  const stated = [...new Set(entries.filter((entry) => entry.stated).map((entry) => entry.at))].sort((a, b) => a - b);
  if (stated.length < 2) return { startText, unknownBecause: 'resolved_at equals started_at and the updates state fewer than two times' };
  return { startText: iso(stated[0]!), endText: iso(stated.at(-1)!) };
}

function messagesOf(entries: readonly Entry[]): string[] {
  return entries.map((entry) => plain(entry.text)).filter(Boolean);
}

function summaryOf(entries: readonly Entry[], title: string): string {
  const texts = messagesOf(entries);
  const telling = texts.filter((text) => !BOILERPLATE.test(text));
  const last = telling.at(-1);
  const chosen = last && last === texts.at(-1) && last.length >= EXPLAINING_LENGTH ? last : (telling[0] ?? texts[0]);
  return (chosen && leadSentences(chosen)) || `${title}.`;
}

function titleOf(name: string, entries: readonly Entry[]): string {
  if (!GENERIC_NAME.test(name)) return name.trim();
  const first = messagesOf(entries).find((text) => !BOILERPLATE.test(text)) ?? messagesOf(entries)[0];
  if (!first) return name.trim();
  const sentence = first.split(/(?<=[.!?])\s/)[0]!.replace(/[.!?]$/, '');
  return sentence.length <= MAX_TITLE ? sentence : `${sentence.slice(0, MAX_TITLE).replace(/\s+\S*$/, '')}…`;
}

function componentNames(incident: StatuspageIncident): string[] {
  const affected = incident.incident_updates.flatMap((update) => update.affected_components ?? []).map((c) => c.name);
  return [...new Set(affected.length > 0 ? affected : (incident.components ?? []).map((c) => c.name))];
}

function timelineSection(entries: readonly Entry[]): string {
  if (entries.length === 0) return '';
  const items = entries.map(({ at, status, text }) => {
    const said = markdownToSafeMdx(text.replace(/\n{2,}/g, '\n\n'));
    return `<TimelineEntry at="${iso(at)}">\n\n${status ? `**${capitalise(status)}**: ` : ''}${said}\n\n</TimelineEntry>`;
  });
  return `## Timeline\n\n<Timeline>\n\n${items.join('\n\n')}\n\n</Timeline>`;
}

function importedFromSection(record: StatuspageRecord, notes: readonly string[]): string {
  const { page, incident } = record;
  const item = (label: string, value: unknown) => (value === undefined || value === null || value === '' ? [] : [`- ${label}: ${markdownToSafeMdx(String(value))}`]);
  const changes = incident.incident_updates.flatMap((update) =>
    (update.affected_components ?? []).map(
      (c) => `${c.name} ${c.old_status ?? '?'} → ${c.new_status ?? '?'} (update ${update.id ?? '?'}, ${update.display_at ?? update.created_at ?? '?'})`,
    ),
  );
  const lines = [
    `${SOURCE_LINE}${statuspageSourceUrl(record)}`,
    ...item('Incident', `${incident.id}, ${incident.status ?? 'no status'}, impact ${incident.impact}`),
    ...item('Name', incident.name),
    ...item('Created', incident.created_at),
    ...item('Started', incident.started_at),
    ...item('Monitoring', incident.monitoring_at),
    ...item('Resolved', incident.resolved_at),
    ...item('Updated', incident.updated_at),
    ...item('Shortlink', incident.shortlink),
    ...item('Updates', incident.incident_updates.map((u) => `${u.id ?? '?'} (${u.status ?? '?'}, ${u.display_at ?? u.created_at ?? '?'})`).join('; ')),
    ...item('Components', (incident.components ?? []).map((c) => `${c.name}${c.status ? ` (${c.status})` : ''}`).join('; ')),
    ...item('Component changes', changes.join('; ')),
    ...item('Reminder intervals', incident.reminder_intervals),
    ...item('Page', `${page.name}${page.id ? ` (${page.id})` : ''}, ${page.url}${page.time_zone ? `, time zone ${page.time_zone}` : ''}`),
    ...notes.map((note) => `- Not imported as a field: ${markdownToSafeMdx(note)}`),
  ];
  return `## Imported from\n\nImported from the Statuspage incident history of ${markdownToSafeMdx(page.name)}.\n\n${lines.join('\n')}`;
}

export function convertStatuspageIncident(record: StatuspageRecord, takenSlugs: ReadonlySet<string>): ImportedWriteup {
  const { page, incident } = record;
  const warnings: string[] = [];
  const notes: string[] = [];
  const day = Math.floor(Date.parse(incident.started_at ?? incident.created_at) / 86_400_000) * 86_400_000;
  const entries = timelineOf(incident, day);
  const timing = course(incident, entries);
  if (timing.warning) {
    warnings.push(timing.warning);
    notes.push(timing.warning);
  }
  if (timing.unknownBecause) notes.push(`duration unknown: ${timing.unknownBecause}`);
  if (!incident.started_at) warnings.push('no started_at: started at created_at');

  const title = titleOf(incident.name, entries);
  const impact: Impact = IMPACTS.includes(incident.impact) ? (incident.impact as Impact) : 'unknown';
  if (impact === 'unknown') {
    warnings.push(`impact "${incident.impact}" is not one of ${IMPACTS.join(', ')}: impact unknown`);
    notes.push(`impact ${incident.impact}`);
  }
  const names = componentNames(incident);
  const notices = names.filter((name) => NOTICE_COMPONENT.test(name));
  const services = [...new Set(names.filter((name) => !notices.includes(name)).map((name) => slugify(name, 40)))].slice(0, 20);
  notes.push(...notices.map((name) => `component "${name}" is a notice, not a service`));
  const sources = [
    { title, url: statuspageSourceUrl(record) },
    ...(incident.shortlink && isSingleHttpUrl(incident.shortlink) ? [{ title: `Shortlink: ${title}`, url: incident.shortlink }] : []),
  ];

  const data: IncidentInput = {
    title,
    summary: summaryOf(entries, title),
    started: timing.startText,
    ended: timing.endText,
    duration: timing.endText ? undefined : 'unknown',
    impact,
    patterns: statusPatterns([incident.name, ...entries.map((entry) => entry.text)]),
    services: services.length > 0 ? services : undefined,
    organization: page.name,
    sources,
  };
  const body = [timelineSection(entries), importedFromSection(record, notes)].filter(Boolean).join('\n\n');

  const slug = uniqueIncidentSlug(parseTimePoint(timing.startText), title, takenSlugs);
  return { slug, text: writeImportedWriteup(data, body), warnings };
}
