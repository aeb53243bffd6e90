/**
 * The components a writeup may use and the attributes each takes. The renderer maps these names
 * to Astro components; the content checker rejects any other component or attribute.
 */
export const CALLOUT_KINDS = { note: 'Note', warning: 'Warning', lesson: 'Lesson' } as const;
export type CalloutKind = keyof typeof CALLOUT_KINDS;

export const WRITEUP_COMPONENTS = {
  Timeline: { attributes: [] },
  TimelineEntry: { attributes: ['at'] },
  Callout: { attributes: ['kind'] },
} as const satisfies Record<string, { attributes: readonly string[] }>;

export type WriteupComponentName = keyof typeof WRITEUP_COMPONENTS;

export function calloutLabel(kind: string | undefined): string {
  return CALLOUT_KINDS[(kind ?? 'note') as CalloutKind] ?? CALLOUT_KINDS.note;
}
