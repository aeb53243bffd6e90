/**
 * What the calendar page's script decides, kept apart from the DOM so it is unit-tested: where an
 * arrow key moves, and how often a highlighted pattern or service recurs. No d3 here: this ships
 * to the browser.
 */

export type Direction = 'left' | 'right' | 'up' | 'down';

export interface BoxRect {
  x: number;
  y: number;
  w: number;
  h: number;
}

const UNIT: Record<Direction, [number, number]> = { left: [-1, 0], right: [1, 0], up: [0, -1], down: [0, 1] };

/**
 * The box an arrow key moves to from `rects[from]`: the nearest centre that lies that way,
 * preferring boxes within 45° of the direction (so → stays on a weekday row before it jumps
 * rows), with distance across the direction counting double. Null when nothing lies that way.
 */
export function nearestInDirection(rects: readonly BoxRect[], from: number, direction: Direction): number | null {
  const centre = (r: BoxRect) => [r.x + r.w / 2, r.y + r.h / 2] as const;
  const [fx, fy] = centre(rects[from]!);
  const [ux, uy] = UNIT[direction];
  let best: { index: number; inCone: boolean; score: number } | null = null;
  for (const [index, rect] of rects.entries()) {
    const [cx, cy] = centre(rect);
    const along = (cx - fx) * ux + (cy - fy) * uy;
    if (index === from || along <= 0) continue;
    const across = Math.abs((cx - fx) * uy - (cy - fy) * ux);
    const candidate = { index, inCone: across <= along, score: along + 2 * across };
    const better = !best || (candidate.inCone && !best.inCone) || (candidate.inCone === best.inCone && candidate.score < best.score);
    if (better) best = candidate;
  }
  return best?.index ?? null;
}

/** Incident counts per pattern id or service, written into a data attribute as `retry-storm:3 dns-failure:1`. */
export function formatCounts(counts: ReadonlyMap<string, number>): string {
  return [...counts].map(([id, count]) => `${id}:${count}`).join(' ');
}

export function parseCounts(text: string): Map<string, number> {
  return new Map(
    text
      .split(' ')
      .filter(Boolean)
      .map((pair) => {
        const [id, count] = pair.split(':');
        return [id!, Number(count)];
      }),
  );
}

export interface MonthlyRecurrence {
  /** Incidents with the pattern or service in each month, January first. */
  months: number[];
  /** Those whose month is not known. */
  unplaced: number;
}

/** How often `value` (a pattern id or a service) recurs per month among `entries` (one year's boxes). */
export function monthlyRecurrence(
  entries: readonly { month: number | null; values: readonly string[] }[],
  value: string,
): MonthlyRecurrence {
  const months = Array.from({ length: 12 }, () => 0);
  let unplaced = 0;
  for (const entry of entries) {
    if (!entry.values.includes(value)) continue;
    if (entry.month === null) unplaced += 1;
    else months[entry.month - 1]! += 1;
  }
  return { months, unplaced };
}
