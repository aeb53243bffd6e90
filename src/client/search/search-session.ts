/**
 * The search shown on /search/: runs it, keeps the URL in step, and draws the results, the
 * status line and the filters with their counts. Each change runs the search again, and only the
 * latest run draws.
 */
import { SEARCH_FACETS, type SearchFacet } from '../../lib/search/index-record';
import { countFacets } from '../../lib/search/facets';
import { shapeQuery } from '../../lib/search/query';
import { hasFilters, serializeSearchState, type SearchState } from '../../lib/search/url-state';
import type { LikelyPattern } from '../../lib/search/likely-pattern';
import { INDEX_NOT_STORED } from '../../lib/offline/worker-config';
import { announceSearchSettled } from '../offline/quiet';
import type { FoundIncident, SearchEngine, SearchOutcome } from './engine';
import { incompleteText, renderLikelyPattern, renderResult, statusText } from './render';
import type { SearchPageElements } from './search-page';

/** Each result loads its own data file; ten fill a screen and keep a cold search's bytes near the floor. */
const PAGE_SIZE = 10;

export type FacetLabels = Partial<Record<SearchFacet, Record<string, string>>>;

const FACET_NAMES: Record<SearchFacet, string> = {
  pattern: 'Pattern',
  service: 'Service',
  impact: 'Impact',
  year: 'Year',
  organization: 'Organization',
};

export class SearchSession {
  state: SearchState;
  private shown = PAGE_SIZE;
  private generation = 0;
  // Offline, a part of the index this device never stored reads to Pagefind as no match; the
  // service worker says so (src/client/offline/sw.ts), and the answer is then called incomplete.
  private indexNotStored = false;
  private readonly ui: SearchPageElements;
  private readonly engine: SearchEngine;
  private readonly labels: FacetLabels;
  private readonly likelyPattern: (q: string) => LikelyPattern | undefined;

  constructor(ui: SearchPageElements, engine: SearchEngine, labels: FacetLabels, likelyPattern: (q: string) => LikelyPattern | undefined, state: SearchState) {
    this.ui = ui;
    this.engine = engine;
    this.labels = labels;
    this.likelyPattern = likelyPattern;
    this.state = state;
    navigator.serviceWorker?.addEventListener('message', (event) => {
      if (event.data === INDEX_NOT_STORED) this.indexNotStored = true;
    });
  }

  /** Runs the search with `change` made; `firstPage` shows only the first page of results again, as a new query does. */
  change(change: Partial<SearchState>, { pushHistory, firstPage }: { pushHistory: boolean; firstPage: boolean }): void {
    this.state = { ...this.state, ...change };
    if (firstPage) this.shown = PAGE_SIZE;
    void this.run(pushHistory);
  }

  showMore(): void {
    this.shown += PAGE_SIZE;
    void this.run(false);
  }

  /** `pushHistory` for a change the Back button should undo; typing only replaces the entry. */
  async run(pushHistory: boolean): Promise<void> {
    const isCurrent = this.supersedeEarlierRuns();
    recordInUrl(this.state, pushHistory);
    if (!this.state.q.trim() && !hasFilters(this.state)) return showIdle(this.ui, this.labels, this.state);
    const started = performance.now();
    this.indexNotStored = false;
    const outcome = await this.searchAndDraw(isCurrent);
    if (!outcome) return;
    this.showStatus(outcome, performance.now() - started);
    const membership = await this.engine.membership();
    if (isCurrent()) renderFilters(this.ui, this.labels, this.state, countFacets(outcome.unfiltered.map((h) => h.id), membership));
    announceSearchSettled();
  }

  /** Whether a run is still the latest, asked after each wait: a newer one owns the page. */
  private supersedeEarlierRuns(): () => boolean {
    const mine = ++this.generation;
    return () => mine === this.generation;
  }

  /** The outcome, its results drawn; nothing once a newer run has started. */
  private async searchAndDraw(isCurrent: () => boolean): Promise<SearchOutcome | undefined> {
    const { q, filters, sort } = this.state;
    const draw = resultDrawer(this.ui, this.engine, q, this.shown, this.likelyPattern(q), isCurrent);
    const outcome = await this.engine.search(q, filters, sort, draw);
    if (!isCurrent()) return undefined;
    await draw(outcome);
    return isCurrent() ? outcome : undefined;
  }

  private showStatus(outcome: SearchOutcome, ms: number): void {
    const n = outcome.found.length;
    this.ui.status.textContent = this.indexNotStored ? incompleteText(n) : statusText(outcome, this.shown, ms);
    this.ui.empty.hidden = n > 0;
    this.ui.more.hidden = n <= this.shown;
  }
}

/** The URL holds the search, so a link or a reload shows the same. */
function recordInUrl(state: SearchState, pushHistory: boolean): void {
  const url = `${location.pathname}${serializeSearchState(state)}`;
  if (url !== `${location.pathname}${location.search}`) history[pushHistory ? 'pushState' : 'replaceState'](null, '', url);
}

function showIdle(ui: SearchPageElements, labels: FacetLabels, state: SearchState): void {
  ui.results.replaceChildren();
  ui.status.textContent = 'Type what you see: a symptom, an error message or an alert name.';
  ui.empty.hidden = true;
  ui.more.hidden = true;
  ui.likelyPattern.hidden = true;
  renderFilters(ui, labels, state, null);
}

/**
 * Draws one search's results: its selective preview, then its final ranking. Each result's item
 * is made once, so what both drawings show is not fetched or rendered twice.
 */
function resultDrawer(ui: SearchPageElements, engine: SearchEngine, q: string, shown: number, likely: LikelyPattern | undefined, isCurrent: () => boolean) {
  const items = new Map<string, Promise<HTMLElement>>();
  const itemFor = (hit: FoundIncident, words: readonly string[]) => {
    let item = items.get(hit.id);
    if (!item) items.set(hit.id, (item = engine.data(hit.result!).then((data) => renderResult(data, words))));
    return item;
  };
  const typed = shapeQuery(q).terms.map((t) => t.text);
  return (outcome: SearchOutcome) => {
    const words = [...typed, ...outcome.corrected.flatMap((c) => c.searched)];
    return drawResults(ui, outcome.found.slice(0, shown).map((hit) => itemFor(hit, words)), likely, isCurrent);
  };
}

/**
 * Draws result items in order, each as soon as it and those above it are ready, so the first
 * result does not wait for the tenth's data. Items already on screen in the same place stay.
 */
async function drawResults(ui: SearchPageElements, items: readonly Promise<HTMLElement>[], likely: LikelyPattern | undefined, isCurrent: () => boolean): Promise<void> {
  let drawn = 0;
  for (const pending of items) {
    const item = await pending;
    if (!isCurrent()) return;
    if (drawn === 0) showLikelyPattern(ui, likely);
    if (ui.results.children[drawn] !== item) ui.results.insertBefore(item, ui.results.children[drawn] ?? null);
    drawn++;
  }
  if (drawn === 0) showLikelyPattern(ui, likely);
  while (ui.results.children.length > drawn) ui.results.lastElementChild!.remove();
}

/** Drawn with the first result, never after it, so the result a responder reaches for does not move. */
function showLikelyPattern(ui: SearchPageElements, likely: LikelyPattern | undefined): void {
  ui.likelyPattern.replaceChildren(...(likely ? renderLikelyPattern(likely) : []));
  ui.likelyPattern.hidden = !likely;
}

const MAX_VALUES = 12;

function renderFilters(ui: SearchPageElements, labels: FacetLabels, state: SearchState, counts: ReturnType<typeof countFacets> | null): void {
  if (!counts) {
    ui.filters.replaceChildren();
    return;
  }
  const groups = SEARCH_FACETS.map((facet) => {
    const entries = [...counts[facet]].sort((a, b) => (facet === 'year' ? b[0].localeCompare(a[0]) : b[1] - a[1] || a[0].localeCompare(b[0])));
    for (const value of state.filters[facet]) if (!counts[facet].has(value)) entries.unshift([value, 0]);
    if (entries.length === 0) return null;
    const fieldset = document.createElement('fieldset');
    const legend = document.createElement('legend');
    legend.textContent = FACET_NAMES[facet];
    fieldset.append(legend);
    const label = (value: string) => labels[facet]?.[value] ?? value;
    const boxes = entries.map(([value, count], i) => {
      const wrapper = document.createElement('label');
      const box = Object.assign(document.createElement('input'), { type: 'checkbox', name: facet, value, checked: state.filters[facet].includes(value) });
      wrapper.append(box, ` ${label(value)} `, Object.assign(document.createElement('span'), { className: 'count', textContent: `(${count})` }));
      if (i >= MAX_VALUES && !box.checked) wrapper.dataset.overflow = '';
      return wrapper;
    });
    const visible = boxes.filter((b) => !('overflow' in b.dataset));
    const hidden = boxes.filter((b) => 'overflow' in b.dataset);
    fieldset.append(...visible);
    if (hidden.length > 0) {
      const more = document.createElement('details');
      const summary = document.createElement('summary');
      summary.textContent = `${hidden.length} more`;
      more.append(summary, ...hidden);
      fieldset.append(more);
    }
    return fieldset;
  }).filter((group): group is HTMLFieldSetElement => group !== null);
  // Re-rendering replaces the checkboxes; keep a keyboard user's place.
  const focused = ui.filters.contains(document.activeElement) ? (document.activeElement as HTMLInputElement) : null;
  ui.filters.replaceChildren(...groups);
  if (focused?.name) {
    ui.filters.querySelector<HTMLInputElement>(`input[name="${CSS.escape(focused.name)}"][value="${CSS.escape(focused.value)}"]`)?.focus();
  }
}
