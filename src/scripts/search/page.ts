/**
 * The /search/ page: reads the search from the URL, keeps the URL in sync as the responder types
 * or filters, renders ranked results and filters with counts.
 */
import { SEARCH_FACETS, type SearchFacet } from '../../lib/search/index-record';
import { countFacets } from '../../lib/search/facets';
import { shapeQuery } from '../../lib/search/query';
import { hasFilters, parseSearchState, serializeSearchState, toSort, type SearchState } from '../../lib/search/url-state';
import { HINTS_ELEMENT_ID, parseIndexHints } from '../../lib/search/index-hints';
import { INDEX_MISSING, SearchEngine } from './engine';
import { patternMatcher, type LikelyPattern, type PatternClues } from '../../lib/search/likely-pattern';
import { renderLikelyPattern, renderResult } from './render';

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
    throw error;
  }
  // Words typed while the script and the index were loading win over the URL's.
  state = { ...state, q: ui.input.value };
  let generation = 0;
  let shown = PAGE_SIZE;

  const run = async (pushHistory: boolean) => {
    const mine = ++generation;
    const url = `${location.pathname}${serializeSearchState(state)}`;
    if (url !== `${location.pathname}${location.search}`) history[pushHistory ? 'pushState' : 'replaceState'](null, '', url);
    if (!state.q.trim() && !hasFilters(state)) {
      ui.results.replaceChildren();
      ui.status.textContent = 'Type what you see: a symptom, an error message or an alert name.';
      ui.empty.hidden = true;
      ui.more.hidden = true;
      ui.likelyPattern.hidden = true;
      renderFilters(ui, labels, state, null);
      return;
    }
    const started = performance.now();
    const outcome = await engine.search(state.q, state.filters, state.sort);
    if (mine !== generation) return;
    const words = [...shapeQuery(state.q).terms.map((t) => t.text), ...outcome.corrected.flatMap((c) => c.searched)];
    const page = outcome.found.slice(0, shown);
    // Each result's data is fetched at once; each is drawn as soon as it and those above it have
    // arrived, so the first result does not wait for the tenth.
    const pending = page.map((hit) => engine.data(hit.result!));
    const likely = likelyPattern(state.q);
    let drawn = 0;
    for (const data of pending) {
      const item = renderResult(await data, words);
      if (mine !== generation) return;
      if (drawn++ === 0) {
        showLikelyPattern(ui, likely);
        ui.results.replaceChildren(item);
      } else ui.results.append(item);
    }
    if (drawn === 0) {
      showLikelyPattern(ui, likely);
      ui.results.replaceChildren();
    }
    const n = outcome.found.length;
    const spelling = outcome.corrected.map((c) => ` “${c.typed}” matched nothing, so ${c.searched.map((w) => `“${w}”`).join(' and ')} ${c.searched.length === 1 ? 'was' : 'were'} searched.`).join('');
    ui.status.textContent = (n === 0 ? 'No incident matches.' : `${n} incident${n === 1 ? '' : 's'} found in ${Math.round(performance.now() - started)} ms${n > page.length ? `, showing the best ${page.length}` : ''}.`) + spelling;
    ui.empty.hidden = n > 0;
    ui.more.hidden = n <= page.length;
    const membership = await engine.membership();
    if (mine !== generation) return;
    renderFilters(ui, labels, state, countFacets(outcome.unfiltered.map((h) => h.id), membership));
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

/** Drawn with the first result, never after it, so the result a responder reaches for does not move. */
function showLikelyPattern(ui: SearchPageElements, likely: LikelyPattern | undefined): void {
  ui.likelyPattern.replaceChildren(...(likely ? renderLikelyPattern(likely) : []));
  ui.likelyPattern.hidden = !likely;
}

const MAX_VALUES = 12;

type FacetLabels = Partial<Record<SearchFacet, Record<string, string>>>;

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
