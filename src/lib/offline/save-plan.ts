/** What "Save for offline" still has to fetch, and how its progress reads (src/client/offline/status.ts). */
import { formatCount } from '../format-count';
import type { ManifestEntry } from './manifest';

export interface SavePlan {
  missing: ManifestEntry[];
  missingBytes: number;
  totalBytes: number;
  total: number;
}

/** The entries not yet stored, given the URLs (relative to the base) already stored. */
export function savePlan(entries: readonly ManifestEntry[], stored: ReadonlySet<string>): SavePlan {
  const missing = entries.filter((entry) => !stored.has(entry.url));
  const bytesOf = (list: readonly ManifestEntry[]) => list.reduce((sum, entry) => sum + entry.bytes, 0);
  return { missing, missingBytes: bytesOf(missing), totalBytes: bytesOf(entries), total: entries.length };
}

const UNITS = ['B', 'KB', 'MB', 'GB'];

/** `1.4 MB`: one decimal below 10 of a unit, none above; 1 KB = 1,024 B, as file managers show it. */
export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const digits = unit === 0 || value >= 10 ? 0 : 1;
  return `${value.toFixed(digits)} ${UNITS[unit]}`;
}

/** `Saving… 12 MB of 47 MB (1,023 of 3,210 files)`. */
export function progressText(doneBytes: number, plan: Pick<SavePlan, 'missingBytes' | 'missing'>, doneFiles: number): string {
  return `Saving… ${formatBytes(doneBytes)} of ${formatBytes(plan.missingBytes)} (${formatCount(doneFiles)} of ${formatCount(plan.missing.length)} files)`;
}
