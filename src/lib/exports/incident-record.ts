/**
 * One published incident as the exports give it (`/incidents.json`, `/incidents.csv`, the Atom
 * feed): every field of the writeup's front matter that a reader or a tool needs, with times as
 * written (at their precision) and the duration as the range it is, never a false exact figure.
 */
import { formatIncidentDuration, type IncidentDuration } from '../duration';
import { incidentDuration, type IncidentLike } from '../incidents';
import { isKnown, machineReadable, type TimePoint } from '../time-point';

export interface ExportedTime {
  /** As written in the writeup: `2017-01-31T23:00Z`, `2013-05`, `unknown`. */
  text: string;
  /** `minute`, `day`, `month`, `year`, `second` or `unknown`. */
  precision: string;
  /** ISO 8601 at that precision (`2017-01-31T23:00:00Z`, `2013-05`); absent when unknown. */
  iso?: string;
}

export interface ExportedDuration {
  /** `exact`, `range` (only bounded, from dates) or `unknown`. */
  kind: IncidentDuration['kind'];
  /** As the site shows it: `4h 30m`, `about 7 days, from dates`, `unknown`. */
  text: string;
  /**
   * Shortest and longest it can have been, in minutes; equal when exact; absent when unknown. A
   * range's bounds are whole minutes rounded outward, so the true length is never outside them.
   */
  minMinutes?: number;
  maxMinutes?: number;
}

export interface ExportedIncident {
  slug: string;
  /** The page's absolute address. */
  url: string;
  title: string;
  summary: string;
  organization?: string;
  started: ExportedTime;
  ended?: ExportedTime;
  duration: ExportedDuration;
  impact: string;
  patterns: { id: string; title: string }[];
  services: string[];
  trigger?: string;
  detection?: string;
  signals: string[];
  sources: { title: string; url: string }[];
  related: string[];
  /** The slug of the writeup this one repeats (src/lib/copies.ts); absent for an original. */
  copyOf?: string;
}

function exportedTime(time: TimePoint): ExportedTime {
  return { text: time.text, precision: time.precision, ...(isKnown(time) && { iso: machineReadable(time) }) };
}

function exportedDuration(duration: IncidentDuration): ExportedDuration {
  const text = duration.kind === 'unknown' ? 'unknown' : formatIncidentDuration(duration);
  if (duration.kind === 'exact') return { kind: 'exact', text, minMinutes: duration.minutes, maxMinutes: duration.minutes };
  if (duration.kind === 'range') return { kind: 'range', text, minMinutes: Math.floor(duration.min), maxMinutes: Math.ceil(duration.max) };
  return { kind: 'unknown', text };
}

export interface ExportContext {
  /** The absolute address of an incident's page. */
  incidentUrl: (slug: string) => string;
  patternTitles: ReadonlyMap<string, string>;
  /** Copy slug → original slug. */
  copies: ReadonlyMap<string, string>;
}

/**
 * The build's content check (src/integrations/validate-content.ts) already refuses an unknown
 * pattern; an export that met one anyway would publish an id no pattern page or title explains.
 */
function patternTitle(slug: string, pattern: string, titles: ReadonlyMap<string, string>): string {
  const title = titles.get(pattern);
  if (title === undefined) throw new Error(`${slug}: pattern "${pattern}" has no file in the patterns folder, so the exports cannot name it`);
  return title;
}

export function toExportedIncident({ id, data }: IncidentLike, context: ExportContext): ExportedIncident {
  const copyOf = context.copies.get(id);
  return {
    slug: id,
    url: context.incidentUrl(id),
    title: data.title,
    summary: data.summary,
    ...(data.organization && { organization: data.organization }),
    started: exportedTime(data.started),
    ...(data.ended && { ended: exportedTime(data.ended) }),
    duration: exportedDuration(incidentDuration(data)),
    impact: data.impact,
    patterns: data.patterns.map((pattern) => ({ id: pattern, title: patternTitle(id, pattern, context.patternTitles) })),
    services: data.services,
    ...(data.trigger && { trigger: data.trigger }),
    ...(data.detection && { detection: data.detection }),
    signals: data.signals,
    sources: data.sources.map(({ title, url }) => ({ title, url })),
    related: data.related,
    ...(copyOf && { copyOf }),
  };
}
