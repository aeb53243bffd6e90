/**
 * The /search/ page: reads the search from the URL, keeps the URL in sync as the responder types
 * or filters, renders ranked results and filters with counts.
 */
import { SEARCH_FACETS, type SearchFacet } from '../../lib/search/index-record';
import { countFacets } from '../../lib/search/facets';
import { shapeQuery } from '../../lib/search/query';
import { hasFilters, parseSearchState, serializeSearchState, toSort, type SearchState } from '../../lib/search/url-state';
import { HINTS_ELEMENT_ID, parseIndexHints } from '../../lib/search/index-hints';
import { INDEX_MISSING, SearchEngine, type FoundIncident, type SearchOutcome } from './engine';
import { patternMatcher, type LikelyPattern, type PatternClues } from '../../lib/search/likely-pattern';
import { incompleteText, renderLikelyPattern, renderResult, statusText } from './render';
import { INDEX_NOT_STORED } from '../../lib/offline/worker-config';
import { announceSearchSettled } from '../offline/quiet';

/** Each result loads its own data file; ten fill a screen and keep a cold search's bytes near the floor. */
const PAGE_SIZE = 10;
const TYPING_PAUSE_MS = 120;

export interface SearchPageElements {
  form: HTMLFormElement;
  /** A textarea: pasted logs keep their lines, which tell error lines from the rest. */
  input: HTMLTextAreaElement;
  sort: HTMLSelectElement;
  filters: HTMLElement;
  status: HTMLElement;
  results: HTMLOListElement;
  empty: HTMLElement;
  more: HTMLButtonElement;
  likelyPattern: HTMLElement;
  /** Every failure pattern: titles name the pattern filter's values, clues feed the likely-pattern panel. */
  patterns: PatternClues[];
}

type FacetLabels = Partial<Record<SearchFacet, Record<string, string>>>;

const FACET_NAMES: Record<SearchFacet, string> = {
  pattern: 'Pattern',
  service: 'Service',
  impact: 'Impact',
  year: 'Year',
  organization: 'Organization',
};

export async function mountSearchPage(ui: SearchPageElements): Promise<void> {
  // The index loads first; preparing the pattern clues is work for the main thread while it does.
  const loading = SearchEngine.load(parseIndexHints(document.getElementById(HINTS_ELEMENT_ID)?.textContent));
  const labels = { pattern: Object.fromEntries(ui.patterns.map((p) => [p.id, p.title])) };
  const likelyPattern = patternMatcher(ui.patterns);
  let state = parseSearchState(location.search);
  if (!ui.input.value) ui.input.value = state.q;
  ui.sort.value = state.sort;
  ui.status.textContent = 'Loading the search index…';
  let engine: SearchEngine;
  try {
    engine = await loading;
  } catch (error) {
    ui.status.textContent = `${INDEX_MISSING} Meanwhile, browse by pattern below.`;
    ui.empty.hidden = false;
    announceSearchSettled();
    throw error;
  }
  // Words typed while the script and the index were loading win over the URL's.
  state = { ...state, q: ui.input.value };
  let generation = 0;
  let shown = PAGE_SIZE;
  // Offline, a part of the index this device never stored reads to Pagefind as no match; the
  // service worker says so (src/client/offline/sw.ts), and the answer is then called incomplete.
  let indexNotStored = false;
  navigator.serviceWorker?.addEventListener('message', (event) => {
    if (event.data === INDEX_NOT_STORED) indexNotStored = true;
  });

  const run = async (pushHistory: boolean) => {
    const mine = ++generation;
    const isCurrent = () => mine === generation;
    const url = `${location.pathname}${serializeSearchState(state)}`;
    if (url !== `${location.pathname}${location.search}`) history[pushHistory ? 'pushState' : 'replaceState'](null, '', url);
    if (!state.q.trim() && !hasFilters(state)) return showIdle(ui, labels, state);
    const started = performance.now();
    indexNotStored = false;
    const draw = resultDrawer(ui, engine, state.q, shown, likelyPattern(state.q), isCurrent);
    const outcome = await engine.search(state.q, state.filters, state.sort, draw);
    if (!isCurrent()) return;
    await draw(outcome);
    if (!isCurrent()) return;
    const n = outcome.found.length;
    ui.status.textContent = indexNotStored ? incompleteText(n) : statusText(outcome, shown, performance.now() - started);
    ui.empty.hidden = n > 0;
    ui.more.hidden = n <= shown;
    const membership = await engine.membership();
    if (isCurrent()) renderFilters(ui, labels, state, countFacets(outcome.unfiltered.map((h) => h.id), membership));
    announceSearchSettled();
  };

  let timer: ReturnType<typeof setTimeout> | undefined;
  ui.input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      state = { ...state, q: ui.input.value };
      shown = PAGE_SIZE;
      void run(false);
    }, TYPING_PAUSE_MS);
  });
  ui.input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      ui.form.requestSubmit();
    }
  });
  ui.form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(timer);
    state = { ...state, q: ui.input.value };
    shown = PAGE_SIZE;
    void run(true);
  });
  ui.sort.addEventListener('change', () => {
    state = { ...state, sort: toSort(ui.sort.value) };
    void run(true);
  });
  ui.more.addEventListener('click', () => {
    shown += PAGE_SIZE;
    void run(false);
  });
  ui.filters.addEventListener('change', (event) => {
    const box = event.target as HTMLInputElement;
    const facet = box.name as SearchFacet;
    const values = new Set(state.filters[facet]);
    if (box.checked) values.add(box.value);
    else values.delete(box.value);
    state = { ...state, filters: { ...state.filters, [facet]: [...values] } };
    void run(true);
  });
  addEventListener('popstate', () => {
    state = parseSearchState(location.search);
    ui.input.value = state.q;
    ui.sort.value = state.sort;
    shown = PAGE_SIZE;
    void run(false);
  });
  await run(false);
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
