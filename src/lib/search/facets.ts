/** Filtering and counting results by facet, on data the search client gathers once per visit. */
import { perFacet, SEARCH_FACETS, type SearchFacet } from './index-record';

/** Facet values of each indexed page, by Pagefind page id. */
export type Membership = ReadonlyMap<string, Readonly<Record<SearchFacet, readonly string[]>>>;

export type FacetCounts = Record<SearchFacet, Map<string, number>>;

/** Filters combine with AND across facets and OR within one (pattern A or B, and year 2021). */
export function matchesFilters(id: string, membership: Membership, filters: Readonly<Record<SearchFacet, readonly string[]>>): boolean {
  const values = membership.get(id);
  return SEARCH_FACETS.every((facet) => {
    const wanted = filters[facet];
    return wanted.length === 0 || (values !== undefined && wanted.some((value) => values[facet].includes(value)));
  });
}

export function countFacets(ids: Iterable<string>, membership: Membership): FacetCounts {
  const counts: FacetCounts = perFacet(() => new Map<string, number>());
  for (const id of ids) {
    const values = membership.get(id);
    if (!values) continue;
    for (const facet of SEARCH_FACETS) {
      for (const value of values[facet]) counts[facet].set(value, (counts[facet].get(value) ?? 0) + 1);
    }
  }
  return counts;
}
