/**
 * The search box in every page's header. This code loads on first focus; the search index
 * engine (Pagefind) only on the first keystroke, so focusing costs a few kilobytes. Shows the
 * best matches as the responder types; Enter opens the full search page; arrow keys move
 * through the matches.
 */
import { shapeQuery } from '../../lib/search/query';
import { searchHref } from '../../lib/site-paths';
import { emptyFilters } from '../../lib/search/url-state';
import { INDEX_MISSING, SearchEngine } from './engine';

const SUGGESTIONS = 5;
const TYPING_PAUSE_MS = 100;

export function mountSearchBox(form: HTMLFormElement): void {
  const input = form.querySelector<HTMLInputElement>('input[name="q"]')!;
  const panel = form.querySelector<HTMLElement>('[data-search-suggestions]')!;
  let engine: Promise<SearchEngine> | undefined;
  let generation = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const close = () => {
    // A search still in flight or waiting on the typing pause must not reopen the panel.
    clearTimeout(timer);
    generation++;
    panel.hidden = true;
    input.setAttribute('aria-expanded', 'false');
  };

  const update = async () => {
    const mine = ++generation;
    const text = input.value;
    if (shapeQuery(text).terms.length === 0) return close();
    let search: SearchEngine;
    try {
      search = await (engine ??= SearchEngine.load());
    } catch (error) {
      engine = undefined;
      panel.replaceChildren(Object.assign(document.createElement('p'), { textContent: INDEX_MISSING }));
      panel.hidden = false;
      throw error;
    }
    const { found } = await search.search(text, emptyFilters(), 'relevance');
    const top = await Promise.all(found.slice(0, SUGGESTIONS).map(async (hit) => search.data(hit.result!)));
    if (mine !== generation) return;
    const list = document.createElement('ul');
    list.setAttribute('data-search-results', '');
    for (const data of top) {
      const link = Object.assign(document.createElement('a'), { href: data.url, textContent: data.meta.title ?? data.url });
      const facts = Object.assign(document.createElement('span'), {
        className: 'muted',
        textContent: [data.meta.date, data.meta.impact].filter(Boolean).join(' · '),
      });
      const item = document.createElement('li');
      item.append(link, facts);
      list.append(item);
    }
    const all = Object.assign(document.createElement('a'), {
      href: searchHref(text),
      textContent: found.length === 0 ? 'No match yet: open the search page' : `All ${found.length} results →`,
      className: 'all-results',
    });
    panel.replaceChildren(list, all);
    panel.hidden = false;
    input.setAttribute('aria-expanded', 'true');
  };

  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => void update(), TYPING_PAUSE_MS);
  });
  form.addEventListener('keydown', (event) => {
    const links = [...panel.querySelectorAll<HTMLAnchorElement>('a')];
    const at = links.indexOf(document.activeElement as HTMLAnchorElement);
    if (event.key === 'Escape') {
      close();
      input.focus();
    } else if (event.key === 'ArrowDown' && !panel.hidden && links.length > 0) {
      event.preventDefault();
      links[Math.min(at + 1, links.length - 1)]!.focus();
    } else if (event.key === 'ArrowUp' && at >= 0) {
      event.preventDefault();
      (at === 0 ? input : links[at - 1]!).focus();
    }
  });
  form.addEventListener('focusout', (event) => {
    if (!form.contains(event.relatedTarget as Node | null)) close();
  });
  if (input.value) void update();
}
