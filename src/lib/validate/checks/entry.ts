/**
 * The checks one content file passes on its own, without the rest of the collection: front
 * matter, schema and body.
 */
import type { z } from 'astro/zod';
import { MAX_BODY_PROBLEMS_REPORTED } from '../../content-limits';
import { formatCount } from '../../format-count';
import { bodyShapeProblem } from '../body-shape';
import { errorAt, type ValidationIssue } from '../issue';
import type { BodyProblem } from '../mdx-body';
import { mdxProblems } from '../mdx-compile';
import { describeIssues, fieldName, type KnownKeys, type SchemaProblem } from '../schema-issues';
import { FrontMatterError, parseSourceFile, splitSourceFile, type ParsedSourceFile, type SourceFile, type SplitSourceFile } from '../source-file';

export interface ValidatedEntry<Data> {
  id: string;
  file: SourceFile;
  parsed: ParsedSourceFile;
  data: Data;
}

export interface CheckedEntry<Data> {
  /** Present when the file passed its schema. */
  entry?: ValidatedEntry<Data>;
  /** Present when the front matter could be read, valid or not. */
  parsed?: ParsedSourceFile;
  issues: ValidationIssue[];
}

export function entryId(path: string): string {
  return path.replace(/^.*\//, '').replace(/\.mdx?$/, '');
}

export function validateEntry<Data>(
  file: SourceFile,
  schema: z.ZodType<Data>,
  knownKeys: KnownKeys,
  {
    whenInvalid = () => [],
    checkBody = true,
  }: {
    /** Checks zod skips once a field fails, run on the raw data so every problem shows at once. */
    whenInvalid?: (raw: Record<string, unknown>) => SchemaProblem[];
    /** False for a file nobody reports on: what the others are told never depends on its body compiling. */
    checkBody?: boolean;
  } = {},
): CheckedEntry<Data> {
  let split: SplitSourceFile;
  try {
    split = splitSourceFile(file);
  } catch (error) {
    return { issues: [frontMatterIssue(file, error)] };
  }
  const bodyIssues = (checkBody ? bodyProblems(split) : []).map((problem) => errorAt(file.path, problem, '(body)', problem.message, problem.hint));
  let parsed: ParsedSourceFile;
  try {
    parsed = parseSourceFile(file, split);
  } catch (error) {
    return { issues: [frontMatterIssue(file, error), ...bodyIssues] };
  }
  const result = schema.safeParse(parsed.data);
  if (!result.success) {
    return { parsed, issues: [...schemaIssues(file, parsed, describeIssues(result.error, parsed.data, knownKeys), whenInvalid), ...bodyIssues] };
  }
  return { entry: { id: entryId(file.path), file, parsed, data: result.data }, parsed, issues: bodyIssues };
}

function frontMatterIssue(file: SourceFile, error: unknown): ValidationIssue {
  if (!(error instanceof FrontMatterError)) throw error;
  return errorAt(file.path, error, error.field ?? '(front matter)', error.message, error.hint);
}

/** The schema's problems, then those `whenInvalid` finds in fields the schema did not already fault. */
function schemaIssues(
  file: SourceFile,
  parsed: ParsedSourceFile,
  problems: SchemaProblem[],
  whenInvalid: (raw: Record<string, unknown>) => SchemaProblem[],
): ValidationIssue[] {
  const seen = new Set(problems.map((p) => fieldName(p.path)));
  return [...problems, ...whenInvalid(parsed.data).filter((p) => !seen.has(fieldName(p.path)))].map((problem) =>
    errorAt(file.path, parsed.locate(problem.path), fieldName(problem.path) || '(front matter)', problem.message, problem.hint));
}

/**
 * The body as the build compiles it: after blank lines where the front matter was, so lines match
 * the file. A body the compiler cannot take (nested too deep, paragraphs too crowded) is refused
 * without compiling it.
 */
function bodyProblems(split: SplitSourceFile) {
  const shape = bodyShapeProblem(split.body, split.bodyLine);
  if (shape) return [shape];
  return atMostReported(mdxProblems('\n'.repeat(split.bodyLine - 1) + split.body));
}

/** The first problems of a body, and one line counting the rest: a body can hold tens of thousands. */
function atMostReported(problems: BodyProblem[]): BodyProblem[] {
  if (problems.length <= MAX_BODY_PROBLEMS_REPORTED) return problems;
  const rest = problems.slice(MAX_BODY_PROBLEMS_REPORTED);
  return [
    ...problems.slice(0, MAX_BODY_PROBLEMS_REPORTED),
    { line: rest[0]!.line, column: rest[0]!.column, message: `and ${formatCount(rest.length)} more problems in the body from here on`, hint: 'fix the ones above and check again' },
  ];
}
