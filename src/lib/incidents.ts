/**
 * Derived facts about writeups that pages, feeds and the calendar share: effective duration,
 * chronological order, neighbours, pattern counts.
 */
import type { IncidentData } from './schema';
import { isExact, isKnown } from './time-point';
import type { Minutes } from './duration';

/** Structural type so Astro entries and validator entries both fit. */
export interface IncidentLike {
  id: string;
  data: IncidentData;
}

/**
 * The duration to show: the stated one, else `ended - started` when both are exact instants.
 * Coarser dates would only give a range, so the duration stays unknown rather than invented.
 */
export function incidentMinutes(data: Pick<IncidentData, 'started' | 'ended' | 'duration'>): Minutes | null {
  if (data.duration?.minutes != null) return data.duration.minutes;
  const { started, ended } = data;
  if (ended && isKnown(started) && isExact(started) && isExact(ended)) return (ended.start - started.start) / 60_000;
  return null;
}

/** Epoch ms of the start, or -Infinity for `unknown`, so undated incidents sort last. */
export function startedAt(data: Pick<IncidentData, 'started'>): number {
  return isKnown(data.started) ? data.started.start : -Infinity;
}

/** Newest first; ties broken by slug so the order is stable across builds. */
export function newestFirst<T extends IncidentLike>(incidents: readonly T[]): T[] {
  return [...incidents].sort((a, b) => startedAt(b.data) - startedAt(a.data) || a.id.localeCompare(b.id));
}

/** The incidents just older and just newer than `id`, in the newest-first order given. */
export function neighbours<T extends IncidentLike>(ordered: readonly T[], id: string): { older?: T; newer?: T } {
  const index = ordered.findIndex((incident) => incident.id === id);
  if (index === -1) return {};
  const older = ordered[index + 1];
  const newer = ordered[index - 1];
  return { ...(older ? { older } : {}), ...(newer ? { newer } : {}) };
}

/** How many incidents show each pattern id. */
export function countByPattern(incidents: readonly IncidentLike[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const incident of incidents) {
    for (const pattern of incident.data.patterns) counts.set(pattern, (counts.get(pattern) ?? 0) + 1);
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
