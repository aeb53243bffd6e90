/**
 * The calendar's data, prepared from writeups: the incidents it draws and the ones it can only
 * list because their date is lost, the years it pages by, and the home strip's window.
 */
import { group, utcDay, utcFormat } from 'd3';
import { chronological, type CalendarItem, type DayWindow } from './layout';
import { formatIncidentDuration, type IncidentDuration } from '../duration';
import { calendarHref, incidentHref } from '../site-paths';
import type { Impact } from '../impact';
import { countByPattern, countByService, incidentDuration, type IncidentLike } from '../incidents';
import { formatUtc, isKnown, knowsDay, type KnownTime } from '../time-point';

/** What the calendar can highlight: the incidents of one pattern, or of one service. */
export type Facet = 'pattern' | 'service';
export const FACETS: readonly Facet[] = ['pattern', 'service'];

export interface CalendarEntry extends CalendarItem {
  href: string;
  title: string;
  patterns: readonly string[];
  services: readonly string[];
  /** UTC month 1–12 the incident started in; null when only the year is known. */
  month: number | null;
  /** Accessible name and tooltip: the title, then a line with date, duration and impact. */
  label: string;
}

export interface UndatedEntry {
  href: string;
  title: string;
  patterns: readonly string[];
}

export interface CalendarYear {
  year: number;
  href: string;
  count: number;
  /** Incidents per pattern id in this year, for the highlight's counts. */
  patterns: Map<string, number>;
  /** Incidents per service in this year, for the highlight's counts. */
  services: Map<string, number>;
}

export interface Calendar {
  /** Dated incidents, oldest first. */
  entries: CalendarEntry[];
  /** Incidents whose date is lost, listed beside the calendar. */
  undated: UndatedEntry[];
  /** Years with incidents, newest first; the newest is the calendar's front page. */
  years: CalendarYear[];
  /** Dated incidents per pattern id. */
  patterns: Map<string, number>;
  /** Dated incidents per service. */
  services: Map<string, number>;
}

/** Days in the home page's trailing strip. */
export const TRAILING_DAYS = 14;

const IMPRECISION_NOTE: Partial<Record<KnownTime['precision'], string>> = {
  month: ' (day not known)',
  year: ' (month not known)',
};

function label(title: string, start: KnownTime, duration: IncidentDuration, impact: Impact): string {
  const date = `${formatUtc(start)}${IMPRECISION_NOTE[start.precision] ?? ''}`;
  const lasted = duration.kind === 'unknown' ? 'duration unknown' : `lasted ${formatIncidentDuration(duration)}`;
  return `${title}\n${date} · ${lasted} · impact ${impact}`;
}

const yearOf = (time: KnownTime) => new Date(time.start).getUTCFullYear();

/** The calendar's data from the published incidents. */
export function buildCalendar(incidents: readonly IncidentLike[]): Calendar {
  const dated = incidents.flatMap((incident) => (isKnown(incident.data.started) ? [{ incident, start: incident.data.started }] : []));
  const entries = dated.map(({ incident: { id, data }, start }) => {
    const duration = incidentDuration(data);
    return {
      slug: id,
      href: incidentHref(id),
      title: data.title,
      start,
      duration,
      impact: data.impact,
      patterns: data.patterns,
      services: data.services,
      month: start.precision === 'year' ? null : new Date(start.start).getUTCMonth() + 1,
      label: label(data.title, start, duration, data.impact),
    };
  });
  const undated = incidents
    .filter(({ data }) => !isKnown(data.started))
    .map(({ id, data }) => ({ href: incidentHref(id), title: data.title, patterns: data.patterns }));
  const byYear = group(dated, ({ start }) => yearOf(start));
  const newest = Math.max(...byYear.keys());
  return {
    entries: entries.sort(chronological),
    undated: undated.sort((a, b) => a.title.localeCompare(b.title)),
    years: [...byYear]
      .sort(([a], [b]) => b - a)
      .map(([year, ofYear]) => ({
        year,
        href: calendarHref(year, newest),
        count: ofYear.length,
        patterns: countByPattern(ofYear.map(({ incident }) => incident)),
        services: countByService(ofYear.map(({ incident }) => incident)),
      })),
    patterns: countByPattern(dated.map(({ incident }) => incident)),
    services: countByService(dated.map(({ incident }) => incident)),
  };
}

/** The dated entries of one year. */
export function entriesOfYear(calendar: Calendar, year: number): CalendarEntry[] {
  return calendar.entries.filter((entry) => yearOf(entry.start) === year);
}

/**
 * The home strip's window of whole UTC days. While the data is live (an incident on one of the
 * last `days` days, or later) it ends today; otherwise on the newest day with an incident, so a
 * historical corpus still shows its last two weeks of trouble. Dates without a day never count.
 */
export function trailingWindow(entries: readonly CalendarItem[], now: number, days = TRAILING_DAYS): DayWindow & { live: boolean } {
  const today = +utcDay.floor(new Date(now));
  const dayStarts = entries.filter((entry) => knowsDay(entry.start)).map((entry) => +utcDay.floor(new Date(entry.start.start)));
  const newest = dayStarts.length > 0 ? Math.max(...dayStarts) : undefined;
  const live = newest === undefined || newest > +utcDay.offset(new Date(today), -days);
  const last = live ? Math.max(today, newest ?? today) : newest!;
  return { start: +utcDay.offset(new Date(last), 1 - days), days, live };
}

const fullDate = utcFormat('%-d %b %Y');

/** The window's first and last day for reading: `3 Jan 2025 – 16 Jan 2025`. */
export function windowText(window: DayWindow): string {
  const first = new Date(window.start);
  return `${fullDate(first)} – ${fullDate(utcDay.offset(first, window.days - 1))}`;
}

/**
 * One pattern's share of the calendar, for its page: the years it occurred in, oldest first,
 * each linking to that year's calendar filtered to the pattern; its dated entries; and how many
 * of its incidents have no date.
 */
export function patternCalendar(calendar: Calendar, patternId: string) {
  const has = (entry: { patterns: readonly string[] }) => entry.patterns.includes(patternId);
  return {
    years: calendar.years
      .filter((year) => year.patterns.has(patternId))
      .map((year) => ({ year: year.year, href: `${year.href}?pattern=${encodeURIComponent(patternId)}` }))
      .reverse(),
    entries: calendar.entries.filter(has),
    undated: calendar.undated.filter(has).length,
  };
}

export interface FacetOption {
  id: string;
  title: string;
  count: number;
}

/**
 * What a highlight offers: the patterns (by title) or services (by name) of at least one dated
 * incident, with their counts. A service is named by its slug; titles are for patterns.
 */
export function facetOptions(calendar: Calendar, facet: Facet, titles: ReadonlyMap<string, string> = new Map()): FacetOption[] {
  return [...(facet === 'pattern' ? calendar.patterns : calendar.services)]
    .map(([id, count]) => ({ id, title: titles.get(id) ?? id, count }))
    .sort((a, b) => a.title.localeCompare(b.title));
}
