/**
 * How large and how deep one writeup may be. Writeups arrive as pull requests from people we do
 * not know, and CI checks and builds them with the repository's secrets: every limit here keeps a
 * single file from hanging, crashing or bloating the check, the build or the published site.
 * Each is far above what a real writeup needs (the largest imported postmortem is 35 KB, the
 * deepest hand-written body nests five levels).
 *
 * Used by the content reader (src/node/read-content.ts), the front matter reader
 * (src/lib/front-matter.ts), the body's shape scan (src/lib/validate/body-shape.ts) and the schema
 * (src/lib/schema.ts); CONTRIBUTING.md lists them for writers.
 */

/** A content file larger than this is refused before it is read. */
export const MAX_FILE_BYTES = 256 * 1024;

/**
 * The front matter once YAML aliases (`*name`) are expanded, the way the build stores and
 * renders it: a few aliases are harmless, thousands of them turn kilobytes into gigabytes.
 */
export const MAX_FRONT_MATTER_VALUES = 2_000;
export const MAX_FRONT_MATTER_CHARACTERS = 64 * 1024;
/** Lists inside lists inside fields; `sources[0].url` is three levels. */
export const MAX_FRONT_MATTER_DEPTH = 8;

/**
 * Blockquotes, lists, components and emphasis inside each other in a body. The MDX compiler
 * and the renderer recurse once per level: a few hundred levels crash the build, a few thousand
 * the compiler itself, without naming the file.
 */
export const MAX_BODY_NESTING = 24;

/**
 * Tags `<…>`, expressions `{…}` and entities `&…;` in one paragraph. The compiler's time grows
 * with the square of their number in a paragraph; at this many it takes milliseconds.
 */
export const MAX_PARAGRAPH_MARKUP = 2_000;

/** Footnote markers `[^…]` in one body, references and definitions; each reference renders two links. */
export const MAX_FOOTNOTE_MARKERS = 200;

/** Problems listed for one body before the rest are counted in a single line. */
export const MAX_BODY_PROBLEMS_REPORTED = 50;

/** Longest text per front matter field, in characters. */
export const MAX_LENGTH = {
  title: 200,
  summary: 1_000,
  name: 100,
  signal: 300,
  mitigation: 500,
  sourceTitle: 300,
  url: 2_000,
} as const;

/** Most items per front matter list. */
export const MAX_ITEMS = {
  patterns: 12,
  services: 20,
  signals: 30,
  sources: 30,
  related: 30,
  aliases: 20,
  mitigations: 20,
} as const;
