/**
 * Builds incident data the way the site does: plain front-matter objects parsed by the real
 * schema, so tests never hand-write parsed shapes that could drift from it.
 */
import { incidentSchema, type IncidentData } from '../../src/lib/schema';
import type { IncidentLike } from '../../src/lib/incidents';

/** A complete, valid writeup's front matter as a contributor would write it. */
export const VALID_INCIDENT = {
  title: 'Writes to the primary time out',
  summary: 'The connection pool to the primary was exhausted. Writes failed with 503s for four hours.',
  started: '2017-01-31T23:00:00Z',
  ended: '2017-02-01T03:30:00Z',
  duration: '4h30m',
  impact: 'major',
  patterns: ['retry-storm'],
  services: ['postgres'],
  organization: 'Example Corp',
  trigger: 'deploy',
  detection: 'alert',
  signals: ['HTTP 503', 'pool exhausted'],
  sources: [{ title: 'Postmortem', url: 'https://example.com/postmortem' }],
  related: ['2016-05-01-earlier-pool-exhaustion'],
  draft: false,
} as const;

/** The smallest valid writeup: required fields only, with a duration instead of `ended`. */
export const MINIMAL_INCIDENT = {
  title: 'Writes to the primary time out',
  summary: 'The pool was exhausted.',
  started: '2017-01-31T23:00:00Z',
  duration: '45m',
  impact: 'major',
  patterns: ['retry-storm'],
} as const;

/** Parses `MINIMAL_INCIDENT` with `overrides`; keys set to undefined are removed. */
export function incidentData(overrides: Record<string, unknown> = {}): IncidentData {
  const input: Record<string, unknown> = { ...MINIMAL_INCIDENT, ...overrides };
  for (const key of Object.keys(input)) if (input[key] === undefined) delete input[key];
  return incidentSchema.parse(input);
}

/** An entry shaped like an Astro collection entry: `{ id, data }`. */
export function incident(id: string, overrides: Record<string, unknown> = {}): IncidentLike {
  return { id, data: incidentData(overrides) };
}

/** The ids of a list of entries, for readable order assertions. */
export const ids = (entries: readonly IncidentLike[]) => entries.map((entry) => entry.id);
