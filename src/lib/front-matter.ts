/**
 * The one way this project reads front matter: the content checker, the importers and the
 * build's pre-check all split and parse with these functions.
 *
 * They follow the build's own reader rule for rule, only stricter, so whatever is accepted here
 * the build reads the same way. Astro (`parseFrontmatter` in @astrojs/internal-helpers, called by
 * @astrojs/mdx for every page) opens on a leading `---`, closes on the first later line that
 * merely *starts* with `---` and parses the text between with js-yaml 4's default schema. Here
 * the first line must be exactly `---`, the first later line starting with `---` must be exactly
 * `---`, and the same js-yaml parses the same text. gray-matter, which splits and parses its own
 * way (an older js-yaml, and code for `---js`), is only used to write front matter.
 */
import matter from 'gray-matter';
import { load, YAMLException } from 'js-yaml';
import { MAX_FRONT_MATTER_CHARACTERS, MAX_FRONT_MATTER_DEPTH, MAX_FRONT_MATTER_VALUES } from './content-limits';
import { formatCount } from './format-count';

/** A problem with a file's front matter, at a 1-based line and column of the file. */
export class FrontMatterError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
    readonly hint?: string,
    /** The top-level field the problem is in, when it is known. */
    readonly field?: string,
  ) {
    super(message);
  }
}

export interface SplitText {
  /** The lines between the fences. */
  frontMatter: string[];
  /** Everything after the closing fence. */
  body: string;
  /** 1-based line of the body's first line. */
  bodyLine: number;
}

const FENCE = /^---[ \t]*$/;

/** Finds the fences; the body can be checked even when the YAML between them is broken. */
export function splitFrontMatter(text: string): SplitText {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const opening = lines[0] ?? '';
  if (!FENCE.test(opening)) {
    if (/^---\s*[a-z]/i.test(opening)) {
      throw new FrontMatterError('front matter must be YAML: code front matter (---js) is not run, and nothing may follow the opening ---', 1, 4, 'make the first line exactly "---"');
    }
    throw new FrontMatterError('the file has no front matter', 1, 1, 'start the file with a line "---", the fields, then "---"');
  }
  const closing = lines.findIndex((line, i) => i > 0 && line.startsWith('---'));
  if (closing === -1) {
    throw new FrontMatterError('the front matter is never closed', 1, 1, 'add a line "---" after the last field');
  }
  if (!FENCE.test(lines[closing]!)) {
    throw new FrontMatterError(
      'a line starting with --- ends the front matter for the build, so it must be exactly "---"',
      closing + 1, 1,
      'inside a field value, indent the line or put the text in quotes on one line',
    );
  }
  return { frontMatter: lines.slice(1, closing), body: lines.slice(closing + 1).join('\n'), bodyLine: closing + 2 };
}

/**
 * Parses front matter lines as the build does (js-yaml itself refuses nesting past 100 levels),
 * then bounds what the build would store: YAML aliases make a small file expand without limit.
 * Positions in errors are lines of the file (the front matter starts on line 2).
 */
export function parseFrontMatterLines(
  frontMatter: readonly string[],
  /** The file line `frontMatter[0]` is on. */
  firstLine = 2,
): Record<string, unknown> {
  let data: unknown;
  try {
    data = load(frontMatter.join('\n'));
  } catch (error) {
    if (error instanceof YAMLException) {
      const { line = 0, column = 0 } = error.mark ?? {};
      throw new FrontMatterError(`the front matter is not valid YAML: ${error.reason}`, line + firstLine, column + 1);
    }
    throw error;
  }
  if (data === undefined || data === null) return {};
  if (typeof data !== 'object' || Array.isArray(data)) {
    throw new FrontMatterError('the front matter must be a list of "field: value" lines', firstLine, 1);
  }
  boundExpansion(data as Record<string, unknown>, frontMatter, firstLine);
  return data as Record<string, unknown>;
}

/**
 * Counts the front matter as the build would write it out, an alias once per use, and stops at
 * the first limit passed. The walk is iterative and ends after at most MAX_FRONT_MATTER_VALUES
 * steps, whatever the input.
 */
function boundExpansion(data: Record<string, unknown>, frontMatter: readonly string[], firstLine: number): void {
  let values = 0;
  let characters = 0;
  for (const [field, value] of Object.entries(data)) {
    const stack: { value: unknown; depth: number }[] = [{ value, depth: 1 }];
    while (stack.length > 0) {
      const next = stack.pop()!;
      values++;
      if (typeof next.value === 'string') characters += next.value.length;
      const problem =
        values > MAX_FRONT_MATTER_VALUES ? `more than ${formatCount(MAX_FRONT_MATTER_VALUES)} values`
        : characters > MAX_FRONT_MATTER_CHARACTERS ? `more than ${formatCount(MAX_FRONT_MATTER_CHARACTERS)} characters`
        : next.depth > MAX_FRONT_MATTER_DEPTH ? `lists or fields nested more than ${MAX_FRONT_MATTER_DEPTH} levels deep`
        : undefined;
      if (problem) {
        const line = frontMatter.findIndex((text) => text.startsWith(`${field}:`) || text.startsWith(`"${field}"`) || text.startsWith(`'${field}'`));
        throw new FrontMatterError(
          `the front matter holds ${problem} once YAML aliases (*name) are expanded`,
          Math.max(line, 0) + firstLine, 1,
          'write each value out once; a writeup needs no anchors or aliases',
          field,
        );
      }
      if (next.value !== null && typeof next.value === 'object' && !(next.value instanceof Date)) {
        for (const child of Object.values(next.value)) stack.push({ value: child, depth: next.depth + 1 });
      }
    }
  }
}

export interface FrontMatter {
  data: Record<string, unknown>;
  /** Everything after the closing fence. */
  content: string;
}

/** Splits and parses a whole file; throws FrontMatterError with the file's line. */
export function readFrontMatter(text: string): FrontMatter {
  const split = splitFrontMatter(text);
  return { data: parseFrontMatterLines(split.frontMatter), content: split.body };
}

export function writeFrontMatter(body: string, data: Record<string, unknown>): string {
  return matter.stringify(body, data);
}
