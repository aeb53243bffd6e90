/**
 * The calendar page's one script (bundled and deferred by Astro, loaded on calendar pages only).
 * The SVG and its links work without it; it adds a tooltip on hover and focus, arrow-key
 * movement between boxes, and the pattern filter (`?pattern=<id>`).
 */
import {
  monthlyRecurrence,
  nearestInDirection,
  parsePatternCounts,
  type BoxRect,
  type Direction,
} from '../../lib/calendar-navigation';

const KEYS: Record<string, Direction> = { ArrowLeft: 'left', ArrowRight: 'right', ArrowUp: 'up', ArrowDown: 'down' };
const MONTHS = Array.from({ length: 12 }, (_, month) =>
  new Date(Date.UTC(2000, month, 1)).toLocaleString('en', { month: 'short', timeZone: 'UTC' }),
);

interface Box {
  link: SVGAElement;
  rect: BoxRect;
  title: string;
  details: string;
  month: number | null;
  patterns: string[];
}

function readBoxes(svg: SVGSVGElement): Box[] {
  return [...svg.querySelectorAll<SVGAElement>('a')].map((link) => {
    const title = link.querySelector('title')!;
    const [name = '', details = ''] = (title.textContent ?? '').split('\n');
    // Our tooltip replaces the native one; the text stays the link's accessible name.
    link.setAttribute('aria-label', `${name}, ${details}`);
    title.remove();
    const rect = link.querySelector('rect')!;
    const number = (attribute: string) => Number(rect.getAttribute(attribute));
    return {
      link,
      rect: { x: number('x'), y: number('y'), w: number('width'), h: number('height') },
      title: name,
      details,
      month: link.dataset.month ? Number(link.dataset.month) : null,
      patterns: (link.dataset.patterns ?? '').split(' '),
    };
  });
}

function setUp(figure: HTMLElement): void {
  const svg = figure.querySelector<SVGSVGElement>('svg[data-calendar]')!;
  const tip = figure.querySelector<HTMLElement>('.cal-tip')!;
  const boxes = readBoxes(svg);
  let active = boxes;

  const showTip = (box: Box) => {
    const [strong, line] = [document.createElement('strong'), document.createElement('span')];
    strong.textContent = box.title;
    line.textContent = box.details;
    tip.replaceChildren(strong, line);
    const at = box.link.getBoundingClientRect();
    const frame = figure.getBoundingClientRect();
    tip.style.left = `${at.left - frame.left + at.width / 2}px`;
    tip.style.top = `${at.bottom - frame.top + 6}px`;
    tip.hidden = false;
  };
  const hideTip = () => (tip.hidden = true);

  // One tab stop for the whole picture; arrow keys move inside it (roving tabindex).
  const focusable = (box: Box | undefined) => {
    for (const other of boxes) other.link.setAttribute('tabindex', other === box ? '0' : '-1');
  };
  focusable(boxes[0]);

  for (const box of boxes) {
    box.link.addEventListener('mouseenter', () => showTip(box));
    box.link.addEventListener('mouseleave', hideTip);
    box.link.addEventListener('focus', () => {
      focusable(box);
      showTip(box);
    });
    box.link.addEventListener('blur', hideTip);
  }

  svg.addEventListener('keydown', (event) => {
    const from = active.findIndex((box) => box.link === document.activeElement);
    let to: number | null = null;
    if (event.key in KEYS && from !== -1) {
      to = nearestInDirection(active.map((box) => box.rect), from, KEYS[event.key]!);
    } else if (event.key === 'Home' || event.key === 'End') {
      to = event.key === 'Home' ? 0 : active.length - 1;
    } else if (event.key === 'Escape') {
      hideTip();
      return;
    } else {
      return;
    }
    event.preventDefault();
    if (to !== null) active[to]?.link.focus();
  });

  const form = document.querySelector<HTMLFormElement>('[data-calendar-filter]');
  const select = form?.querySelector('select');
  if (!form || !select) return;
  const recurrence = document.querySelector<HTMLElement>('[data-calendar-recurrence]')!;
  const yearLinks = [...document.querySelectorAll<HTMLAnchorElement>('.cal-years a[data-patterns]')];
  const totals = new Map(yearLinks.map((link) => [link, link.querySelector('.count')!.textContent]));

  const apply = (pattern: string) => {
    const url = new URL(location.href);
    if (pattern) url.searchParams.set('pattern', pattern);
    else url.searchParams.delete('pattern');
    history.replaceState(null, '', url);

    for (const box of boxes) box.link.classList.toggle('match', pattern !== '' && box.patterns.includes(pattern));
    if (pattern) svg.dataset.filter = pattern;
    else delete svg.dataset.filter;
    active = pattern ? boxes.filter((box) => box.patterns.includes(pattern)) : boxes;
    focusable(active[0]);

    for (const link of yearLinks) {
      const target = new URL(link.href);
      if (pattern) target.searchParams.set('pattern', pattern);
      else target.searchParams.delete('pattern');
      link.href = target.pathname + target.search;
      const count = pattern ? `(${parsePatternCounts(link.dataset.patterns ?? '').get(pattern) ?? 0})` : totals.get(link)!;
      link.querySelector('.count')!.textContent = count;
    }
    showRecurrence(pattern);
  };

  const showRecurrence = (pattern: string) => {
    recurrence.hidden = pattern === '';
    if (!pattern) return;
    const { months, unplaced } = monthlyRecurrence(boxes, pattern);
    const total = months.reduce((sum, n) => sum + n, unplaced);
    const name = select.selectedOptions[0]?.text.replace(/ \(\d+\)$/, '') ?? pattern;
    recurrence.querySelector('h2')!.textContent = `${name} in ${figure.dataset.year}: ${total} incident${total === 1 ? '' : 's'}, by month`;
    const items = months.map((count, month) => [MONTHS[month]!, count] as const);
    if (unplaced > 0) items.push(['month not known', unplaced]);
    recurrence.querySelector('ol')!.replaceChildren(
      ...items.map(([label, count]) => {
        const item = document.createElement('li');
        item.style.setProperty('--n', String(count));
        item.textContent = `${label} ${count}`;
        return item;
      }),
    );
  };

  select.addEventListener('change', () => apply(select.value));
  const requested = new URL(location.href).searchParams.get('pattern') ?? '';
  if ([...select.options].some((option) => option.value === requested && requested !== '')) {
    select.value = requested;
    apply(requested);
  }
  form.hidden = false;
}

for (const figure of document.querySelectorAll<HTMLElement>('[data-calendar-figure]')) setUp(figure);
