/**
 * A build's phases, read from its output lines as they arrived (bench/support/measured-run.ts):
 * Astro's own phases by the lines that open and close them, ours by the milliseconds our
 * integrations and pages log (src/integrations/*.ts, src/lib/build-log.ts).
 */
import type { TimedLine } from './measured-run';

export interface Phase {
  name: string;
  seconds: number;
  /** Set when the phase runs inside another one (similar incidents are worked out while pages render). */
  within?: string;
}

type PhaseRule =
  | { name: string; from: RegExp; to: RegExp; within?: string }
  | { name: string; reported: RegExp; within?: string };

/** Astro's phases and ours, in the order a build runs them. */
export const SITE_PHASES: readonly PhaseRule[] = [
  { name: 'content validation', reported: /\[incident-kb:validate-content\] checked .* in (\d+) ms/ },
  { name: 'content sync', from: /\[content\] Syncing content/, to: /\[content\] Synced content/ },
  { name: 'bundle (Vite)', from: /Building static entrypoints/, to: /Rearranging server assets/ },
  { name: 'render pages', from: /generating static routes/, to: /✓ Completed in/ },
  { name: 'similar incidents', reported: /\[incident-kb\] similar incidents .* in (\d+) ms/, within: 'render pages' },
  { name: 'calendar', reported: /\[incident-kb\] calendar .* in (\d+) ms/, within: 'render pages' },
  { name: 'search index', reported: /\[incident-kb:pagefind\] indexed .*? in (\d+) ms/ },
  { name: 'search extras (facets, lexicon, hints)', reported: /\[incident-kb:pagefind\] indexed .* with the lexicon and hints, in (\d+) ms/ },
  { name: 'offline manifest', reported: /\[incident-kb:offline\] .* in (\d+) ms/ },
];

/** The bare site's phases; its search index is Pagefind's command line, timed as a run of its own. */
export const FLOOR_PHASES: readonly PhaseRule[] = SITE_PHASES.filter((rule) => !('reported' in rule));

/** The phases `rules` find in `lines`; a rule whose lines are missing is an error, not a zero. */
export function buildPhases(lines: readonly TimedLine[], rules: readonly PhaseRule[]): Phase[] {
  const first = (pattern: RegExp, after = -1) => lines.findIndex((line, index) => index > after && pattern.test(line.text));
  return rules.map((rule) => {
    const within = rule.within ? { within: rule.within } : {};
    if ('reported' in rule) {
      const at = first(rule.reported);
      if (at < 0) throw new Error(`no line reports the ${rule.name} phase (${rule.reported})`);
      return { name: rule.name, seconds: Number(rule.reported.exec(lines[at]!.text)![1]) / 1000, ...within };
    }
    const start = first(rule.from);
    const end = first(rule.to, start);
    if (start < 0 || end < 0) throw new Error(`no lines open and close the ${rule.name} phase (${rule.from} … ${rule.to})`);
    return { name: rule.name, seconds: (lines[end]!.atMs - lines[start]!.atMs) / 1000, ...within };
  });
}

/** What the phases leave of the wall time: starting Node and Astro, configuration, writing files. */
export function unaccounted(phases: readonly Phase[], wallSeconds: number): number {
  return wallSeconds - phases.filter((phase) => !phase.within).reduce((sum, phase) => sum + phase.seconds, 0);
}
