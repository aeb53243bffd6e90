/**
 * What `npm run check:content` does, for any project root: validates every writeup and pattern
 * with the schema the build uses, or reports on only the files given (still validated against the
 * whole collection, so unknown pattern ids and slugs and likely duplicates are found, but without
 * compiling the other files' bodies). Returns the lines to print and the exit code, so tests can
 * run it without a child process.
 */
import { relative, resolve, sep } from 'node:path';
import { CONTENT_DIRS } from '../node/content-dirs';
import { byLocation, formatIssue, githubAnnotation, type ValidationIssue } from '../lib/validate/issue';
import { validateContent } from '../lib/validate/content';
import type { CommandResult } from './command-result';
import { readContent } from '../node/read-content';

export interface CheckContentOptions {
  /** Project root; paths in the report are relative to it. */
  root: string;
  /** Files to report on; every file when empty. */
  files?: readonly string[];
  /** Treat warnings (likely duplicates) as errors. */
  strict?: boolean;
  /** Also print GitHub Actions annotations, so problems show on the pull request's diff. */
  annotate?: boolean;
  dirs?: { incidents: string; patterns: string };
}

/** Exit code 0 when there is no error, 1 when there is, 2 when a file given is not content. */
export async function checkContent(options: CheckContentOptions): Promise<CommandResult> {
  const { root, dirs = CONTENT_DIRS } = options;
  const only = new Set((options.files ?? []).map((file) => relative(root, resolve(root, file)).split(sep).join('/')));
  const files = await readContent(root, dirs);
  const known = new Set([...files.incidents, ...files.patterns].map((f) => f.path));
  const missing = [...only].filter((file) => !known.has(file));
  if (missing.length > 0) {
    return { code: 2, stdout: [], stderr: missing.map((file) => `${file}: not a file in ${dirs.incidents} or ${dirs.patterns}`) };
  }

  const issues = validateContent(files, only.size > 0 ? { only } : {})
    .issues.map((issue): ValidationIssue => (options.strict ? { ...issue, severity: 'error' } : issue))
    .sort(byLocation);
  const stdout = issues.map(formatIssue);
  if (options.annotate) stdout.push(...issues.map(githubAnnotation));

  const errors = issues.filter((issue) => issue.severity === 'error').length;
  const warnings = issues.length - errors;
  const checked = only.size || known.size;
  stdout.push(`${plural(checked, 'file')} checked: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}`);
  return { code: errors > 0 ? 1 : 0, stdout, stderr: [] };
}

const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;
