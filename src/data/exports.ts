/**
 * The published content as the exports give it (src/pages/incidents.json.ts, incidents.csv.ts,
 * feed.xml.ts, patterns.json.ts): one place decides which writeups go out and how their links read.
 */
import { toExportedIncident, type ExportedIncident } from '../lib/exports/incident-record';
import type { ExportEnvelope } from '../lib/exports/json';
import { toExportedPattern, type ExportedPattern } from '../lib/exports/pattern-record';
import { incidentsWithPattern } from '../lib/incidents';
import { homeHref, incidentHref, patternHref } from '../lib/site-paths';
import { getDistinctIncidents, getIncidentCopies, getIncidents, getPatterns, getPatternTitles } from './site-content';

/**
 * The address the site is served at. Every export links by absolute URL, which only `site` in
 * astro.config.mjs gives; a made-up host would send every consumer somewhere else.
 */
export function siteAddress(site: URL | undefined): URL {
  if (!site) throw new Error('the exports need the address the site is served at: set `site` in astro.config.mjs (the SITE variable)');
  return site;
}

/** What every JSON export starts with: the site's home page and when the build ran. */
export function exportEnvelope(site: URL): ExportEnvelope {
  return { site: new URL(homeHref(), site).href, generated: import.meta.env.KB_BUILD_TIME };
}

let incidentsForSite: { site: string; incidents: Promise<ExportedIncident[]> } | undefined;

/**
 * Every published incident, copies included (each says what it copies), newest first. Prepared
 * once per build: the JSON, the CSV and the feed all give the same records.
 */
export function exportedIncidents(site: URL): Promise<ExportedIncident[]> {
  if (incidentsForSite?.site !== site.href) incidentsForSite = { site: site.href, incidents: prepareIncidents(site) };
  return incidentsForSite.incidents;
}

async function prepareIncidents(site: URL): Promise<ExportedIncident[]> {
  const [incidents, patternTitles, copies] = await Promise.all([getIncidents(), getPatternTitles(), getIncidentCopies()]);
  const incidentUrl = (slug: string) => new URL(incidentHref(slug), site).href;
  return incidents.map((incident) => toExportedIncident(incident, { incidentUrl, patternTitles, copies }));
}

/** Every pattern with the incidents its page lists: one writeup per incident, as src/pages/patterns/[id].astro shows them. */
export async function exportedPatterns(site: URL): Promise<ExportedPattern[]> {
  const [patterns, incidents] = await Promise.all([getPatterns(), getDistinctIncidents()]);
  return patterns.map(({ id, data }) =>
    toExportedPattern(id, data, new URL(patternHref(id), site).href, incidentsWithPattern(incidents, id).map((incident) => incident.id)),
  );
}
