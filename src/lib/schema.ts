/**
 * The one definition of a valid writeup and pattern (GUIDE §2). `src/content.config.ts` gives
 * these schemas to Astro; the content checker and the importer validate with the same objects,
 * so the build, CI and imports cannot disagree.
 *
 * Cross-file rules (a pattern id or `related` slug must exist) need the whole collection and
 * live in `validate/content.ts`.
 */
import { z } from 'astro/zod';
import { DurationSyntaxError, parseDuration } from './duration';
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

export const TRIGGERS = [
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

export const DETECTIONS = ['alert', 'customer-report', 'staff', 'automated-test', 'unknown'] as const;

/** How far a stated `duration` may stray from `ended - started` before it is a contradiction. */
export const DURATION_TOLERANCE_MINUTES = 1;

/** The most sentences a summary may have; the importers cut their leads to it too. */
export const MAX_SUMMARY_SENTENCES = 3;

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
  /** Title of the original writeup, as its publisher gave it. */
  title: text(MAX_LENGTH.sourceTitle),
  /** Where it was published. Only http(s): a writeup never carries script URLs. */
  url: httpUrl,
});

export const incidentSchema = z
  .strictObject({
    /** What happened, in a responder's words. */
    title: text(MAX_LENGTH.title),
    /** One to three sentences; shown in search results, cards and feeds. */
    summary,
    /** When impact began, at the precision known; `unknown` only where the date is truly lost. */
    started: timePointSchema(true),
    /** When impact ended. One of `ended`/`duration` is required. Must be after `started`. */
    ended: timePointSchema(false).optional(),
    /** `45m`, `4h30m`, `2d`, `PT4H30M` or `unknown`; consistent with `ended` when both are given. */
    duration: duration.optional(),
    /** Ordered scale (unknown, none, minor, major, critical); drives the calendar shade. */
    impact: z.enum(IMPACT_LEVELS),
    /** Failure pattern ids, at least one; each must exist in content/patterns/. */
    patterns: z.array(kebabId('a pattern id')).min(1, { message: 'name at least one pattern' }).max(MAX_ITEMS.patterns),
    /** Lowercase service slugs (postgres, kubernetes, dns). Default: none. */
    services: z.array(kebabId('a service')).max(MAX_ITEMS.services).default([]),
    /** Who had the incident. */
    organization: text(MAX_LENGTH.name).optional(),
    /** What set it off. */
    trigger: z.enum(TRIGGERS).optional(),
    /** How it was noticed. */
    detection: z.enum(DETECTIONS).optional(),
    /** What responders saw: alert names, error strings, status codes. Weighted high in search. */
    signals: z.array(text(MAX_LENGTH.signal)).max(MAX_ITEMS.signals).default([]),
    /** Original public writeups. */
    sources: z.array(sourceSchema).max(MAX_ITEMS.sources).default([]),
    /** Hand-picked related incident slugs; each must exist. Shown before computed ones. */
    related: z
      .array(z.string().max(MAX_LENGTH.name).regex(INCIDENT_SLUG, { message: 'must be an incident slug like 2017-01-31-short-title' }))
      .max(MAX_ITEMS.related)
      .default([]),
    /** Drafts build in dev only, never in production. Default false. */
    draft: z.boolean().default(false),
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
  /** The pattern's name, as a heading. */
  title: text(MAX_LENGTH.title),
  /** One to three sentences: what the pattern is. */
  summary,
  /** Other names people search for ("thundering herd" for a retry storm). Default: none. */
  aliases: z.array(text(MAX_LENGTH.name)).max(MAX_ITEMS.aliases).default([]),
  /** What a responder sees when this pattern is in play. At least one. */
  signals: z.array(text(MAX_LENGTH.signal)).min(1, { message: 'list at least one signal' }).max(MAX_ITEMS.signals),
  /** What has worked against it. At least one. */
  mitigations: z.array(text(MAX_LENGTH.mitigation)).min(1, { message: 'list at least one mitigation' }).max(MAX_ITEMS.mitigations),
  /** Related pattern ids; each must exist. Default: none. */
  related: z.array(kebabId('a pattern id')).max(MAX_ITEMS.related).default([]),
});

export type IncidentData = z.output<typeof incidentSchema>;
export type PatternData = z.output<typeof patternSchema>;
