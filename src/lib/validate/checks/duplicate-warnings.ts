/** Likely duplicate writeups (../duplicates.ts finds the pairs), as a warning on each of the two. */
import type { IncidentData } from '../../schema';
import { findDuplicates, type Duplicate } from '../duplicates';
import type { ValidationIssue } from '../issue';
import type { ValidatedEntry } from './entry';

const DUPLICATE_HINT = 'merge the two, or if they are different incidents, list each under the other\'s related';

/** A warning on each writeup of a likely duplicate pair, naming the other; with `only`, of the pairs holding one of those. */
export function duplicateWarnings(incidents: readonly ValidatedEntry<IncidentData>[], only: ReadonlySet<string> | undefined): ValidationIssue[] {
  const candidates = incidents.map(({ id, data, parsed }) => ({
    id,
    text: `${data.title}\n${data.summary}\n${parsed.body}`,
    sourceUrls: data.sources.map((source) => source.url),
    related: data.related,
  }));
  const warning = (entry: ValidatedEntry<IncidentData>, path: PropertyKey[], field: string, message: string): ValidationIssue => ({
    file: entry.file.path, ...entry.parsed.locate(path), field, message, hint: DUPLICATE_HINT, severity: 'warning',
  });
  const focus = only && ((index: number) => only.has(incidents[index]!.file.path));
  return findDuplicates(candidates, focus).flatMap(({ a, b, reason }: Duplicate) => {
    const [first, second] = [incidents[a]!, incidents[b]!];
    if (reason.kind === 'source') {
      const says = (other: string) => `cites the same source as "${other}" (${reason.url}): likely the same incident`;
      return [
        warning(first, ['sources', reason.index, 'url'], `sources[${reason.index}].url`, says(second.id)),
        warning(second, ['sources', reason.otherIndex, 'url'], `sources[${reason.otherIndex}].url`, says(first.id)),
      ];
    }
    const says = (other: string) => `reads like "${other}": ${Math.round(reason.overlap * 100)}% of the shorter one's wording is in both`;
    return [warning(first, ['title'], '(duplicate)', says(second.id)), warning(second, ['title'], '(duplicate)', says(first.id))];
  });
}
