/**
 * The components a writeup may use and the attributes each takes. The renderer maps these names
 * to Astro components; the content checker rejects any other component or attribute.
 */
import { parseTimePoint, TimeSyntaxError } from './time-point';

export const CALLOUT_KINDS = { note: 'Note', warning: 'Warning', lesson: 'Lesson' } as const;
export type CalloutKind = keyof typeof CALLOUT_KINDS;

export const WRITEUP_COMPONENTS = {
  Timeline: { attributes: [], required: [] },
  TimelineEntry: { attributes: ['at'], required: ['at'] },
  Callout: { attributes: ['kind'], required: [] },
} as const satisfies Record<string, { attributes: readonly string[]; required: readonly string[] }>;

/**
 * Why an attribute's value is wrong, or null. `at` may be a label ("T+45m", "Day 2"), but
 * something that starts like a date must be a real one, or the timeline would show it as text.
 */
export function attributeValueProblem(component: string, attribute: string, value: string): string | null {
  if (component === 'Callout' && attribute === 'kind' && !Object.hasOwn(CALLOUT_KINDS, value)) {
    return `kind="${value}" is not one of: ${Object.keys(CALLOUT_KINDS).join(', ')}`;
  }
  if (component === 'TimelineEntry' && attribute === 'at') {
    if (!value.trim()) return 'at="" is empty: give a time like 2017-01-31T23:00Z, a date, or a label like T+45m';
    if (/^\d{4}-\d/.test(value)) {
      try {
        parseTimePoint(value);
      } catch (error) {
        if (error instanceof TimeSyntaxError) return `at="${value}": ${error.message}`;
        throw error;
      }
    }
  }
  return null;
}

export type WriteupComponentName = keyof typeof WRITEUP_COMPONENTS;

export function calloutLabel(kind: string | undefined): string {
  return kind !== undefined && Object.hasOwn(CALLOUT_KINDS, kind) ? CALLOUT_KINDS[kind as CalloutKind] : CALLOUT_KINDS.note;
}
