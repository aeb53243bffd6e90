/**
 * CSV as RFC 4180 writes it: CRLF between records, a field quoted when it holds a comma, a quote,
 * CR or LF, quotes inside doubled. A field that a spreadsheet would run as a formula (starting
 * with `=`, `+`, `-`, `@`, a tab or CR) gets a leading `'`, so opening the export never runs
 * text from a writeup.
 */
import type { ExportedIncident } from './incident-record';

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvField(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** Lists inside one field are joined with this; no id or service contains it. */
export const LIST_SEPARATOR = ';';

/** Column name, value. Documented in README → Feeds and exports. */
const COLUMNS: [string, (incident: ExportedIncident) => string][] = [
  ['slug', (i) => i.slug],
  ['url', (i) => i.url],
  ['title', (i) => i.title],
  ['organization', (i) => i.organization ?? ''],
  ['started', (i) => i.started.iso ?? ''],
  ['started_precision', (i) => i.started.precision],
  ['ended', (i) => i.ended?.iso ?? ''],
  ['ended_precision', (i) => i.ended?.precision ?? ''],
  ['duration', (i) => i.duration.text],
  ['duration_min_minutes', (i) => (i.duration.minMinutes === undefined ? '' : String(i.duration.minMinutes))],
  ['duration_max_minutes', (i) => (i.duration.maxMinutes === undefined ? '' : String(i.duration.maxMinutes))],
  ['impact', (i) => i.impact],
  ['patterns', (i) => i.patterns.map((p) => p.id).join(LIST_SEPARATOR)],
  ['services', (i) => i.services.join(LIST_SEPARATOR)],
  ['trigger', (i) => i.trigger ?? ''],
  ['detection', (i) => i.detection ?? ''],
  ['copy_of', (i) => i.copyOf ?? ''],
  ['summary', (i) => i.summary],
];

export const CSV_COLUMNS = COLUMNS.map(([name]) => name);

export function incidentsCsv(incidents: readonly ExportedIncident[]): string {
  return toCsv([CSV_COLUMNS, ...incidents.map((incident) => COLUMNS.map(([, value]) => value(incident)))]);
}
