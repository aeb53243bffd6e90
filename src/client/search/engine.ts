/**
 * The search engine in the browser: Pagefind underneath, our query shaping and ranking on top
 * (src/lib/search). One instance per page, created on first use.
 */
import { rankHits, type RankedHit } from '../../lib/search/rank';
import { shapeQuery, type QueryTerm, type ShapedQuery } from '../../lib/search/query';
import { corrections, shardOf, type LexiconShard } from '../../lib/search/spelling';
import { selectiveFirst } from '../../lib/search/selective';
import type { SearchFacet } from '../../lib/search/index-record';
import { matchesFilters, type Membership } from '../../lib/search/facets';
import { decodeMembership, type MembershipFile } from '../../lib/search/facet-membership';
import { BUNDLE_PATH, EARLY_START_GLOBAL, pagefindOptions, UNHINTED_FACETS_URL, UNHINTED_LEXICON_URL, type SearchIndexHints } from '../../lib/search/index-hints';
import { SITE_BASE, sitePath } from '../../lib/site-paths';
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
  /** Typed words that matched nothing and were searched as their closest indexed words. */
  corrected: Correction[];
}

export interface Correction {
  typed: string;
  searched: string[];
}

/** A corrected word counts nearly as much as a typed one: it is what the responder meant. */
const CORRECTION_WEIGHT = 0.9;

/** Shown when the index cannot load: offline, or in `npm run dev` before the site was ever built. */
export const INDEX_MISSING = 'The search index could not be loaded. It is built with the site: run npm start (or npm run build once, for npm run dev).';

/** Pagefind as a built search page's head started it, or Pagefind started now. */
function startPagefind(hints: SearchIndexHints): Promise<Pagefind> {
  const early = (globalThis as Record<string, unknown>)[EARLY_START_GLOBAL] as Promise<Pagefind> | undefined;
  return early ?? import(/* @vite-ignore */ sitePath(`${BUNDLE_PATH}pagefind.js`)).then(async (pagefind: Pagefind) => {
    await pagefind.options(pagefindOptions(hints.cacheTag, SITE_BASE));
    await pagefind.init();
    return pagefind;
  });
}

/** A cached lookup that failed (a dropped connection) is tried again next time, not kept failed. */
function forgetOnFailure<T>(promise: Promise<T>, forget: () => void): Promise<T> {
  promise.catch(forget);
  return promise;
}

export class SearchEngine {
  private membershipPromise: Promise<Membership> | undefined;
  private readonly termResults = new Map<string, Promise<PagefindResult[]>>();
  private readonly lexiconShards = new Map<string, Promise<LexiconShard>>();
  private datePromise: Promise<{ order: Map<string, number>; results: Map<string, PagefindResult> }> | undefined;

  private constructor(
    private readonly pagefind: Pagefind,
    private readonly facetsUrl: string,
    private readonly lexiconUrl: string,
    private readonly commonStems: ReadonlySet<string>,
  ) {}

  static async load(hints: SearchIndexHints = {}): Promise<SearchEngine> {
    const pagefind = await startPagefind(hints);
    return new SearchEngine(pagefind, hints.facetsUrl ?? sitePath(UNHINTED_FACETS_URL), hints.lexiconUrl ?? sitePath(UNHINTED_LEXICON_URL), new Set(hints.commonStems));
  }

  /**
   * Ranks the query's matches. With `preview`, a query with common words or synonyms is answered twice:
   * first from its selective words (src/lib/search/selective.ts), passed to `preview` to be
   * drawn, then from all of them, which is what this returns. The common words are looked up
   * only once the preview is drawn: their thousands of results would otherwise hold the main
   * thread while the first results wait to be drawn.
   */
  async search(text: string, filters: Record<SearchFacet, string[]>, sort: SearchSort, preview?: (outcome: SearchOutcome) => Promise<void>): Promise<SearchOutcome> {
    const query = shapeQuery(text);
    // Without words, every page newest first: already in the order 'date' would sort to.
    if (query.terms.length === 0) return this.outcome(await this.newestFirst(), [], filters, 'relevance');
    const { first, rest } = selectiveFirst(query, this.commonStems);
    if (preview && rest.terms.length > 0) {
      const early = await this.ranked(first);
      await preview(await this.outcome(early.ranked, early.corrected, filters, sort));
    }
    const { ranked, corrected } = await this.ranked(query);
    return this.outcome(ranked, corrected, filters, sort);
  }

  private async outcome(unfiltered: FoundIncident[], corrected: Correction[], filters: Record<SearchFacet, string[]>, sort: SearchSort): Promise<SearchOutcome> {
    const membership = hasFilters({ filters }) ? await this.membership() : undefined;
    const found = membership ? unfiltered.filter((hit) => matchesFilters(hit.id, membership, filters)) : unfiltered;
    return { found: sort === 'date' ? await this.byDate(found) : found, unfiltered, corrected };
  }

  private async ranked(query: ShapedQuery): Promise<{ ranked: FoundIncident[]; corrected: Correction[] }> {
    const [typed, phrases] = await Promise.all([this.termHits(query.terms), this.phraseHits(query.phrases)]);
    const { termHits: correctedHits, corrected } = await this.corrected(typed);
    const termHits = [...typed, ...correctedHits];
    const best = new Map<string, PagefindResult>();
    for (const { hits } of termHits) {
      for (const hit of hits) if ((best.get(hit.id)?.score ?? -1) < hit.score) best.set(hit.id, hit);
    }
    return { ranked: rankHits(termHits, phrases).map((hit) => ({ ...hit, result: best.get(hit.id)! })), corrected };
  }

  private termHits(terms: readonly QueryTerm[]): Promise<{ term: QueryTerm; hits: PagefindResult[] }[]> {
    return Promise.all(terms.map(async (term) => ({ term, hits: await this.results(term.text) })));
  }

  /** Pagefind searches a quoted pair as a phrase. */
  private phraseHits(phrases: readonly string[]): Promise<{ phrase: string; hits: PagefindResult[] }[]> {
    return Promise.all(phrases.map(async (phrase) => ({ phrase, hits: await this.results(`"${phrase}"`) })));
  }

  /** Typed words that found nothing (typos, mostly), searched again as their closest indexed words. */
  private async corrected(typed: readonly { term: QueryTerm; hits: readonly PagefindResult[] }[]) {
    const missing = typed.filter(({ term, hits }) => hits.length === 0 && term.weight === 1 && shardOf(term.text));
    const corrected = (
      await Promise.all(
        missing.map(async ({ term }) => ({ typed: term.text, searched: corrections(term.text, await this.lexiconShard(shardOf(term.text)!)) })),
      )
    ).filter((c) => c.searched.length > 0);
    const termHits = await this.termHits(corrected.flatMap((c) => c.searched.map((text) => ({ text, weight: CORRECTION_WEIGHT, source: c.typed }))));
    return { termHits, corrected };
  }

  /** One letter's indexed words; none where the lexicon cannot be had, so a typo just stays unmatched. */
  private lexiconShard(letter: string): Promise<LexiconShard> {
    let shard = this.lexiconShards.get(letter);
    if (!shard) {
      shard = fetch(`${this.lexiconUrl}${letter}.json`).then((response) => (response.ok ? (response.json() as Promise<LexiconShard>) : {}), () => ({}));
      this.lexiconShards.set(letter, shard);
    }
    return shard;
  }

  /** Every page, newest first: browsing without words. */
  private async newestFirst(): Promise<FoundIncident[]> {
    const { order, results } = await this.dates();
    return [...order.keys()].map((id) => ({ id, score: 0, matched: [], result: results.get(id)! }));
  }

  private async byDate(found: readonly FoundIncident[]): Promise<FoundIncident[]> {
    const { order } = await this.dates();
    return [...found].sort((a, b) => (order.get(a.id) ?? Infinity) - (order.get(b.id) ?? Infinity));
  }

  /** Which filter values each page has: one file, fetched on the first use of filters or counts. */
  membership(): Promise<Membership> {
    this.membershipPromise ??= forgetOnFailure((async () => {
      const response = await fetch(this.facetsUrl);
      if (!response.ok) throw new Error(`${this.facetsUrl}: HTTP ${response.status}`);
      return decodeMembership((await response.json()) as MembershipFile);
    })(), () => (this.membershipPromise = undefined));
    return this.membershipPromise;
  }

  data(result: PagefindResult): Promise<PagefindData> {
    return result.data();
  }

  /** Each word's matches, looked up once per visit: typing on re-searches only the new words. */
  private results(term: string): Promise<PagefindResult[]> {
    let found = this.termResults.get(term);
    if (!found) {
      found = forgetOnFailure(this.pagefind.search(term).then((response) => response?.results ?? []), () => this.termResults.delete(term));
      this.termResults.set(term, found);
    }
    return found;
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
