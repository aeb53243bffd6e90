/**
 * The Atom feed of writeups (RFC 4287), newest first: each entry names the incident, its
 * summary, impact, duration and patterns (as categories), so a feed reader or a chat integration
 * shows what matters without opening the page.
 */
import type { ExportedIncident } from './incident-record';
import { xmlText } from './xml';

export interface AtomFeedInput {
  title: string;
  /** The site's home page, absolute; also the feed's id. */
  homeUrl: string;
  /** The feed's own address. */
  feedUrl: string;
  /** The address of a pattern's page, for each category's scheme. */
  patternsUrl: string;
  incidents: readonly ExportedIncident[];
  /** When nothing has a date: the build's time. */
  fallbackUpdated: string;
}

/** A full date-time for Atom from a time at any precision: its earliest instant. */
function atomDate(iso: string | undefined, fallback: string): string {
  if (!iso) return fallback;
  const padded = /^\d{4}$/.test(iso) ? `${iso}-01-01` : /^\d{4}-\d{2}$/.test(iso) ? `${iso}-01` : iso;
  const date = new Date(padded);
  return Number.isNaN(date.getTime()) ? fallback : date.toISOString();
}

function entry(incident: ExportedIncident, input: AtomFeedInput): string {
  const updated = atomDate(incident.ended?.iso ?? incident.started.iso, input.fallbackUpdated);
  const facts = [`Impact: ${incident.impact}.`, `Duration: ${incident.duration.text}.`, `Patterns: ${incident.patterns.map((p) => p.title).join(', ')}.`];
  if (incident.organization) facts.unshift(`${incident.organization}.`);
  return [
    '  <entry>',
    `    <id>${xmlText(incident.url)}</id>`,
    `    <title>${xmlText(incident.title)}</title>`,
    `    <link rel="alternate" type="text/html" href="${xmlText(incident.url)}"/>`,
    // An undated incident has no publication date to give; `updated` is required, so it gets the build's.
    ...(incident.started.iso ? [`    <published>${atomDate(incident.started.iso, input.fallbackUpdated)}</published>`] : []),
    `    <updated>${updated}</updated>`,
    `    <summary type="text">${xmlText(incident.summary)}</summary>`,
    `    <content type="text">${xmlText(`${incident.summary}\n\n${facts.join(' ')}`)}</content>`,
    ...incident.patterns.map((p) => `    <category term="${xmlText(p.id)}" label="${xmlText(p.title)}" scheme="${xmlText(input.patternsUrl)}"/>`),
    `    <category term="impact:${xmlText(incident.impact)}" label="Impact ${xmlText(incident.impact)}"/>`,
    '  </entry>',
  ].join('\n');
}

export function atomFeed(input: AtomFeedInput): string {
  const entries = input.incidents.map((incident) => entry(incident, input));
  const newest = input.incidents.map((i) => atomDate(i.ended?.iso ?? i.started.iso, '')).filter(Boolean).sort().at(-1);
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  <id>${xmlText(input.homeUrl)}</id>`,
    `  <title>${xmlText(input.title)}</title>`,
    `  <updated>${newest ?? input.fallbackUpdated}</updated>`,
    `  <link rel="self" type="application/atom+xml" href="${xmlText(input.feedUrl)}"/>`,
    `  <link rel="alternate" type="text/html" href="${xmlText(input.homeUrl)}"/>`,
    `  <author><name>${xmlText(input.title)}</name></author>`,
    ...entries,
    '</feed>',
    '',
  ].join('\n');
}
