/**
 * The build benchmark's bounds and its report (bench/build-benchmark.ts): this site's builds
 * against the floor's, by phase, memory and output, and the contributor's loop, each measure
 * against its bound.
 */
import { median } from 'd3';
import type { DevEditTimes } from './dev-edit';
import type { Phase } from './build-phases';
import type { OutputSize } from './output-size';

/** Ratios to the floor the site must stay within, and the contributor's loop in seconds. */
const BOUNDS = {
  budget: { time: 1.2, memory: 1.0, disk: 1.6, checkSeconds: 3, editSeconds: 5 },
  // Regression bounds, not a timing test: far above the budget, so only a real regression (a
  // per-page cost that grows with the site, a duplicated style sheet) fails them on a busy runner.
  ci: { time: 2.5, memory: 1.6, disk: 2.6, checkSeconds: 10, editSeconds: 20 },
} as const;
export type BoundsName = keyof typeof BOUNDS;
export const BOUNDS_NAMES = Object.keys(BOUNDS) as BoundsName[];

export interface BuildMeasure {
  seconds: number;
  peakRssBytes: number;
  /** The last line written before the peak: what the build was doing. */
  peakWhile: string;
  phases: Phase[];
}

export interface BuildResults {
  /** How many writeups were built. */
  count: number;
  boundsName: BoundsName;
  site: BuildMeasure[];
  floor: BuildMeasure[];
  siteSize: Map<string, OutputSize>;
  floorSize: Map<string, OutputSize>;
  loop?: { check: number[]; dev: DevEditTimes };
}

/** The report's Markdown, and whether a measure is over its bound. */
export function renderBuildReport(results: BuildResults): { markdown: string; over: boolean } {
  const { count, boundsName, site, floor, siteSize, floorSize, loop } = results;
  const bounds = BOUNDS[boundsName];
  const s = (seconds: number) => `${seconds.toFixed(seconds < 10 ? 1 : 0)} s`;
  const mb = (bytes: number) => `${(bytes / 1e6).toFixed(bytes < 10e6 ? 1 : 0)} MB`;
  const ratio = (a: number, b: number) => (b > 0 ? `${(a / b).toFixed(2)}×` : '');
  const medianOf = (measures: BuildMeasure[], pick: (m: BuildMeasure) => number | undefined) => median(measures.map(pick));
  const phaseOf = (measures: BuildMeasure[], name: string) => medianOf(measures, (m) => m.phases.find((p) => p.name === name)?.seconds);
  const names = [...new Set([...site[0]!.phases, ...floor[0]!.phases].map((p) => p.name))];
  const within = new Map(site[0]!.phases.filter((p) => p.within).map((p) => [p.name, p.within!]));
  const phaseRows = names.map((name) => {
    const [a, b] = [phaseOf(site, name), phaseOf(floor, name)];
    const label = within.has(name) ? `↳ ${name} (within ${within.get(name)})` : name;
    return `| ${label} | ${a === undefined ? '—' : s(a)} | ${b === undefined ? '—' : s(b)} |`;
  });
  const time = [medianOf(site, (m) => m.seconds)!, medianOf(floor, (m) => m.seconds)!] as const;
  const memory = [medianOf(site, (m) => m.peakRssBytes)!, medianOf(floor, (m) => m.peakRssBytes)!] as const;
  const disk = [siteSize.get('total')!.diskBytes, floorSize.get('total')!.diskBytes] as const;
  const bytes = [siteSize.get('total')!.bytes, floorSize.get('total')!.bytes] as const;
  const verdict = (pair: readonly [number, number], bound: number) => (pair[0] <= pair[1] * bound ? 'holds' : '**over**');
  const kinds = [...new Set([...siteSize.keys(), ...floorSize.keys()])].filter((k) => k !== 'total').sort((a, b) => (siteSize.get(b)?.diskBytes ?? 0) - (siteSize.get(a)?.diskBytes ?? 0));
  const sizeCell = (size: OutputSize | undefined) => (size ? `${size.files} | ${mb(size.bytes)} | ${mb(size.diskBytes)}` : '— | — | —');
  const incidentPages = siteSize.get('incident pages');
  const floorPages = floorSize.get('incident pages');
  const perPage = (size: OutputSize | undefined) => (size ? `${(size.bytes / size.files / 1000).toFixed(1)} KB` : '—');
  const runCount = site.length;
  const command = `npm run bench:build -- --writeups ${count} --runs ${runCount}${boundsName === 'budget' ? '' : ` --bounds ${boundsName}`}`;
  const underBound = (seconds: number, bound: number) => (seconds <= bound ? 'holds' : '**over**');
  const loopRows = loop ? [
    ['`check:content` on one writeup, median', median(loop.check)!, bounds.checkSeconds],
    ['an edit shown by `npm run dev`, median', median(loop.dev.editSeconds)!, bounds.editSeconds],
  ] as const : [];
  const over = [verdict(time, bounds.time), verdict(memory, bounds.memory), verdict(disk, bounds.disk), ...loopRows.map(([, seconds, bound]) => underBound(seconds, bound))].some((v) => v !== 'holds');

  const markdown = `# Build benchmark

\`${command}\`: writeups generated from the shared corpus's paragraphs, built by this site and by a
bare Astro + MDX + Pagefind site rendering the same files (the floor), ${runCount === 1 ? 'one after the other' : `alternating, ${runCount} runs each; medians`},
on a shared 2-core machine: read the ratios, not the absolute times. Memory is the peak of all of
a build's processes together, sampled every 100 ms. Disk is what the output takes on disk in
4 KB blocks with its folders (\`du\`); bytes are what is in the files (what a deploy uploads and a
full offline copy holds).

## Against the ${boundsName === 'budget' ? 'budget' : 'CI regression bounds'}

| measure | this site | floor | ratio | bound | verdict |
|---|---|---|---|---|---|
| wall time | ${s(time[0])} | ${s(time[1])} | ${ratio(...time)} | ${bounds.time}× | ${verdict(time, bounds.time)} |
| peak memory | ${mb(memory[0])} | ${mb(memory[1])} | ${ratio(...memory)} | ${bounds.memory}× | ${verdict(memory, bounds.memory)} |
| output on disk | ${mb(disk[0])} | ${mb(disk[1])} | ${ratio(...disk)} | ${bounds.disk}× | ${verdict(disk, bounds.disk)} |
| output bytes | ${mb(bytes[0])} | ${mb(bytes[1])} | ${ratio(...bytes)} | | |
${loopRows.map(([what, seconds, bound]) => `| ${what} | ${s(seconds)} | | | ${bound} s | ${underBound(seconds, bound)} |`).join('\n')}

An incident page is ${perPage(incidentPages)} here and ${perPage(floorPages)} in the floor, which has no navigation, facts or links.
Peak memory came ${runCount === 1 ? '' : '(first run) '}after this line of the build: \`${site[0]!.peakWhile}\`; the floor's after \`${floor[0]!.peakWhile}\`.

## Phases (${runCount === 1 ? 'wall time' : 'median wall time'})

| phase | this site | floor |
|---|---|---|
${phaseRows.join('\n')}
| **total** | **${s(time[0])}** | **${s(time[1])}** |

## Output by kind

| kind | files | bytes | on disk | floor files | floor bytes | floor on disk |
|---|---|---|---|---|---|---|
${kinds.map((kind) => `| ${kind} | ${sizeCell(siteSize.get(kind))} | ${sizeCell(floorSize.get(kind))} |`).join('\n')}
| **total** | ${sizeCell(siteSize.get('total'))} | ${sizeCell(floorSize.get('total'))} |
${loop ? `
## The contributor's loop

| step | median | runs |
|---|---|---|
| \`npm run check:content -- <one writeup>\` (a fresh process, as typed) | ${s(median(loop.check)!)} | ${loop.check.map(s).join(', ')} |
| \`npm run dev\`: first answer | ${s(loop.dev.readySeconds)} | 1 |
| \`npm run dev\`: first request of a writeup | ${s(loop.dev.firstPageSeconds)} | 1 |
| \`npm run dev\`: an edited writeup served with the edit, from saving | ${s(median(loop.dev.editSeconds)!)} | ${loop.dev.editSeconds.map(s).join(', ')} |
` : ''}`;
  return { markdown, over };
}
