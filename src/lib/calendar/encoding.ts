/**
 * How the calendar draws one incident (the seed's "larger boxes are longer, darker boxes are
 * higher-impact"): the side of a square box from its duration, its shade from its impact.
 * Every calendar view (year pages, the home strip, pattern pages) uses these, so one box means
 * the same everywhere.
 */
import { scaleLog } from 'd3';
import type { Minutes } from '../duration';
import { impactRank, type Impact } from '../impact';

/** Side of the smallest box, px: a one-minute blip is still seen, hovered and clicked. */
export const MIN_SIDE = 6;
/** Side of the largest box, px: it fits a day of the year grid with room to spare. */
export const MAX_SIDE = 17;

/**
 * Durations up to 15 seconds get the smallest box. Status pages record blips from 25 seconds,
 * and a floor above them would draw a 25-second and a one-minute blip alike.
 */
export const FLOOR_MINUTES = 0.25;
/**
 * Durations from a year up get the largest box. The shared corpus runs from 39 seconds to
 * 593 days, so the cap only ever meets a handful of multi-month sagas.
 */
export const CAP_MINUTES = 365 * 24 * 60;

/**
 * Log scale on the side: every doubling of the duration adds the same length (about 0.52 px),
 * so a 5-minute blip (8.2 px) stays visible while a 3-day outage (13 px) cannot eat the page,
 * and any incident that lasted twice as long as another (inside the floor and cap) is larger.
 * A sqrt scale (area proportional to time) would need 29 times the side from 5 minutes to
 * 3 days; no grid holds that.
 */
const side = scaleLog().domain([FLOOR_MINUTES, CAP_MINUTES]).range([MIN_SIDE, MAX_SIDE]).clamp(true);

/**
 * The side of an incident's box, px, to a hundredth (finer than any screen shows, coarse enough
 * to keep the SVG small). Unknown durations get the smallest box, drawn marked.
 */
export function boxSide(minutes: Minutes | null): number {
  return minutes === null ? MIN_SIDE : Math.round(side(Math.max(minutes, FLOOR_MINUTES)) * 100) / 100;
}

/**
 * The shade step of an impact: 1 (none) to 4 (critical), darker as it grows; null for
 * `unknown`, which is no level at all and is drawn outlined instead.
 */
export function impactShade(impact: Impact): number | null {
  return impact === 'unknown' ? null : impactRank(impact);
}

/** The CSS class that fills a box with its shade (global.css): `s1`…`s4`, or `su` outlined. */
export function shadeClass(shade: number | null): string {
  return shade === null ? 'su' : `s${shade}`;
}

/** The box's classes: its shade, and `approx` (a dashed edge) when its size comes from a range. */
export function boxClass(shade: number | null, approximate: boolean): string {
  return approximate ? `${shadeClass(shade)} approx` : shadeClass(shade);
}

/**
 * How well box size reads as duration: among pairs where one incident lasted at least twice as
 * long as the other, how many draw the longer one larger. Unknown durations have no order and are
 * left out. Sorted by duration, the incidents at most half as long as one are a prefix.
 */
export function sizeAgreement(drawn: readonly { minutes: Minutes | null; side: number }[]): { pairs: number; agreeing: number } {
  const known = drawn.filter((d): d is { minutes: Minutes; side: number } => d.minutes !== null).sort((a, b) => a.minutes - b.minutes);
  let pairs = 0;
  let agreeing = 0;
  let end = 0;
  for (const long of known) {
    while (end < known.length && known[end]!.minutes * 2 <= long.minutes) end++;
    for (let i = 0; i < end; i++) {
      pairs++;
      if (long.side > known[i]!.side) agreeing++;
    }
  }
  return { pairs, agreeing };
}

/** Durations the legend shows, from a blip to the cap. */
export const LEGEND_DURATIONS: readonly { minutes: Minutes; text: string }[] = [
  { minutes: 5, text: '5 min' },
  { minutes: 60, text: '1 hour' },
  { minutes: 24 * 60, text: '1 day' },
  { minutes: 7 * 24 * 60, text: '1 week' },
  { minutes: CAP_MINUTES, text: '1 year+' },
];
