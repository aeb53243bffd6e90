/**
 * Writeups that describe one incident twice: an imported one kept on purpose
 * (`npm run import -- … --keep-duplicates`), or imported beside a writeup added by hand later. Search and the calendar show one of them, the original,
 * so a responder never meets two copies side by side; the copies stay readable at their own
 * address and point to it. Same rules as the importers' check (src/commands/import/same-incident.ts).
 */
import { sameIncidentFinder, statusPageOf, type IncidentIdentity } from '../commands/import/same-incident';
import type { IncidentLike } from './incidents';

/** The heading the importers end an imported writeup with (src/commands/import/*.ts). */
const IMPORTED_MARK = /^## Imported from\b/m;

export interface WriteupText extends IncidentLike {
  /** The MDX body; an imported one ends with an "Imported from" section. */
  body?: string | undefined;
}

function identity({ id, data }: IncidentLike): IncidentIdentity {
  return {
    slug: id,
    organization: data.organization,
    started: data.started,
    title: data.title,
    summary: data.summary,
    statusPage: statusPageOf(data.sources.map((source) => source.url)),
  };
}

/**
 * Each copy's slug → the slug of the writeup shown in its place. Only imported writeups are
 * copies; the original is the one written by hand, then the one with more sources, then the
 * first by slug.
 */
export function findCopies(writeups: readonly WriteupText[]): Map<string, string> {
  const imported = (writeup: WriteupText) => IMPORTED_MARK.test(writeup.body ?? '');
  const preferred = [...writeups].sort(
    (a, b) => Number(imported(a)) - Number(imported(b)) || b.data.sources.length - a.data.sources.length || a.id.localeCompare(b.id),
  );
  const finder = sameIncidentFinder([]);
  const copies = new Map<string, string>();
  for (const writeup of preferred) {
    // A writeup by hand is never a copy: its writer and reviewer chose to publish it beside the
    // others, as a weekly incident log publishes several of one organization's days.
    const original = imported(writeup) ? finder.find(identity(writeup)) : undefined;
    if (original) copies.set(writeup.id, original.writeup.slug);
    else finder.add(identity(writeup));
  }
  return copies;
}
