/**
 * The /search/ page: reads the search from the URL, keeps the URL in sync as the responder types
 * or filters, renders ranked results and filters with counts (./search-session.ts).
 */
import type { SearchFacet } from '../../lib/search/index-record';
import { parseSearchState, toSort, type SearchState } from '../../lib/search/url-state';
import { HINTS_ELEMENT_ID, parseIndexHints } from '../../lib/search/index-hints';
import { patternMatcher, type PatternClues } from '../../lib/search/likely-pattern';
import { announceSearchSettled } from '../offline/quiet';
import { INDEX_MISSING, SearchEngine } from './engine';
import { SearchSession, type FacetLabels } from './search-session';

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

export async function mountSearchPage(ui: SearchPageElements): Promise<void> {
  // The index loads first; preparing the pattern clues is work for the main thread while it does.
  const loading = SearchEngine.load(parseIndexHints(document.getElementById(HINTS_ELEMENT_ID)?.textContent));
  const labels: FacetLabels = { pattern: Object.fromEntries(ui.patterns.map((p) => [p.id, p.title])) };
  const likelyPattern = patternMatcher(ui.patterns);
  const fromUrl = showSearchFromUrl(ui);
  const engine = await waitForIndex(ui, loading);
  // Words typed while the script and the index were loading win over the URL's.
  const session = new SearchSession(ui, engine, labels, likelyPattern, { ...fromUrl, q: ui.input.value });
  listenToTyping(ui, session);
  listenToControls(ui, session);
  listenToHistory(ui, session);
  await session.run(false);
}

/** The URL's search in the form, unless words were typed before the script ran. */
function showSearchFromUrl(ui: SearchPageElements): SearchState {
  const state = parseSearchState(location.search);
  if (!ui.input.value) ui.input.value = state.q;
  ui.sort.value = state.sort;
  return state;
}

/** Says the index is loading; without one, says so, points to browsing by pattern and gives up. */
async function waitForIndex(ui: SearchPageElements, loading: Promise<SearchEngine>): Promise<SearchEngine> {
  ui.status.textContent = 'Loading the search index…';
  try {
    return await loading;
  } catch (error) {
    ui.status.textContent = `${INDEX_MISSING} Meanwhile, browse by pattern below.`;
    ui.empty.hidden = false;
    announceSearchSettled();
    throw error;
  }
}

/** Searches after a pause in typing, at once on Enter or submit; Shift+Enter adds a line. */
function listenToTyping(ui: SearchPageElements, session: SearchSession): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  ui.input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => session.change({ q: ui.input.value }, { pushHistory: false, firstPage: true }), TYPING_PAUSE_MS);
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
    session.change({ q: ui.input.value }, { pushHistory: true, firstPage: true });
  });
}

function listenToControls(ui: SearchPageElements, session: SearchSession): void {
  ui.sort.addEventListener('change', () => session.change({ sort: toSort(ui.sort.value) }, { pushHistory: true, firstPage: false }));
  ui.more.addEventListener('click', () => session.showMore());
  ui.filters.addEventListener('change', (event) => {
    const filters = toggled(session.state.filters, event.target as HTMLInputElement);
    session.change({ filters }, { pushHistory: true, firstPage: false });
  });
}

/** The filters with one checkbox's value added or removed, as the box now says. */
function toggled(filters: SearchState['filters'], box: HTMLInputElement): SearchState['filters'] {
  const facet = box.name as SearchFacet;
  const values = new Set(filters[facet]);
  if (box.checked) values.add(box.value);
  else values.delete(box.value);
  return { ...filters, [facet]: [...values] };
}

/** Back and Forward show the search their URL holds. */
function listenToHistory(ui: SearchPageElements, session: SearchSession): void {
  addEventListener('popstate', () => {
    const state = parseSearchState(location.search);
    ui.input.value = state.q;
    ui.sort.value = state.sort;
    session.change(state, { pushHistory: false, firstPage: true });
  });
}
