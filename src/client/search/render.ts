/** DOM for search results. Text goes in as textContent, so indexed content cannot inject markup. */
import { excerpt, wordMatches } from '../../lib/search/excerpt';
import { META_LIST_SEPARATOR } from '../../lib/search/index-record';
import { patternHref } from '../../lib/site-paths';
import type { LikelyPattern } from '../../lib/search/likely-pattern';
import type { PagefindData } from './pagefind-types';
import type { SearchOutcome } from './engine';

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}

function list(value: string | undefined): string[] {
  return value ? value.split(META_LIST_SEPARATOR).filter(Boolean) : [];
}

/** The section whose excerpt mentions the most matched words, when it is not the page top. */
function bestSection(data: PagefindData, words: readonly string[]) {
  let best: { title: string; url: string } | undefined;
  let bestCount = 0;
  for (const sub of data.sub_results) {
    if (!sub.url.includes('#')) continue;
    const text = sub.excerpt.replace(/<[^>]*>/g, ' ');
    const count = new Set(text.split(/\W+/).filter((w) => w && wordMatches(w, words)).map((w) => w.toLowerCase())).size;
    if (count > bestCount) {
      bestCount = count;
      best = sub;
    }
  }
  return best;
}

export function renderResult(data: PagefindData, words: readonly string[], headingLevel: 'h2' | 'h3' = 'h2'): HTMLElement {
  const { meta } = data;
  const title = meta.title ?? data.url;
  const facts = el('p', { className: 'facts' });
  if (meta.datetime) facts.append(el('time', { dateTime: meta.datetime }, meta.date ?? meta.datetime));
  else facts.append(el('span', {}, 'date unknown'));
  if (meta.duration) facts.append(el('span', {}, meta.duration === 'unknown' ? 'duration unknown' : meta.duration));
  if (meta.impact) facts.append(el('span', { className: `impact impact-${meta.impact}` }, meta.impact));
  const ids = list(meta.pattern_ids);
  const titles = list(meta.patterns);
  const patterns = el('ul', { className: 'tags' });
  patterns.setAttribute('aria-label', `Patterns of ${title}`);
  ids.forEach((id, i) => patterns.append(el('li', {}, el('a', { href: patternHref(id) }, titles[i] ?? id))));

  const summary = el('p', { className: 'excerpt' });
  for (const segment of excerpt(data.content, words)) summary.append(segment.mark ? el('mark', {}, segment.text) : segment.text);

  const article = el('article', {}, el(headingLevel, {}, el('a', { href: data.url }, title)), facts, summary);
  const section = bestSection(data, words);
  if (section) article.append(el('p', { className: 'section-link' }, el('a', { href: section.url }, `Jump to “${section.title}”`)));
  article.append(patterns);
  return el('li', {}, article);
}

/** Mitigations shown in the panel; the rest are one link away, so the first result stays in view on a phone. */
const MITIGATIONS_SHOWN = 2;

/** The likely-pattern panel's content: the pattern, why it was named, and what to try. */
export function renderLikelyPattern(likely: LikelyPattern): HTMLElement[] {
  const href = patternHref(likely.id);
  const why = likely.matchedSignals[0] ? `Matches its signal “${likely.matchedSignals[0]}”` : `You named it: “${likely.namedAs}”`;
  const more = likely.mitigations.length - MITIGATIONS_SHOWN;
  return [
    el('h2', {}, 'Looks like ', el('a', { href }, likely.title)),
    el('p', { className: 'why' }, why),
    el('p', { className: 'try-heading' }, 'What worked before:'),
    el('ul', { className: 'mitigations' }, ...likely.mitigations.slice(0, MITIGATIONS_SHOWN).map((m) => el('li', {}, m))),
    el('p', { className: 'more' }, el('a', { href }, more > 0 ? `${more} more, the signals and every incident with this pattern →` : 'The signals and every incident with this pattern →')),
  ];
}

/** The status line under the search box: how many, how fast, and which typed words were corrected. */
export function statusText(outcome: SearchOutcome, shown: number, ms: number): string {
  const n = outcome.found.length;
  const count = n === 0 ? 'No incident matches.' : `${n} incident${n === 1 ? '' : 's'} found in ${Math.round(ms)} ms${n > shown ? `, showing the best ${shown}` : ''}.`;
  const spelling = outcome.corrected.map((c) => ` “${c.typed}” matched nothing, so ${c.searched.map((w) => `“${w}”`).join(' and ')} ${c.searched.length === 1 ? 'was' : 'were'} searched.`);
  return count + spelling.join('');
}

/** What an answer from an index this device holds only part of can honestly say. */
export function incompleteText(found: number): string {
  const stored = 'This device is offline and has not stored the whole search index';
  const save = 'Save for offline, at the foot of any page, stores it once you are back online.';
  return found === 0
    ? `${stored}, so this search cannot tell whether any incident matches. ${save}`
    : `${found} incident${found === 1 ? '' : 's'} found, but ${stored.charAt(0).toLowerCase()}${stored.slice(1)}, so some matches may be missing. ${save}`;
}
