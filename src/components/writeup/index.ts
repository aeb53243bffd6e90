/**
 * Every writeup is rendered with these components, so no file needs an import. The names must
 * match WRITEUP_COMPONENTS, the allow-list the content checker enforces.
 */
import type { WriteupComponentName } from '../../lib/writeup-components';
import Callout from './Callout.astro';
import Timeline from './Timeline.astro';
import TimelineEntry from './TimelineEntry.astro';

export const writeupComponents = { Callout, Timeline, TimelineEntry } satisfies Record<WriteupComponentName, unknown>;
