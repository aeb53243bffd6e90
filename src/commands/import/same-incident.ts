/**
 * Whether an imported record describes an incident a writeup already covers, so an importer
 * skips it instead of publishing a second copy: same organization, starts within a few days,
 * and the titles and summaries share enough telling words. Organizations are compared loosely
 * ("Amazon" and "Amazon Web Services", "AWS", "Facebook (Meta)"), dates by the days between
 * them at the precision each gives, words by stem, minus stop words and the organization's name.
 */
import { stemOf } from '../../lib/search/selective';
import { isStopWord, tokenize } from '../../lib/search/words';
import { isExact, isKnown, type KnownTime, type TimePoint } from '../../lib/time-point';

export interface IncidentIdentity {
  /** The writeup's slug (existing) or the slug it would get (a record being imported). */
  slug: string;
  organization?: string | undefined;
  started: TimePoint;
  title: string;
  summary: string;
  /** The status page a record came from: two records of one page are two incidents. */
  statusPage?: string | undefined;
}

export interface SameIncident {
  writeup: IncidentIdentity;
  /** Days between the two starts, 0 when their dates overlap. */
  days: number;
  /** The telling words both share, as stems. */
  shared: string[];
}

/** Starts further apart than this are different incidents, however alike the words. */
export const SAME_INCIDENT_DAYS = 3;
/**
 * Telling words two texts must share: three, or two that are a fifth of the shorter text's.
 * Two starts stated to the minute within CLOSE_HOURS of each other are already strong evidence,
 * so one shared word will do there (a rewritten title shares little with the original).
 */
export const MIN_SHARED_WORDS = 3;
export const MIN_SHARED_IN_SHORT_TEXT = { words: 2, share: 0.2 } as const;
export const CLOSE_HOURS = 2;

const DAY_MS = 86_400_000;
/** Words in organization names that do not tell one from another. */
const ORGANIZATION_NOISE = new Set(['inc', 'ltd', 'llc', 'corp', 'co', 'the', 'and', 'of', 'com', 'sites', 'using', 'its', 'certificates']);
/** Words every incident text says, whatever happened. */
const INCIDENT_NOISE = new Set(
  [
    'incident', 'outage', 'issue', 'postmortem', 'degraded', 'service', 'impact', 'customers', 'users', 'caused', 'due',
    // What every status update says, whatever happened.
    'availability', 'update', 'performance', 'investigating', 'resolved', 'monitoring', 'elevated', 'error', 'rates',
    'normal', 'operating', 'affected', 'experiencing', 'degradation', 'increased', 'delays', 'issues', 'problems',
    'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
  ].map(stemOf),
);

/** A status page's incident URL (`https://www.githubstatus.com/incidents/<id>`) gives its page. */
export function statusPageOf(urls: readonly string[]): string | undefined {
  for (const url of urls) {
    const match = /^(https?:\/\/[^/?#]+)\/incidents\/[a-z0-9]+\/?$/i.exec(url);
    if (match) return match[1]!.toLowerCase().replace('://www.', '://');
  }
  return undefined;
}

/** Lowercased first: "GitLab" and "Gitlab" are one name, though camel case splits in text. */
const organizationWords = (name: string) => tokenize(name.toLowerCase()).filter((word) => !ORGANIZATION_NOISE.has(word));

/** Same organization: one name's words within the other's ("TravisCI" is "Travis CI"), or one the other's initials. */
export function sameOrganization(a: string, b: string): boolean {
  return sameOrganizationWords(organizationWords(a), organizationWords(b));
}

function sameOrganizationWords(x: readonly string[], y: readonly string[]): boolean {
  if (x.length === 0 || y.length === 0) return false;
  const [shorter, longer] = x.length <= y.length ? [x, y] : [y, x];
  if (shorter.every((word) => longer.includes(word)) || x.join('') === y.join('')) return true;
  const initials = longer.map((word) => word[0]).join('');
  return shorter.length === 1 && longer.length > 1 && shorter[0] === initials;
}

/** Days between two starts at their precision: 0 when one's span holds a moment of the other's. */
export function daysApart(a: KnownTime, b: KnownTime): number {
  return Math.max(0, a.start - b.end, b.start - a.end) / DAY_MS;
}

interface Prepared {
  identity: IncidentIdentity;
  started: KnownTime;
  organization: string[];
  stems: Set<string>;
}

function prepare(identity: IncidentIdentity): Prepared | undefined {
  if (!identity.organization || !isKnown(identity.started)) return undefined;
  const organization = organizationWords(identity.organization);
  // The name says who, not what happened; years repeat what the dates say.
  const own = new Set([...organization, ...tokenize(identity.organization)]);
  const stems = new Set(
    tokenize(`${identity.title} ${identity.summary}`)
      .filter((word) => word.length > 1 && !isStopWord(word) && !own.has(word) && !/^\d{4}$/.test(word))
      .map(stemOf)
      .filter((stem) => !INCIDENT_NOISE.has(stem)),
  );
  return { identity, started: identity.started, organization, stems };
}

function sharedStems(a: Prepared, b: Prepared): string[] | undefined {
  const shared = [...a.stems].filter((stem) => b.stems.has(stem));
  const close = isExact(a.started) && isExact(b.started) && Math.abs(a.started.start - b.started.start) <= CLOSE_HOURS * 3_600_000;
  const smaller = Math.min(a.stems.size, b.stems.size);
  const enough =
    (close && shared.length >= 1) ||
    shared.length >= MIN_SHARED_WORDS ||
    (shared.length >= MIN_SHARED_IN_SHORT_TEXT.words && shared.length >= MIN_SHARED_IN_SHORT_TEXT.share * smaller);
  return enough ? shared : undefined;
}

/** The UTC day numbers a start may fall on, widened by the days two copies may be apart. */
function days(time: KnownTime, widen: number): number[] {
  const first = Math.floor(time.start / DAY_MS) - widen;
  const last = Math.ceil(time.end / DAY_MS) - 1 + widen;
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}

/**
 * Finds, for records being imported, the writeup each one repeats. Writeups are filed under
 * every day their start may be near, so a record is compared only with those of its own days
 * and checking a thousand records against a thousand writeups stays quick.
 */
export function sameIncidentFinder(writeups: readonly IncidentIdentity[]) {
  const byDay = new Map<number, Prepared[]>();
  const add = (writeup: IncidentIdentity) => {
    const ready = prepare(writeup);
    if (!ready) return;
    for (const day of days(ready.started, SAME_INCIDENT_DAYS)) {
      const filed = byDay.get(day);
      if (filed) filed.push(ready);
      else byDay.set(day, [ready]);
    }
  };
  for (const writeup of writeups) add(writeup);

  /** The writeup that shares most words with `record` among those that cover its incident, if any. */
  const find = (record: IncidentIdentity): SameIncident | undefined => {
    const candidate = prepare(record);
    if (!candidate) return undefined;
    const nearby = new Set(days(candidate.started, 0).flatMap((day) => byDay.get(day) ?? []));
    let best: SameIncident | undefined;
    for (const other of nearby) {
      if (record.statusPage && record.statusPage === other.identity.statusPage) continue;
      const apart = daysApart(candidate.started, other.started);
      if (apart > SAME_INCIDENT_DAYS || !sameOrganizationWords(candidate.organization, other.organization)) continue;
      const shared = sharedStems(candidate, other);
      if (shared && (!best || shared.length > best.shared.length)) best = { writeup: other.identity, days: apart, shared };
    }
    return best;
  };
  return { find, add };
}
