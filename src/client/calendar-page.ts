/**
 * The calendar page's one script (bundled and deferred by Astro, loaded on calendar pages only).
 * The SVG and its links work without it; it adds a tooltip on hover and focus, arrow-key
 * movement between boxes, and the highlight of one pattern or service (`?pattern=<id>`,
 * `?service=<slug>`).
 *
 * It listens on the picture, not on each of its hundreds of boxes, and touches a box only when
 * the reader does, so it adds nothing to the page's first paint.
 */
import { monthlyRecurrence, nearestInDirection, parseCounts, type Direction } from '../lib/calendar/navigation';
// Not Intl: its first use in a page costs more than the rest of this script.
import { MONTHS } from '../lib/time-point';

const KEYS: Record<string, Direction> = { ArrowLeft: 'left', ArrowRight: 'right', ArrowUp: 'up', ArrowDown: 'down' };

/** A box's pattern ids or services, from `data-patterns` / `data-services`. */
const valuesOf = (link: SVGAElement, facet: string) => (link.dataset[`${facet}s`] ?? '').split(' ');

function rectOf(link: SVGAElement) {
  const rect = link.querySelector('rect')!;
  const number = (attribute: string) => Number(rect.getAttribute(attribute));
  return { x: number('x'), y: number('y'), w: number('width'), h: number('height') };
}

function setUp(figure: HTMLElement): void {
  const svg = figure.querySelector<SVGSVGElement>('svg[data-calendar]')!;
  const tip = figure.querySelector<HTMLElement>('.cal-tip')!;
  const links = [...svg.querySelectorAll<SVGAElement>('a')];
  const tips = new WeakMap<SVGAElement, string[]>();
  /** The highlighted pattern id or service; '' for none. */
  let highlight = '';
  let tabStop: SVGAElement | undefined;

  const boxAt = (target: EventTarget | null) => (target instanceof Element ? target.closest<SVGAElement>('svg[data-calendar] a') : null);
  const active = () => (highlight ? links.filter((link) => link.classList.contains('match')) : links);

  // Our tooltip replaces the native one; the <title> text stays the link's accessible name.
  const tipLines = (link: SVGAElement) => {
    if (!tips.has(link)) {
      const title = link.querySelector('title');
      const lines = (title?.textContent ?? '').split('\n');
      link.setAttribute('aria-label', lines.join(', '));
      title?.remove();
      tips.set(link, lines);
    }
    return tips.get(link)!;
  };

  const showTip = (link: SVGAElement) => {
    const [name = '', details = ''] = tipLines(link);
    const [strong, line] = [document.createElement('strong'), document.createElement('span')];
    strong.textContent = name;
    line.textContent = details;
    tip.replaceChildren(strong, line);
    tip.hidden = false;
    const at = link.getBoundingClientRect();
    const frame = figure.getBoundingClientRect();
    // Centred under the box, but kept inside the figure near its edges.
    const half = tip.offsetWidth / 2;
    tip.style.left = `${Math.min(Math.max(at.left - frame.left + at.width / 2, half), frame.width - half)}px`;
    tip.style.top = `${at.bottom - frame.top + 6}px`;
  };
  const hideTip = () => (tip.hidden = true);

  // The picture is one tab stop; arrow keys move inside it (roving tabindex). Set up when focus
  // first arrives, so a reader who never tabs in costs nothing.
  // A filter may leave no box matching; the first box then stays the way in, never none.
  let roving = false;
  const makeTabStop = (link: SVGAElement | undefined) => {
    if (!roving) for (const other of links) other.tabIndex = -1;
    roving = true;
    if (tabStop) tabStop.tabIndex = -1;
    tabStop = link ?? links[0];
    if (tabStop) tabStop.tabIndex = 0;
  };

  svg.addEventListener('mouseover', (event) => {
    const link = boxAt(event.target);
    if (link) showTip(link);
  });
  svg.addEventListener('mouseout', (event) => {
    if (boxAt(event.target) !== boxAt(event.relatedTarget)) hideTip();
  });
  svg.addEventListener('focusin', (event) => {
    const link = boxAt(event.target);
    if (!link) return;
    makeTabStop(link);
    showTip(link);
  });
  svg.addEventListener('focusout', hideTip);
  svg.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') return hideTip();
    const boxes = active();
    const from = boxes.indexOf(boxAt(document.activeElement)!);
    let to: number | null;
    if (event.key in KEYS) {
      // From a box the filter left out, any arrow goes to the first box that matches.
      to = from === -1 ? 0 : nearestInDirection(boxes.map(rectOf), from, KEYS[event.key]!);
    } else if (event.key === 'Home' || event.key === 'End') {
      to = event.key === 'Home' ? 0 : boxes.length - 1;
    } else {
      return;
    }
    event.preventDefault();
    if (to !== null) boxes[to]?.focus();
  });

  const form = document.querySelector<HTMLFormElement>('[data-calendar-filter]');
  const selects = [...(form?.querySelectorAll<HTMLSelectElement>('select[name]') ?? [])];
  if (!form || selects.length === 0) return;
  const recurrence = document.querySelector<HTMLElement>('[data-calendar-recurrence]')!;
  const yearLinks = [...document.querySelectorAll<HTMLAnchorElement>('.cal-years a[data-patterns]')];
  const totals = new Map(yearLinks.map((link) => [link, link.querySelector('.count')!.textContent]));
  /** The highlighted facet's select, whose name (`pattern`, `service`) is also its URL parameter. */
  let chosen: HTMLSelectElement | undefined;

  const showRecurrence = () => {
    recurrence.hidden = !highlight;
    if (!highlight || !chosen) return;
    const entries = links.map((link) => ({ month: link.dataset.month ? Number(link.dataset.month) : null, values: valuesOf(link, chosen!.name) }));
    const { months, unplaced } = monthlyRecurrence(entries, highlight);
    const total = months.reduce((sum, n) => sum + n, unplaced);
    const name = chosen.selectedOptions[0]?.text.replace(/ \(\d+\)$/, '') ?? highlight;
    recurrence.querySelector('h2')!.textContent = `${name} in ${figure.dataset.year}: ${total} incident${total === 1 ? '' : 's'}, by month`;
    const items = months.map((count, month) => [MONTHS[month]!, count] as const);
    if (unplaced > 0) items.push(['month not known', unplaced]);
    // Bars are drawn relative to the busiest month, so 40 a month fits as well as 3.
    const busiest = Math.max(1, ...items.map(([, count]) => count));
    recurrence.querySelector('ol')!.replaceChildren(
      ...items.map(([label, count]) => {
        const item = document.createElement('li');
        item.style.setProperty('--share', String(count / busiest));
        item.textContent = `${label} ${count}`;
        return item;
      }),
    );
  };

  const withHighlight = (href: string) => {
    const url = new URL(href, location.href);
    for (const select of selects) url.searchParams.delete(select.name);
    if (highlight && chosen) url.searchParams.set(chosen.name, highlight);
    return url.pathname + url.search;
  };

  // One highlight at a time: picking a service clears the pattern, and the other way round.
  const apply = (select: HTMLSelectElement) => {
    for (const other of selects) if (other !== select) other.value = '';
    chosen = select.value ? select : undefined;
    highlight = select.value;
    history.replaceState(null, '', withHighlight(location.href));
    for (const link of links) link.classList.toggle('match', highlight !== '' && valuesOf(link, select.name).includes(highlight));
    if (highlight) svg.dataset.filter = highlight;
    else delete svg.dataset.filter;
    if (roving) makeTabStop(active()[0]);
    for (const link of yearLinks) {
      link.href = withHighlight(link.href);
      const counts = parseCounts(link.dataset[`${select.name}s`] ?? '');
      link.querySelector('.count')!.textContent = highlight ? `(${counts.get(highlight) ?? 0})` : totals.get(link)!;
    }
    showRecurrence();
  };

  const params = new URL(location.href).searchParams;
  for (const select of selects) {
    select.addEventListener('change', () => apply(select));
    const requested = params.get(select.name) ?? '';
    if (!chosen && requested && [...select.options].some((option) => option.value === requested)) {
      select.value = requested;
      apply(select);
    }
  }
  form.hidden = false;
}

for (const figure of document.querySelectorAll<HTMLElement>('[data-calendar-figure]')) setUp(figure);
