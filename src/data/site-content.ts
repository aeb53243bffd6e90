/**
 * The published content, as pages need it. The only module that queries Astro's collections,
 * so draft handling and ordering are decided once.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { findCopies } from '../lib/copies';
import { isPublished, newestFirst } from '../lib/incidents';
import type { PatternInfo } from '../lib/search/index-record';

export type IncidentEntry = CollectionEntry<'incidents'>;
export type PatternEntry = CollectionEntry<'patterns'>;

/** Published incidents, newest first. */
export async function getIncidents(): Promise<IncidentEntry[]> {
  const entries = await getCollection('incidents', ({ data }) => isPublished(data, import.meta.env.PROD));
  return newestFirst(entries);
}

let copies: Promise<Map<string, string>> | undefined;

/** Published writeups that repeat another's incident: copy slug → the original's slug. Found once per build. */
export function getIncidentCopies(): Promise<Map<string, string>> {
  copies ??= getIncidents().then(findCopies);
  return copies;
}

/**
 * Published incidents with one writeup each: what the calendar, the home page and pattern pages
 * show (search leaves copies out of its index). The incident archive lists every writeup.
 */
export async function getDistinctIncidents(): Promise<IncidentEntry[]> {
  const repeated = await getIncidentCopies();
  return (await getIncidents()).filter((incident) => !repeated.has(incident.id));
}

/** Patterns, alphabetical by title. */
export async function getPatterns(): Promise<PatternEntry[]> {
  const entries = await getCollection('patterns');
  return entries.sort((a, b) => a.data.title.localeCompare(b.data.title));
}

export async function getPatternTitles(): Promise<Map<string, string>> {
  return new Map((await getPatterns()).map((pattern) => [pattern.id, pattern.data.title]));
}

/** Titles and aliases by pattern id, for the search index. */
export async function getPatternInfo(): Promise<Map<string, PatternInfo>> {
  return new Map((await getPatterns()).map(({ id, data }) => [id, { title: data.title, aliases: data.aliases }]));
}
