import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { incidentSchema, patternSchema } from './lib/schema';
import { CONTENT_DIRS } from './node/content-dirs';

/** Writeups: content/incidents/<slug>.mdx, page at /incidents/<slug>/. */
const incidents = defineCollection({
  loader: glob({ pattern: '*.mdx', base: CONTENT_DIRS.incidents }),
  schema: incidentSchema,
});

/** Failure patterns: content/patterns/<id>.mdx, page at /patterns/<id>/. */
const patterns = defineCollection({
  loader: glob({ pattern: '*.mdx', base: CONTENT_DIRS.patterns }),
  schema: patternSchema,
});

export const collections = { incidents, patterns };
