/**
 * The Atom feed of writeups (RFC 4287), newest first: each entry names the incident, its
 * summary, impact, duration and patterns (as categories), so a feed reader or a chat integration
 * shows what matters without opening the page. It holds the newest FEED_ENTRIES: a reader polls a
 * feed again and again, and every writeup is in /incidents.json (at 10,000 writeups a feed of all of
 * them was 11 MB, fetched on every poll).
 */
import type { ExportedIncident } from './incident-record';
import { xmlText } from './xml';

/** How many writeups the feed holds, newest first. */
export const FEED_ENTRIES = 100;

export interface AtomFeedInput {
  title: string;
  /** The site's home page, absolute; also the feed's id. */
  homeUrl: string;
  /** The feed's own address. */
  feedUrl: string;
  /** The address of a pattern's page, for each category's scheme. */
  patternsUrl: string;
  /** Every exported writeup, newest first; the feed takes the first FEED_ENTRIES and finds a copy's original among all. */
  incidents: readonly ExportedIncident[];
  /** When the build ran: `updated` for an undated incident, which Atom requires all the same. */
  fallbackUpdated: string;
}

/** A full date-time for Atom from an ISO time at any precision (`2013`, `2013-05`, …): its earliest instant. */
function atomDate(iso: string): string {
  const padded = /^\d{4}$/.test(iso) ? `${iso}-01-01` : /^\d{4}-\d{2}$/.test(iso) ? `${iso}-01` : iso;
  const date = new Date(padded);
  if (Number.isNaN(date.getTime())) throw new Error(`"${iso}" is not an ISO 8601 time the feed can date an entry with`);
  return date.toISOString();
}

function entryUpdated(incident: ExportedIncident, fallback: string): string {
  const iso = incident.ended?.iso ?? incident.started.iso;
  return iso ? atomDate(iso) : atomDate(fallback);
}

function entry(incident: ExportedIncident, updated: string, original: ExportedIncident | undefined, input: AtomFeedInput): string {
  const facts = [`Impact: ${incident.impact}.`, `Duration: ${incident.duration.text}.`, `Patterns: ${incident.patterns.map((p) => p.title).join(', ')}.`];
  if (incident.organization) facts.unshift(`${incident.organization}.`);
  if (original) facts.push(`Another writeup of the incident in "${original.title}": ${original.url}`);
  return [
    '  <entry>',
    `    <id>${xmlText(incident.url)}</id>`,
    `    <title>${xmlText(incident.title)}</title>`,
    `    <link rel="alternate" type="text/html" href="${xmlText(incident.url)}"/>`,
    ...(original ? [`    <link rel="related" type="text/html" href="${xmlText(original.url)}" title="${xmlText(original.title)}"/>`] : []),
    // An undated incident has no publication date to give; only `updated` is required.
    ...(incident.started.iso ? [`    <published>${atomDate(incident.started.iso)}</published>`] : []),
    `    <updated>${updated}</updated>`,
    `    <summary type="text">${xmlText(incident.summary)}</summary>`,
    `    <content type="text">${xmlText(`${incident.summary}\n\n${facts.join(' ')}`)}</content>`,
    ...incident.patterns.map((p) => `    <category term="${xmlText(p.id)}" label="${xmlText(p.title)}" scheme="${xmlText(input.patternsUrl)}"/>`),
    `    <category term="impact:${xmlText(incident.impact)}" label="Impact ${xmlText(incident.impact)}"/>`,
    '  </entry>',
  ].join('\n');
}

/** The feed, its entries the first of those given (src/data/site-content.ts gives newest first). */
export function atomFeed(input: AtomFeedInput): string {
  const bySlug = new Map(input.incidents.map((incident) => [incident.slug, incident]));
  const originalOf = (incident: ExportedIncident) => {
    if (incident.copyOf === undefined) return undefined;
    const original = bySlug.get(incident.copyOf);
    if (!original) throw new Error(`${incident.slug} is a copy of ${incident.copyOf}, which is not exported`);
    return original;
  };
  const latest = input.incidents.slice(0, FEED_ENTRIES);
  const updated = latest.map((incident) => entryUpdated(incident, input.fallbackUpdated));
  const entries = latest.map((incident, i) => entry(incident, updated[i]!, originalOf(incident), input));
  // The feed changed when its latest entry did; ISO strings in UTC sort as the instants they name.
  const feedUpdated = updated.toSorted().at(-1) ?? atomDate(input.fallbackUpdated);
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  <id>${xmlText(input.homeUrl)}</id>`,
    `  <title>${xmlText(input.title)}</title>`,
    `  <updated>${feedUpdated}</updated>`,
    `  <link rel="self" type="application/atom+xml" href="${xmlText(input.feedUrl)}"/>`,
    `  <link rel="alternate" type="text/html" href="${xmlText(input.homeUrl)}"/>`,
    `  <author><name>${xmlText(input.title)}</name></author>`,
    ...entries,
    '</feed>',
    '',
  ].join('\n');
}
