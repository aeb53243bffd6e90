/** The prepared data a list row or card needs to render an incident, with no Astro types. */
import { formatIncidentDuration, isoDuration } from './duration';
import type { Impact } from './impact';
import { incidentDuration, type IncidentLike } from './incidents';
import { incidentHref } from './site-paths';
import { formatUtc, isKnown, machineReadable } from './time-point';

export interface PatternLink {
  id: string;
  title: string;
}

export interface IncidentRow {
  slug: string;
  href: string;
  title: string;
  summary: string;
  /** Start date at its stated precision, in UTC, for reading. */
  dateText: string;
  /** Value for `<time datetime>`; absent for unknown dates. */
  dateTime?: string;
  /** `4h 30m`, `about 7 days, from dates`, or `duration unknown`. */
  durationText: string;
  /** For `<time datetime>`; only for an exact duration. */
  durationIso?: string;
  impact: Impact;
  organization?: string;
  patterns: PatternLink[];
}

/** Pattern titles by id; unknown ids (which the validator rejects) fall back to the id. */
export function patternLinks(ids: readonly string[], titles: ReadonlyMap<string, string>): PatternLink[] {
  return ids.map((id) => ({ id, title: titles.get(id) ?? id }));
}

export function toIncidentRow(incident: IncidentLike, titles: ReadonlyMap<string, string>): IncidentRow {
  const { data } = incident;
  const duration = incidentDuration(data);
  return {
    slug: incident.id,
    href: incidentHref(incident.id),
    title: data.title,
    summary: data.summary,
    dateText: formatUtc(data.started),
    ...(isKnown(data.started) ? { dateTime: machineReadable(data.started) } : {}),
    durationText: duration.kind === 'unknown' ? 'duration unknown' : formatIncidentDuration(duration),
    ...(duration.kind === 'exact' ? { durationIso: isoDuration(duration.minutes) } : {}),
    impact: data.impact,
    ...(data.organization ? { organization: data.organization } : {}),
    patterns: patternLinks(data.patterns, titles),
  };
}
