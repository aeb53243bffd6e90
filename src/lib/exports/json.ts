/**
 * The JSON exports' envelopes (`/incidents.json`, `/patterns.json`, documented in README → Feeds
 * and exports). Each carries its own `version` so a consumer can refuse a shape it does not know.
 */
import type { ExportedIncident } from './incident-record';
import type { ExportedPattern } from './pattern-record';

/** Raised when a field of `/incidents.json` changes meaning or goes away, not when one is added. */
export const INCIDENTS_JSON_VERSION = 1;
/** The same rule for `/patterns.json`. */
export const PATTERNS_JSON_VERSION = 1;

export interface ExportEnvelope {
  /** The site's home page, absolute. */
  site: string;
  /** When the build ran, ISO 8601. */
  generated: string;
}

export interface IncidentsDocument extends ExportEnvelope {
  version: typeof INCIDENTS_JSON_VERSION;
  count: number;
  incidents: readonly ExportedIncident[];
}

export interface PatternsDocument extends ExportEnvelope {
  version: typeof PATTERNS_JSON_VERSION;
  count: number;
  patterns: readonly ExportedPattern[];
}

// One space of indentation: readable in a browser tab, a fraction of the size of two at 10,000 writeups.
const serialise = (document: IncidentsDocument | PatternsDocument) => `${JSON.stringify(document, null, 1)}\n`;

export function incidentsJson(envelope: ExportEnvelope, incidents: readonly ExportedIncident[]): string {
  return serialise({ version: INCIDENTS_JSON_VERSION, ...envelope, count: incidents.length, incidents });
}

export function patternsJson(envelope: ExportEnvelope, patterns: readonly ExportedPattern[]): string {
  return serialise({ version: PATTERNS_JSON_VERSION, ...envelope, count: patterns.length, patterns });
}
