/**
 * The text `npm run new` writes: every field of the schema (src/lib/schema.ts) in its order, the
 * required ones filled in, the optional ones commented out with an example, each beside its
 * description and allowed values, then the pattern ids to choose from and the body sections in
 * order. All of it is read from the schema, so a contributor fills it in without reading the
 * schema and the scaffold cannot fall behind it.
 */
import { dump } from 'js-yaml';
import { describeFields, incidentSchema, type FieldDescription } from '../lib/schema';

/** Every field of a writeup, as the schema describes it. */
export const WRITEUP_FIELDS = describeFields(incidentSchema);
type WriteupField = (typeof WRITEUP_FIELDS)[number]['name'];

/** The values `npm run new` takes, as flags or answers; lists are comma-separated. */
export const NEW_WRITEUP_FIELDS = [
  'title', 'summary', 'started', 'ended', 'duration', 'impact', 'patterns', 'services', 'organization',
] as const satisfies readonly WriteupField[];
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

/** Comments start in this column, so the descriptions line up beside the fields. */
const COMMENT_COLUMN = 35;

/** `a, b,, c` → `['a', 'b', 'c']` */
export function listValue(text: string | undefined): string[] {
  return (text ?? '').split(',').map((item) => item.trim()).filter(Boolean);
}

/** Whether a field holds a list: its examples are lists. */
export function isListField(field: FieldDescription): boolean {
  return Array.isArray(field.examples[0]);
}

/** What the scaffold says beside a field: its description, then the values it allows. */
function fieldComment(field: FieldDescription): string {
  return field.values ? `${field.description}: ${field.values.join(' | ')}` : field.description;
}

function isNewWriteupField(name: string): name is NewWriteupField {
  return (NEW_WRITEUP_FIELDS as readonly string[]).includes(name);
}

const withComment = (text: string, comment: string) => `${text.padEnd(COMMENT_COLUMN - 1)} # ${comment}`;

/** A field with the value given, or empty for a required one nobody gave yet. */
function filledField(field: FieldDescription, given: string): string[] {
  if (isListField(field)) return [withComment(`${field.name}:`, fieldComment(field)), ...listValue(given).map((item) => `  - ${item}`)];
  // Enum values are plain words; anything else is quoted, so YAML keeps a date or a colon as text.
  return [withComment(`${field.name}: ${field.values ? given : JSON.stringify(given)}`, fieldComment(field))];
}

/** An optional field left out: its first example, commented out. */
function exampleField(field: FieldDescription): string[] {
  const [first = '', ...rest] = dump({ [field.name]: field.examples[0] }, { quotingType: '"', lineWidth: -1 }).trimEnd().split('\n');
  return [withComment(`# ${first}`, fieldComment(field)), ...rest.map((line) => `# ${line}`)];
}

export function renderWriteup(values: NewWriteupValues, patterns: readonly PatternChoice[]): string {
  const started = values.started ?? '';
  const frontMatter = [
    ...WRITEUP_FIELDS.flatMap((field) => {
      const given = isNewWriteupField(field.name) ? (values[field.name] ?? '') : '';
      const isGiven = isListField(field) ? listValue(given).length > 0 : given !== '';
      return isGiven || !field.optional ? filledField(field, given) : exampleField(field);
    }),
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
