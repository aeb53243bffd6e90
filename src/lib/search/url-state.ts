/**
 * A search as a URL, so it can be pasted into the incident channel: `?q=…&pattern=…&sort=date`.
 * Repeated parameters select several values of one filter.
 */
import { perFacet, SEARCH_FACETS, type SearchFacet } from './index-record';

export const SORTS = ['relevance', 'date'] as const;
export type SearchSort = (typeof SORTS)[number];

export interface SearchState {
  q: string;
  filters: Record<SearchFacet, string[]>;
  sort: SearchSort;
}

export function emptyFilters(): Record<SearchFacet, string[]> {
  return perFacet(() => []);
}

export function parseSearchState(search: string): SearchState {
  const params = new URLSearchParams(search);
  const filters = emptyFilters();
  for (const facet of SEARCH_FACETS) filters[facet] = [...new Set(params.getAll(facet).filter(Boolean))];
  const sort = params.get('sort');
  return { q: params.get('q') ?? '', filters, sort: toSort(sort) };
}

/** Query string with a leading `?`, or '' for an empty search; default sort is left out. */
export function serializeSearchState(state: SearchState): string {
  const params = new URLSearchParams();
  if (state.q.trim()) params.set('q', state.q.trim());
  for (const facet of SEARCH_FACETS) for (const value of state.filters[facet]) params.append(facet, value);
  if (state.sort !== 'relevance') params.set('sort', state.sort);
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** Whether any filter value is chosen. */
export function hasFilters(state: Pick<SearchState, 'filters'>): boolean {
  return SEARCH_FACETS.some((facet) => state.filters[facet].length > 0);
}

/** A sort from untrusted text (URL, form): anything unknown is the default. */
export function toSort(value: string | null | undefined): SearchSort {
  return (SORTS as readonly (string | null | undefined)[]).includes(value) ? (value as SearchSort) : 'relevance';
}
