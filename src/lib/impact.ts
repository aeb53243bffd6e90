/**
 * The ordered impact scale. `unknown` sorts first but is not "less" than `none`: it means the
 * writeup does not say, so views that rank by impact treat it apart (e.g. drawn outlined).
 */
export const IMPACT_LEVELS = ['unknown', 'none', 'minor', 'major', 'critical'] as const;

export type Impact = (typeof IMPACT_LEVELS)[number];

/** Position on the scale: unknown 0, none 1, minor 2, major 3, critical 4. */
export function impactRank(impact: Impact): number {
  return IMPACT_LEVELS.indexOf(impact);
}

export const IMPACT_DESCRIPTIONS: Record<Impact, string> = {
  unknown: 'the writeup does not say',
  none: 'no customer impact (near miss or internal only)',
  minor: 'degraded for some customers, workarounds existed',
  major: 'a core function unavailable or badly degraded for many customers',
  critical: 'widespread outage or data loss',
};
