/**
 * Validates the whole content folder: each file against the shared schema, incident file names
 * against the slug rule, and every cross-reference (pattern ids, related slugs) against the
 * collection. Used by the build and by `npm run check:content`, which can ask about a few files
 * only (ContentOptions.only) and then need not compile every body nor compare every pair.
 */
import type { z } from 'astro/zod';
import { incidentSchema, patternSchema, sourceSchema, timingProblems, type IncidentData, type PatternData } from '../schema';
import { slugProblem, KEBAB } from '../slug';
import { CONTENT_EXTENSION } from '../content-files';
import type { ValidationIssue } from './issue';
import { findDuplicates, type Duplicate } from './duplicates';
import { didYouMean } from './nearest';
import { describeIssues, fieldName, type KnownKeys, type SchemaProblem } from './schema-issues';
import { mdxProblems } from './mdx-compile';
import { bodyShapeProblem } from './body-shape';
import type { BodyProblem } from './mdx-body';
import { MAX_BODY_PROBLEMS_REPORTED } from '../content-limits';
import { formatCount } from '../format-count';
import { FrontMatterError, parseSourceFile, splitSourceFile, type ParsedSourceFile, type SourceFile, type SplitSourceFile } from './source-file';

export interface ContentFiles {
  incidents: SourceFile[];
  patterns: SourceFile[];
}

export interface ValidatedEntry<Data> {
  id: string;
  file: SourceFile;
  parsed: ParsedSourceFile;
  data: Data;
}

export interface ContentOptions {
  /**
   * The files to report on (paths as in SourceFile.path); every file when absent. The issues are
   * exactly those a check of every file finds in these. The other files are only read as far as
   * these files' cross-references and duplicate warnings need them: front matter and schema, not
   * the body's MDX, so their entries in the report are not known to compile.
   */
  only?: ReadonlySet<string>;
}

export interface ContentReport {
  issues: ValidationIssue[];
  incidents: ValidatedEntry<IncidentData>[];
  patterns: ValidatedEntry<PatternData>[];
}

export function entryId(path: string): string {
  return path.replace(/^.*\//, '').replace(/\.mdx?$/, '');
}

const incidentKeys: KnownKeys = (path) =>
  path.filter((s) => typeof s === 'string').length === 0 ? Object.keys(incidentSchema.shape) : Object.keys(sourceSchema.shape);
const patternKeys: KnownKeys = () => Object.keys(patternSchema.shape);

/** The timing rules over whichever of started/ended/duration parse on their own. */
function incidentTimingWhenInvalid(raw: Record<string, unknown>): SchemaProblem[] {
  const { shape } = incidentSchema;
  const started = shape.started.safeParse(raw.started);
  if (!started.success) return [];
  const ended = shape.ended.safeParse(raw.ended);
  const duration = shape.duration.safeParse(raw.duration);
  return timingProblems({
    started: started.data,
    ended: ended.success ? ended.data : undefined,
    duration: duration.success ? duration.data : undefined,
  });
}

/** Per-file checks that do not need the rest of the collection: front matter, schema and body. */
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
): { entry?: ValidatedEntry<Data>; parsed?: ParsedSourceFile; issues: ValidationIssue[] } {
  const issue = (line: number, column: number, field: string, message: string, hint?: string): ValidationIssue => ({
    file: file.path, line, column, field, message, severity: 'error', ...(hint ? { hint } : {}),
  });
  const frontMatterIssue = (error: unknown) => {
    if (!(error instanceof FrontMatterError)) throw error;
    return issue(error.line, error.column, error.field ?? '(front matter)', error.message, error.hint);
  };
  let split: SplitSourceFile;
  try {
    split = splitSourceFile(file);
  } catch (error) {
    return { issues: [frontMatterIssue(error)] };
  }
  const bodyIssues = (checkBody ? bodyProblems(split) : []).map((problem) => issue(problem.line, problem.column, '(body)', problem.message, problem.hint));
  let parsed: ParsedSourceFile;
  try {
    parsed = parseSourceFile(file, split);
  } catch (error) {
    return { issues: [frontMatterIssue(error), ...bodyIssues] };
  }
  const result = schema.safeParse(parsed.data);
  if (!result.success) {
    const problems = describeIssues(result.error, parsed.data, knownKeys);
    const seen = new Set(problems.map((p) => fieldName(p.path)));
    problems.push(...whenInvalid(parsed.data).filter((p) => !seen.has(fieldName(p.path))));
    const issues = problems.map((problem) => {
      const at = parsed.locate(problem.path);
      return issue(at.line, at.column, fieldName(problem.path) || '(front matter)', problem.message, problem.hint);
    });
    return { parsed, issues: [...issues, ...bodyIssues] };
  }
  return { entry: { id: entryId(file.path), file, parsed, data: result.data }, parsed, issues: bodyIssues };
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

/** What a cross-reference check needs to know about the file it is in. */
type Referrer = Pick<ValidatedEntry<unknown>, 'id' | 'file' | 'parsed'>;

/** A raw front matter list of ids, or nothing when it is not one (the schema reports that). */
function strings(value: unknown): string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string') ? value : [];
}

export function validateContent(files: ContentFiles, { only }: ContentOptions = {}): ContentReport {
  const reported = (path: string) => only === undefined || only.has(path);
  const issues: ValidationIssue[] = [];
  const incidents: ValidatedEntry<IncidentData>[] = [];
  const patterns: ValidatedEntry<PatternData>[] = [];
  for (const { path, refusal } of [...files.incidents, ...files.patterns]) {
    if (refusal) issues.push({ file: path, line: refusal.line, column: 1, field: '(file)', severity: 'error', message: refusal.message, ...(refusal.hint ? { hint: refusal.hint } : {}) });
  }
  // The reader refuses anything but a regular .mdx file; a caller handing in other paths gets the same rule.
  const isContent = (f: SourceFile) => !f.refusal && f.path.endsWith(CONTENT_EXTENSION);
  for (const stray of [...files.incidents, ...files.patterns].filter((f) => !f.refusal && !isContent(f))) {
    issues.push({ file: stray.path, line: 1, column: 1, field: '(file name)', severity: 'error',
      message: `only ${CONTENT_EXTENSION} files are published; this file would be ignored`, hint: `rename it to end in ${CONTENT_EXTENSION}` });
  }
  files = { incidents: files.incidents.filter(isContent), patterns: files.patterns.filter(isContent) };

  // Cross-references are checked for files whose schema failed too, from the raw front matter,
  // so a broken file hears about every unknown id at once.
  const patternRefs: { entry: Referrer; related: string[] }[] = [];
  const incidentRefs: { entry: Referrer; patterns: string[]; related: string[]; draft: boolean }[] = [];

  for (const file of files.patterns) {
    const result = validateEntry(file, patternSchema, patternKeys, { checkBody: reported(file.path) });
    issues.push(...result.issues);
    if (result.entry) {
      patterns.push(result.entry);
      patternRefs.push({ entry: result.entry, related: result.entry.data.related });
    } else if (result.parsed) {
      patternRefs.push({ entry: { id: entryId(file.path), file, parsed: result.parsed }, related: strings(result.parsed.data.related) });
    }
    if (!KEBAB.test(entryId(file.path))) {
      issues.push({ file: file.path, line: 1, column: 1, field: '(file name)', severity: 'error',
        message: `pattern file name "${entryId(file.path)}" must be lowercase kebab-case, like retry-storm.mdx` });
    }
  }
  for (const file of files.incidents) {
    const result = validateEntry(file, incidentSchema, incidentKeys, { whenInvalid: incidentTimingWhenInvalid, checkBody: reported(file.path) });
    issues.push(...result.issues);
    if (!result.entry) {
      if (!result.parsed) continue;
      const raw = result.parsed.data;
      incidentRefs.push({ entry: { id: entryId(file.path), file, parsed: result.parsed },
        patterns: strings(raw.patterns), related: strings(raw.related), draft: raw.draft === true });
      continue;
    }
    const { data } = result.entry;
    incidents.push(result.entry);
    incidentRefs.push({ entry: result.entry, patterns: data.patterns, related: data.related, draft: data.draft });
    const problem = reported(file.path) && slugProblem(result.entry.id, data.started);
    if (problem) {
      issues.push({ file: file.path, line: 1, column: 1, field: '(file name)', message: problem, severity: 'error' });
    }
  }

  const patternIds = new Set(files.patterns.map((f) => entryId(f.path)));
  const incidentIds = new Set(files.incidents.map((f) => entryId(f.path)));
  const drafts = new Set(incidents.filter((i) => i.data.draft).map((i) => i.id));

  const reference = (entry: Referrer, field: string, index: number, message: string, hint?: string) => {
    const at = entry.parsed.locate([field, index]);
    issues.push({ file: entry.file.path, ...at, field: `${field}[${index}]`, message, severity: 'error', ...(hint ? { hint } : {}) });
  };
  const checkIds = (entry: Referrer, field: string, ids: string[], known: Set<string>, kind: string) => {
    ids.forEach((id, index) => {
      if (id === entry.id) reference(entry, field, index, `${kind} "${id}" is this file itself`);
      else if (!known.has(id)) reference(entry, field, index, `no ${kind} "${id}" exists`, didYouMean(id, known));
    });
  };

  // Only a file reported on has its references checked: a "did you mean" searches every id.
  for (const { entry, patterns: ids, related, draft } of incidentRefs.filter(({ entry }) => reported(entry.file.path))) {
    checkIds(entry, 'patterns', ids, patternIds, 'pattern');
    checkIds(entry, 'related', related, incidentIds, 'incident');
    if (!draft) {
      related.forEach((slug, index) => {
        if (drafts.has(slug)) reference(entry, 'related', index, `incident "${slug}" is a draft and will not be published`, 'link it once it is published');
      });
    }
  }
  for (const { entry, related } of patternRefs.filter(({ entry }) => reported(entry.file.path))) {
    checkIds(entry, 'related', related, patternIds, 'pattern');
  }
  issues.push(...duplicateWarnings(incidents, only));

  return { issues: issues.filter((issue) => reported(issue.file)), incidents, patterns };
}

const DUPLICATE_HINT = 'merge the two, or if they are different incidents, list each under the other\'s related';

/** A warning on each writeup of a likely duplicate pair, naming the other; with `only`, of the pairs holding one of those. */
function duplicateWarnings(incidents: readonly ValidatedEntry<IncidentData>[], only: ReadonlySet<string> | undefined): ValidationIssue[] {
  const candidates = incidents.map(({ id, data, parsed }) => ({
    id,
    text: `${data.title}\n${data.summary}\n${parsed.body}`,
    sourceUrls: data.sources.map((source) => source.url),
    related: data.related,
  }));
  const warning = (entry: ValidatedEntry<IncidentData>, path: PropertyKey[], field: string, message: string): ValidationIssue => ({
    file: entry.file.path, ...entry.parsed.locate(path), field, message, hint: DUPLICATE_HINT, severity: 'warning',
  });
  const focus = only && ((index: number) => only.has(incidents[index]!.file.path));
  return findDuplicates(candidates, focus).flatMap(({ a, b, reason }: Duplicate) => {
    const [first, second] = [incidents[a]!, incidents[b]!];
    if (reason.kind === 'source') {
      const says = (other: string) => `cites the same source as "${other}" (${reason.url}): likely the same incident`;
      return [
        warning(first, ['sources', reason.index, 'url'], `sources[${reason.index}].url`, says(second.id)),
        warning(second, ['sources', reason.otherIndex, 'url'], `sources[${reason.otherIndex}].url`, says(first.id)),
      ];
    }
    const says = (other: string) => `reads like "${other}": ${Math.round(reason.overlap * 100)}% of the shorter one's wording is in both`;
    return [warning(first, ['title'], '(duplicate)', says(second.id)), warning(second, ['title'], '(duplicate)', says(first.id))];
  });
}
