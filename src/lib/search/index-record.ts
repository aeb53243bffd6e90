/**
 * What the search index stores for one incident page: metadata to render a result without
 * opening the page, filter values, and the date sort key. Rendered into the page as Pagefind
 * attributes by src/components/SearchIndexFields.astro.
 */
import { formatIncidentDuration } from '../duration';
import { incidentDuration, type IncidentLike } from '../incidents';
import { formatUtc, isKnown, machineReadable } from '../time-point';

export interface PatternInfo {
  title: string;
  aliases: readonly string[];
}

export interface SearchRecord {
  meta: Record<string, string>;
  filters: Record<SearchFacet, string[]>;
  /** Sortable date key; undated incidents sort as oldest. */
  sortDate: string;
}

export const SEARCH_FACETS = ['pattern', 'service', 'impact', 'year', 'organization'] as const;
export type SearchFacet = (typeof SEARCH_FACETS)[number];

/** A record with one fresh value per facet. */
export function perFacet<T>(make: (facet: SearchFacet) => T): Record<SearchFacet, T> {
  return Object.fromEntries(SEARCH_FACETS.map((facet) => [facet, make(facet)])) as Record<SearchFacet, T>;
}

/** Separates list values inside one metadata string. */
export const META_LIST_SEPARATOR = '|';

/**
 * How much a query word found in each metadata field adds to a page's score. Pattern names and
 * their aliases are how responders name what they see ("thundering herd"), so they count
 * strongly; display-only fields must not match at all.
 */
export const META_WEIGHTS: Record<string, number> = {
  title: 1,
  patterns: 3,
  aliases: 3,
  organization: 1,
  date: 0,
  datetime: 0,
  duration: 0,
  impact: 0,
  pattern_ids: 0,
};

export const UNDATED = 'unknown';

export function searchRecord(incident: IncidentLike, patterns: ReadonlyMap<string, PatternInfo>): SearchRecord {
  const { data } = incident;
  const info = data.patterns.map((id) => patterns.get(id) ?? { title: id, aliases: [] });
  const started = isKnown(data.started) ? data.started : undefined;
  return {
    meta: {
      date: formatUtc(data.started),
      datetime: started ? machineReadable(started) : '',
      duration: formatIncidentDuration(incidentDuration(data)),
      impact: data.impact,
      pattern_ids: data.patterns.join(META_LIST_SEPARATOR),
      patterns: info.map((p) => p.title).join(META_LIST_SEPARATOR),
      aliases: info.flatMap((p) => p.aliases).join(META_LIST_SEPARATOR),
      ...(data.organization ? { organization: data.organization } : {}),
    },
    filters: {
      pattern: data.patterns,
      service: data.services,
      impact: [data.impact],
      year: [started ? String(new Date(started.start).getUTCFullYear()) : UNDATED],
      organization: data.organization ? [data.organization] : [],
    },
    sortDate: started ? new Date(started.start).toISOString() : '0000',
  };
}
