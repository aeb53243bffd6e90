/**
 * Derived facts about writeups that pages, feeds and the calendar share: effective duration,
 * chronological order, neighbours, pattern counts.
 */
import type { IncidentData } from './schema';
import { durationBetween, isKnown } from './time-point';
import { UNKNOWN_DURATION, type IncidentDuration } from './duration';

/** Structural type so Astro entries and validator entries both fit. */
export interface IncidentLike {
  id: string;
  data: IncidentData;
}

/**
 * How long the incident lasted: the stated duration, else what `started` and `ended` give, which
 * is a range when either is only a date, month or year (never padded into a false exact value).
 */
export function incidentDuration(data: Pick<IncidentData, 'started' | 'ended' | 'duration'>): IncidentDuration {
  if (data.duration?.minutes != null) return { kind: 'exact', minutes: data.duration.minutes };
  const { started, ended } = data;
  return ended && isKnown(started) ? durationBetween(started, ended) : UNKNOWN_DURATION;
}

/** Epoch ms of the start, or -Infinity for `unknown`, so undated incidents sort last. */
export function startedAt(data: Pick<IncidentData, 'started'>): number {
  return isKnown(data.started) ? data.started.start : -Infinity;
}

/** Newest first; ties broken by slug so the order is stable across builds. */
export function newestFirst<T extends IncidentLike>(incidents: readonly T[]): T[] {
  return [...incidents].sort((a, b) => startedAt(b.data) - startedAt(a.data) || a.id.localeCompare(b.id));
}

/**
 * The incidents just older and just newer than the one at `index` of the newest-first order
 * given. By position, not id: every incident page asks, and a search by id made that quadratic.
 */
export function neighbours<T extends IncidentLike>(ordered: readonly T[], index: number): { older?: T; newer?: T } {
  if (!ordered[index]) return {};
  const older = ordered[index + 1];
  const newer = ordered[index - 1];
  return { ...(older ? { older } : {}), ...(newer ? { newer } : {}) };
}

/** How many incidents show each pattern id. */
export function countByPattern(incidents: readonly IncidentLike[]): Map<string, number> {
  return countValues(incidents, (data) => data.patterns);
}

/** How many incidents name each service. */
export function countByService(incidents: readonly IncidentLike[]): Map<string, number> {
  return countValues(incidents, (data) => data.services);
}

function countValues(incidents: readonly IncidentLike[], values: (data: IncidentData) => readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const incident of incidents) {
    for (const value of new Set(values(incident.data))) counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  return counts;
}

/** Incidents that show `patternId`, newest first. */
export function incidentsWithPattern<T extends IncidentLike>(incidents: readonly T[], patternId: string): T[] {
  return newestFirst(incidents.filter((incident) => incident.data.patterns.includes(patternId)));
}

/** Drafts are part of dev builds only. */
export function isPublished(data: Pick<IncidentData, 'draft'>, production: boolean): boolean {
  return !(production && data.draft);
}
