/**
 * The facet membership file: which filter values each indexed page has, written once at build
 * time (src/integrations/search-index-extras.ts) so the search page counts facets from one small
 * file instead of one Pagefind lookup per filter value.
 */
import { perFacet, SEARCH_FACETS, type SearchFacet } from './index-record';
import type { Membership } from './facets';

export interface MembershipFile {
  /** Bumped when the shape changes; a client refuses a version it does not know. */
  version: 1;
  /** Every `facet:value` pair once; pages refer to them by position. */
  values: string[];
  /** Pagefind page id → positions in `values`. */
  pages: Record<string, number[]>;
}

export interface IndexedPage {
  /** Pagefind's page id, as search results carry it. */
  id: string;
  filters: Partial<Record<string, readonly string[]>>;
}

const isFacet = (name: string): name is SearchFacet => (SEARCH_FACETS as readonly string[]).includes(name);

export function encodeMembership(pages: Iterable<IndexedPage>): MembershipFile {
  const values: string[] = [];
  const position = new Map<string, number>();
  const encoded: Record<string, number[]> = {};
  for (const page of [...pages].sort((a, b) => a.id.localeCompare(b.id))) {
    encoded[page.id] = Object.entries(page.filters)
      .filter(([facet]) => isFacet(facet))
      .flatMap(([facet, facetValues]) => (facetValues ?? []).map((value) => `${facet}:${value}`))
      .map((key) => {
        let at = position.get(key);
        if (at === undefined) {
          position.set(key, (at = values.length));
          values.push(key);
        }
        return at;
      });
  }
  return { version: 1, values, pages: encoded };
}

export function decodeMembership(file: MembershipFile): Membership {
  if (file.version !== 1) throw new Error(`facet membership file version ${String(file.version)} is not supported`);
  const split = file.values.map((key) => {
    const at = key.indexOf(':');
    return { facet: key.slice(0, at) as SearchFacet, value: key.slice(at + 1) };
  });
  const membership = new Map<string, Record<SearchFacet, string[]>>();
  for (const [id, positions] of Object.entries(file.pages)) {
    const values = perFacet((): string[] => []);
    for (const at of positions) {
      const entry = split[at];
      if (entry) values[entry.facet].push(entry.value);
    }
    membership.set(id, values);
  }
  return membership;
}
