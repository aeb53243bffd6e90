/**
 * The text `npm run new` writes: every field of GUIDE §2, the required ones filled in, the
 * optional ones commented out with their allowed values, the pattern ids to choose from, and the
 * body sections in order. A contributor fills it in without reading the schema.
 */
import { IMPACT_LEVELS } from '../lib/impact';
import { DETECTIONS, TRIGGERS } from '../lib/schema';

/** The values `npm run new` takes, as flags or answers; lists are comma-separated. */
export const NEW_WRITEUP_FIELDS = ['title', 'summary', 'started', 'ended', 'duration', 'impact', 'patterns', 'services', 'organization'] as const;
export type NewWriteupField = (typeof NEW_WRITEUP_FIELDS)[number];
export type NewWriteupValues = Partial<Record<NewWriteupField, string>>;

/** Body sections, in the order the Google SRE and Atlassian templates agree on, with what goes in each. */
export const BODY_SECTIONS = [
  ['Summary', 'What happened, in a responder’s words: the symptom, the cause and the fix.'],
  ['Impact', 'Who and what was affected, how badly and for how long.'],
  ['Timeline', ''],
  ['Contributing factors', 'What made it possible or made it worse; there is rarely a single root cause.'],
  ['Detection', 'How it was noticed, and how long that took.'],
  ['Resolution', 'What ended the impact.'],
  ['Lessons', 'What a responder should remember the next time it looks like this.'],
  ['Follow-ups', 'What was changed afterwards, so it does not happen again.'],
] as const;

export interface PatternChoice {
  id: string;
  title: string;
}

/** Comments start in this column, so the allowed values line up beside the fields. */
const COMMENT_COLUMN = 35;

/** `a, b,, c` → `['a', 'b', 'c']` */
export function listValue(text: string | undefined): string[] {
  return (text ?? '').split(',').map((item) => item.trim()).filter(Boolean);
}

export function renderWriteup(values: NewWriteupValues, patterns: readonly PatternChoice[]): string {
  const line = (field: string, comment: string) => (comment ? `${field.padEnd(COMMENT_COLUMN - 1)} # ${comment}` : field);
  const scalar = (name: NewWriteupField, comment: string, example: string) => {
    const value = values[name];
    return value ? line(`${name}: ${JSON.stringify(value)}`, comment) : line(`# ${name}: ${example}`, comment);
  };
  const list = (name: NewWriteupField, comment: string, example: string) => {
    const items = listValue(values[name]);
    return items.length ? line(`${name}: [${items.join(', ')}]`, comment) : line(`# ${name}: ${example}`, comment);
  };
  const patternIds = listValue(values.patterns);
  const started = values.started ?? '';

  const frontMatter = [
    line(`title: ${JSON.stringify(values.title ?? '')}`, 'what happened, in a responder’s words'),
    line(`summary: ${JSON.stringify(values.summary ?? '')}`, 'one to three sentences, shown in search results'),
    line(`started: ${JSON.stringify(started)}`, 'when impact began: 2017-01-31T23:00:00Z, 2017-01-31, 2017-01, 2017 or unknown'),
    scalar('ended', 'when impact ended; give ended, duration or both', '"2017-02-01T03:30:00Z"'),
    scalar('duration', '45m, 4h30m, 2d, PT4H30M or unknown', '4h30m'),
    line(`impact: ${values.impact ?? ''}`, IMPACT_LEVELS.join(' | ')),
    line('patterns:', 'ids from content/patterns/, at least one (list below)'),
    ...patternIds.map((id) => `  - ${id}`),
    list('services', 'lowercase slugs of the systems involved', '[postgres, kubernetes]'),
    scalar('organization', 'who had the incident', 'Example Corp'),
    line('# trigger: deploy', TRIGGERS.join(' | ')),
    line('# detection: alert', DETECTIONS.join(' | ')),
    line('# signals:', 'what responders saw: alerts, errors, status codes'),
    '#   - "HTTP 503 from the API"',
    line('# sources:', 'the original writeups; http(s) only'),
    '#   - title: "Postmortem of the outage"',
    '#     url: https://example.com/postmortem',
    line('# related:', 'slugs of other writeups in content/incidents/'),
    '#   - 2017-01-31-short-title',
    line('# draft: true', 'shown by npm start, left out of a build'),
    '#',
    '# Patterns to choose from (id: title):',
    ...patterns.map((pattern) => `#   ${pattern.id}: ${pattern.title}`),
  ];

  const body = BODY_SECTIONS.flatMap(([heading, prompt]) => {
    const content = heading === 'Timeline'
      ? ['<Timeline>', `  <TimelineEntry at=${JSON.stringify(started === 'unknown' ? 'T+0' : started)}>Impact begins.</TimelineEntry>`, '</Timeline>']
      : [`_${prompt}_`];
    return [`## ${heading}`, '', ...content, ''];
  });
  return ['---', ...frontMatter, '---', '', ...body].join('\n');
}
