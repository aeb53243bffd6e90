/**
 * Slug rules. An incident's slug is its file name without `.mdx`: the date `started` gives, at
 * the precision it gives (`2017-01-31-`, `2013-06-`, `2013-`), or `undated-` for `unknown`,
 * then a short kebab-case title. Pattern ids and service names are plain kebab-case.
 */
import { isKnown, utcDatePrefix, type TimePoint } from './time-point';

export const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const INCIDENT_SLUG = /^(?:\d{4}(?:-\d{2}){0,2}|undated)-[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const MAX_SLUG_LENGTH = 80;

/** The date prefix a slug must start with for this `started` value. */
export function slugDatePrefixes(started: TimePoint): string[] {
  if (!isKnown(started)) return ['undated'];
  // The date as written (local to its offset) and the UTC date are both honest names.
  const written = started.text.slice(0, utcDatePrefix(started).length);
  return [...new Set([written, utcDatePrefix(started)])];
}

/** Why `slug` breaks the rule for this `started`, or null when it is fine. */
export function slugProblem(slug: string, started: TimePoint): string | null {
  if (!INCIDENT_SLUG.test(slug)) {
    return `file name "${slug}" must be YYYY-MM-DD-short-title in lowercase letters, digits and single hyphens`;
  }
  if (slug.length > MAX_SLUG_LENGTH) {
    return `file name "${slug}" is ${slug.length} characters; keep it under ${MAX_SLUG_LENGTH}`;
  }
  const prefixes = slugDatePrefixes(started);
  const prefix = prefixes.find((p) => slug.startsWith(`${p}-`));
  if (prefix === undefined) {
    return `file name "${slug}" must start with "${prefixes[0]}-", the date in "started"`;
  }
  if (prefix !== 'undated' && prefix.length < 10 && /^\d{2}-/.test(slug.slice(prefix.length + 1))) {
    return `file name "${slug}" adds to the date; "started" gives only "${prefix}", so the name must too`;
  }
  return null;
}

/** Lowercase kebab-case from free text, ASCII only: "Kinesis: slow PUTs!" → "kinesis-slow-puts". */
export function slugify(text: string, maxLength = 60): string {
  const words = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(/\s+/)
    .filter(Boolean);
  let slug = '';
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word;
    if (next.length > maxLength) break;
    slug = next;
  }
  return slug || 'incident';
}

/** The slug a new writeup gets: date prefix from `started`, then the title. */
export function incidentSlug(started: TimePoint, title: string): string {
  return `${slugDatePrefixes(started)[0]}-${slugify(title, MAX_SLUG_LENGTH - 11)}`;
}

/**
 * `incidentSlug`, or with `-2`, `-3`… when `taken` holds it; the title part is shortened to make
 * room, so a numbered slug stays within MAX_SLUG_LENGTH.
 */
export function uniqueIncidentSlug(started: TimePoint, title: string, taken: ReadonlySet<string>): string {
  const slug = incidentSlug(started, title);
  if (!taken.has(slug)) return slug;
  for (let n = 2; ; n++) {
    const suffix = `-${n}`;
    const numbered = `${slug.slice(0, MAX_SLUG_LENGTH - suffix.length).replace(/-+$/, '')}${suffix}`;
    if (!taken.has(numbered)) return numbered;
  }
}
