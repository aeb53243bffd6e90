/**
 * The one definition of a valid writeup and pattern, and of what each field means to a
 * contributor. `src/content.config.ts` gives these schemas to Astro; the content checker and the
 * importer validate with the same objects, so the build, CI and imports cannot disagree, and
 * `npm run new` reads each field's description from here (`describeFields`).
 *
 * Cross-file rules (a pattern id or `related` slug must exist) need the whole collection and
 * live in src/lib/validate/checks/references.ts, run by src/lib/validate/content.ts.
 */
import { z } from 'astro/zod';
import { DURATION_FORMS, DurationSyntaxError, parseDuration } from './duration';
import { IMPACT_LEVELS } from './impact';
import { MAX_ITEMS, MAX_LENGTH } from './content-limits';
import { sentences } from './sentences';
import { KEBAB, INCIDENT_SLUG } from './slug';
import {
  durationRange,
  endsNotAfterStart,
  isKnown,
  parseTimePoint,
  TimeSyntaxError,
  type KnownTime,
  type TimePoint,
} from './time-point';

const TRIGGERS = [
  'deploy',
  'config-change',
  'infra-change',
  'upgrade',
  'traffic',
  'dependency',
  'hardware',
  'time',
  'security',
  'unknown',
] as const;

const DETECTIONS = ['alert', 'customer-report', 'staff', 'automated-test', 'unknown'] as const;

/** How far a stated `duration` may stray from `ended - started` before it is a contradiction. */
const DURATION_TOLERANCE_MINUTES = 1;

/** The most sentences a summary may have; the importers cut their leads to it too. */
export const MAX_SUMMARY_SENTENCES = 3;

/**
 * What a contributor is told about a field, written once: `npm run new` writes it beside the
 * field in the scaffold and asks with it (src/commands/writeup-template.ts), and Astro puts it in
 * the JSON schema editors read. Examples are inputs of the field, so a wrong one does not compile;
 * the first is the one the scaffold shows. Applied last, after `.optional()` or `.default()`,
 * because zod keeps metadata on the one schema object it was given to.
 */
function described<Field extends z.ZodType>(
  field: Field,
  meta: { description: string; examples: [Exclude<z.input<Field>, undefined>, ...Exclude<z.input<Field>, undefined>[]] },
): Field {
  return field.meta(meta);
}

/** A field as a contributor is told of it: what `described` gave it, and what its schema says. */
export interface FieldDescription<Name extends string = string> {
  name: Name;
  description: string;
  /** Inputs of the field, the one to show first. */
  examples: readonly unknown[];
  /** A valid entry may leave the field out: it is optional or has a default. */
  optional: boolean;
  /** The values an enum field allows, in the schema's order. */
  values?: readonly string[];
}

/** Every field of an object schema, in its order; throws for a field that `described` missed. */
export function describeFields<Shape extends Record<string, z.ZodType>>(
  schema: z.ZodObject<Shape, z.core.$ZodObjectConfig>,
): FieldDescription<Extract<keyof Shape, string>>[] {
  return Object.entries(schema.shape).map(([name, field]) => {
    const meta = field.meta();
    if (!meta?.description || !Array.isArray(meta.examples)) throw new Error(`field "${name}" has no description and examples`);
    const values = enumValues(field);
    return {
      name: name as Extract<keyof Shape, string>,
      description: meta.description,
      examples: meta.examples,
      // A field an entry may leave out accepts undefined (what zod's deprecated isOptional() checks).
      optional: field.safeParse(undefined).success,
      ...(values ? { values } : {}),
    };
  });
}

function enumValues(field: z.core.$ZodType): readonly string[] | undefined {
  if (field instanceof z.ZodOptional || field instanceof z.ZodDefault) return enumValues(field.unwrap());
  return field instanceof z.ZodEnum ? field.options.map(String) : undefined;
}

/** A point in time; `allowUnknown` admits the literal `unknown`. */
function timePointSchema<AllowUnknown extends boolean>(allowUnknown: AllowUnknown) {
  return z.union([z.string(), z.date()]).transform((value, ctx) => {
    try {
      const time = parseTimePoint(value);
      if (isKnown(time) || allowUnknown) return time as AllowUnknown extends true ? TimePoint : KnownTime;
      ctx.addIssue({ code: 'custom', message: 'give a date, or leave the field out when it is not known' });
    } catch (error) {
      if (!(error instanceof TimeSyntaxError)) throw error;
      ctx.addIssue({ code: 'custom', message: error.message });
    }
    return z.NEVER;
  });
}

const duration = z.string().transform((text, ctx) => {
  try {
    return { text, minutes: parseDuration(text) };
  } catch (error) {
    if (!(error instanceof DurationSyntaxError)) throw error;
    ctx.addIssue({ code: 'custom', message: error.message });
    return z.NEVER;
  }
});

const kebabId = (what: string) =>
  z.string().max(MAX_LENGTH.name).regex(KEBAB, { message: `${what} must be lowercase kebab-case, like retry-storm` });

/** Text a writer fills in, never empty, and bounded: each is copied onto several pages and feeds. */
const text = (maxLength: number) => z.string().trim().min(1).max(maxLength);

const httpUrl = z
  .url({ protocol: /^https?$/, error: 'must be a full http(s) URL, like https://example.com/postmortem' })
  .max(MAX_LENGTH.url);

const summary = z
  .string()
  .trim()
  .min(1, { message: 'write one to three sentences' })
  .max(MAX_LENGTH.summary)
  .refine((text) => sentences(text).length <= MAX_SUMMARY_SENTENCES, {
    message: `keep the summary to ${MAX_SUMMARY_SENTENCES} sentences; the rest belongs in the body`,
  });

export const sourceSchema = z.strictObject({
  title: described(text(MAX_LENGTH.sourceTitle), {
    description: 'Title of the original writeup, as its publisher gave it',
    examples: ['Postmortem of the outage'],
  }),
  url: described(httpUrl, {
    description: 'Where it was published; http(s) only, so a writeup never carries a script URL',
    examples: ['https://example.com/postmortem'],
  }),
});

export const incidentSchema = z
  .strictObject({
    title: described(text(MAX_LENGTH.title), {
      description: 'What happened, in a responder’s words',
      examples: ['Writes to the primary time out after failover'],
    }),
    summary: described(summary, {
      description: `At most ${MAX_SUMMARY_SENTENCES} sentences, symptom first, then cause and fix; shown in search results, cards and feeds`,
      examples: ['A slow consumer let the webhook queue grow; deliveries arrived up to two hours late.'],
    }),
    started: described(timePointSchema(true), {
      description: 'When impact began, as precisely as known: 2017-01-31T23:00:00Z, 2017-01-31, 2017-01, 2017, or unknown if the date is lost',
      examples: ['2017-01-31T23:00:00Z'],
    }),
    ended: described(timePointSchema(false).optional(), {
      description: 'When impact ended, after started; give ended, duration or both',
      examples: ['2017-02-01T03:30:00Z'],
    }),
    duration: described(duration.optional(), {
      description: `How long impact lasted: ${DURATION_FORMS}; it must agree with ended when both are given`,
      examples: ['4h30m'],
    }),
    impact: described(z.enum(IMPACT_LEVELS), {
      description: 'How bad it was, on an ordered scale that shades the calendar',
      examples: ['major'],
    }),
    patterns: described(
      z.array(kebabId('a pattern id')).min(1, { message: 'name at least one pattern' }).max(MAX_ITEMS.patterns),
      { description: 'Ids of the failure patterns in content/patterns/ that explain it, at least one', examples: [['retry-storm']] },
    ),
    services: described(z.array(kebabId('a service')).max(MAX_ITEMS.services).default([]), {
      description: 'Lowercase slugs of the systems involved',
      examples: [['postgres', 'kubernetes']],
    }),
    organization: described(text(MAX_LENGTH.name).optional(), {
      description: 'Who had the incident',
      examples: ['Example Corp'],
    }),
    trigger: described(z.enum(TRIGGERS).optional(), {
      description: 'What set it off',
      examples: ['deploy'],
    }),
    detection: described(z.enum(DETECTIONS).optional(), {
      description: 'How it was noticed',
      examples: ['alert'],
    }),
    signals: described(z.array(text(MAX_LENGTH.signal)).max(MAX_ITEMS.signals).default([]), {
      description: 'What responders saw, word for word: alert names, error strings, status codes; search weighs them highest',
      examples: [['HTTP 503 from the API']],
    }),
    sources: described(z.array(sourceSchema).max(MAX_ITEMS.sources).default([]), {
      description: 'The original public writeups, each a title and an http(s) url',
      examples: [[{ title: 'Postmortem of the outage', url: 'https://example.com/postmortem' }]],
    }),
    related: described(
      z
        .array(z.string().max(MAX_LENGTH.name).regex(INCIDENT_SLUG, { message: 'must be an incident slug like 2017-01-31-short-title' }))
        .max(MAX_ITEMS.related)
        .default([]),
      { description: 'Slugs of related writeups in content/incidents/, shown before the computed ones', examples: [['2017-01-31-short-title']] },
    ),
    draft: described(z.boolean().default(false), {
      description: 'A draft is shown by npm run dev and left out of a build',
      examples: [true],
    }),
  })
  .superRefine((data, ctx) => {
    for (const problem of timingProblems(data)) ctx.addIssue({ code: 'custom', ...problem });
  });

/**
 * Rules between `started`, `ended` and `duration`. Exported because zod skips refinements when
 * any field is invalid; the content checker calls this on the fields that did parse, so a
 * writeup with several problems gets all of them in one run.
 */
export function timingProblems(data: {
  started?: TimePoint | undefined;
  ended?: KnownTime | undefined;
  duration?: { text: string; minutes: number | null } | undefined;
}): { path: string[]; message: string }[] {
  if (data.ended === undefined && data.duration === undefined) {
    return [{ path: ['duration'], message: 'give "ended" or "duration" (write duration: unknown when neither is known)' }];
  }
  if (!data.ended || !data.started || !isKnown(data.started)) return [];
  if (endsNotAfterStart(data.started, data.ended)) {
    return [{ path: ['ended'], message: `"ended" (${data.ended.text}) must be after "started" (${data.started.text})` }];
  }
  const stated = data.duration?.minutes;
  if (stated === undefined || stated === null) return [];
  const { min, max } = durationRange(data.started, data.ended);
  if (stated >= min - DURATION_TOLERANCE_MINUTES && stated <= max + DURATION_TOLERANCE_MINUTES) return [];
  const between = min === max ? `${Math.round(min)} minutes` : `between ${Math.round(min)} and ${Math.round(max)} minutes`;
  return [{ path: ['duration'], message: `"duration" ${data.duration!.text} contradicts started/ended, which span ${between}` }];
}

export const patternSchema = z.strictObject({
  title: described(text(MAX_LENGTH.title), { description: 'The pattern’s name, as a heading', examples: ['Retry storm'] }),
  summary: described(summary, {
    description: `What the pattern is, in at most ${MAX_SUMMARY_SENTENCES} sentences`,
    examples: ['Clients retry failed requests at once and multiply the load on a struggling service.'],
  }),
  aliases: described(z.array(text(MAX_LENGTH.name)).max(MAX_ITEMS.aliases).default([]), {
    description: 'Other names people search for',
    examples: [['thundering herd']],
  }),
  signals: described(z.array(text(MAX_LENGTH.signal)).min(1, { message: 'list at least one signal' }).max(MAX_ITEMS.signals), {
    description: 'What a responder sees when this pattern is in play, at least one',
    examples: [['request rate to the backend rises while success rate falls']],
  }),
  mitigations: described(z.array(text(MAX_LENGTH.mitigation)).min(1, { message: 'list at least one mitigation' }).max(MAX_ITEMS.mitigations), {
    description: 'What has worked against it, at least one',
    examples: [['exponential backoff with jitter on every client']],
  }),
  related: described(z.array(kebabId('a pattern id')).max(MAX_ITEMS.related).default([]), {
    description: 'Ids of related patterns in content/patterns/',
    examples: [['cascading-failure']],
  }),
});

export type IncidentData = z.output<typeof incidentSchema>;
/** A writeup's front matter as written, before parsing: what the importers produce. */
export type IncidentInput = z.input<typeof incidentSchema>;
export type PatternData = z.output<typeof patternSchema>;
