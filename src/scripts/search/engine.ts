/**
 * The search engine in the browser: Pagefind underneath, our query shaping and ranking on top
 * (src/lib/search). One instance per page, created on first use.
 */
import { rankHits, type RankedHit } from '../../lib/search/rank';
import { shapeQuery } from '../../lib/search/query';
import { META_WEIGHTS, SEARCH_FACETS, type SearchFacet } from '../../lib/search/index-record';
import { matchesFilters, membershipFrom, type Membership } from '../../lib/search/facets';
import { hasFilters, type SearchSort } from '../../lib/search/url-state';
import type { Pagefind, PagefindData, PagefindResult } from './pagefind-types';

export interface FoundIncident extends RankedHit {
  /** The Pagefind result to load this page's data from (the word it matched best). */
  result?: PagefindResult;
}

export interface SearchOutcome {
  /** Every match that passes the filters, best first (or newest first). */
  found: FoundIncident[];
  /** Matches before filtering, for facet counts. */
  unfiltered: FoundIncident[];
}

/** Shown when the index cannot load: in `astro dev` (Pagefind indexes the built site) or offline. */
export const INDEX_MISSING = 'The search index could not be loaded. It is built with the site: run npm run build, then npm run preview.';

/** A cached lookup that failed (a dropped connection) is tried again next time, not kept failed. */
function forgetOnFailure<T>(promise: Promise<T>, forget: () => void): Promise<T> {
  promise.catch(forget);
  return promise;
}

export class SearchEngine {
  private membershipPromise: Promise<Membership> | undefined;
  private datePromise: Promise<{ order: Map<string, number>; results: Map<string, PagefindResult> }> | undefined;

  private constructor(private readonly pagefind: Pagefind) {}

  static async load(bundlePath = '/pagefind/'): Promise<SearchEngine> {
    const pagefind = (await import(/* @vite-ignore */ `${bundlePath}pagefind.js`)) as Pagefind;
    await pagefind.options({ ranking: { metaWeights: META_WEIGHTS, termSimilarity: 4 } });
    await pagefind.init();
    return new SearchEngine(pagefind);
  }

  async search(text: string, filters: Record<SearchFacet, string[]>, sort: SearchSort): Promise<SearchOutcome> {
    const query = shapeQuery(text);
    let unfiltered: FoundIncident[];
    if (query.terms.length === 0) {
      const { order, results } = await this.dates();
      unfiltered = [...order.keys()].map((id) => ({ id, score: 0, matched: [], result: results.get(id)! }));
    } else {
      const [termHits, phraseHits] = await Promise.all([
        Promise.all(query.terms.map(async (term) => ({ term, hits: await this.results(term.text) }))),
        Promise.all(query.phrases.map(async (phrase) => ({ phrase, hits: await this.results(`"${phrase}"`) }))),
      ]);
      const best = new Map<string, PagefindResult>();
      for (const { hits } of termHits) {
        for (const hit of hits) if ((best.get(hit.id)?.score ?? -1) < hit.score) best.set(hit.id, hit);
      }
      unfiltered = rankHits(termHits, phraseHits).map((hit) => ({ ...hit, result: best.get(hit.id)! }));
    }
    const membership = hasFilters({ filters }) ? await this.membership() : undefined;
    let found = membership ? unfiltered.filter((hit) => matchesFilters(hit.id, membership, filters)) : unfiltered;
    if (sort === 'date' && query.terms.length > 0) {
      const { order } = await this.dates();
      found = [...found].sort((a, b) => (order.get(a.id) ?? Infinity) - (order.get(b.id) ?? Infinity));
    }
    return { found, unfiltered };
  }

  /** Which filter values each page has; fetched once, on the first use of filters or counts. */
  membership(): Promise<Membership> {
    this.membershipPromise ??= forgetOnFailure((async () => {
      const available = await this.pagefind.filters();
      const lookups = SEARCH_FACETS.flatMap((facet) =>
        Object.keys(available[facet] ?? {}).map(async (value) => ({
          facet,
          value,
          ids: (await this.pagefind.search(null, { filters: { [facet]: value } }))?.results.map((r) => r.id) ?? [],
        })),
      );
      return membershipFrom(await Promise.all(lookups));
    })(), () => (this.membershipPromise = undefined));
    return this.membershipPromise;
  }

  data(result: PagefindResult): Promise<PagefindData> {
    return result.data();
  }

  private async results(term: string): Promise<PagefindResult[]> {
    return (await this.pagefind.search(term))?.results ?? [];
  }

  /** Every page, newest first: the order for date sorting and for browsing without words. */
  private dates() {
    this.datePromise ??= forgetOnFailure((async () => {
      const all = (await this.pagefind.search(null, { sort: { date: 'desc' } }))?.results ?? [];
      return { order: new Map(all.map((r, i) => [r.id, i])), results: new Map(all.map((r) => [r.id, r])) };
    })(), () => (this.datePromise = undefined));
    return this.datePromise;
  }
}
