/**
 * The published content as the exports give it (src/pages/incidents.json.ts, incidents.csv.ts,
 * feed.xml.ts, patterns.json.ts): one place decides which writeups go out and how their links read.
 */
import { toExportedIncident, type ExportedIncident } from '../lib/exports/incident-record';
import { toExportedPattern, type ExportedPattern } from '../lib/exports/pattern-record';
import { incidentHref, patternHref } from '../lib/site-paths';
import { getIncidentCopies, getIncidents, getPatterns, getPatternTitles } from './site-content';

/** Every published incident, copies included (each says what it copies), newest first. */
export async function exportedIncidents(site: URL): Promise<ExportedIncident[]> {
  const [incidents, patternTitles, copies] = await Promise.all([getIncidents(), getPatternTitles(), getIncidentCopies()]);
  const incidentUrl = (slug: string) => new URL(incidentHref(slug), site).href;
  return incidents.map((incident) => toExportedIncident(incident, { incidentUrl, patternTitles, copies }));
}

export async function exportedPatterns(site: URL): Promise<ExportedPattern[]> {
  const [patterns, incidents] = await Promise.all([getPatterns(), getIncidents()]);
  return patterns.map(({ id, data }) =>
    toExportedPattern(id, data, new URL(patternHref(id), site).href, incidents.filter((incident) => incident.data.patterns.includes(id)).map((incident) => incident.id)),
  );
}
