/** An incident as the exports give it (src/lib/exports/incident-record.ts), for the writers' tests. */
import type { ExportedIncident } from '../../src/lib/exports/incident-record';

/** A dated, unknown-duration incident under https://kb.example.org/kb/, with `overrides` applied. */
export function exportedIncident(slug: string, overrides: Partial<ExportedIncident> = {}): ExportedIncident {
  return {
    slug,
    url: `https://kb.example.org/kb/incidents/${slug}/`,
    title: 'Title',
    summary: 'Summary.',
    started: { text: '2017-01-31', precision: 'day', iso: '2017-01-31' },
    duration: { kind: 'unknown', text: 'unknown' },
    impact: 'major',
    patterns: [{ id: 'retry-storm', title: 'Retry storm' }],
    services: [],
    signals: [],
    sources: [],
    related: [],
    ...overrides,
  };
}
