/** One problem found in a content file, located precisely enough to fix without searching. */
export interface ValidationIssue {
  /** Path relative to the project root, with forward slashes. */
  file: string;
  /** 1-based line in the file. */
  line: number;
  /** 1-based column in the file. */
  column: number;
  /** Field path like `patterns[1]` or `sources[0].url`; `(file)` for whole-file problems. */
  field: string;
  message: string;
  /** How to fix it, when there is more to say than the message. */
  hint?: string;
  severity: 'error' | 'warning';
}

/** An error at a place in a content file, with a hint only when there is one. */
export function errorAt(file: string, at: { line: number; column: number }, field: string, message: string, hint?: string): ValidationIssue {
  return { file, line: at.line, column: at.column, field, message, severity: 'error', ...(hint ? { hint } : {}) };
}

const MAX_QUOTED = 80;
const MAX_PRINTED = 500;

/**
 * Text from a writeup (a file name, a field, a value quoted in a message) with its control
 * characters spelled out, `::` broken up, and cut to a readable length. A raw line break would
 * let a writeup start a line of its own in CI's log, and a line starting `::error` there is a
 * workflow command that GitHub obeys.
 */
export function printable(text: string): string {
  if (text.length > MAX_PRINTED) text = `${text.slice(0, MAX_PRINTED - 1)}…`;
  const named: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };
  return text
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => named[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
    .replaceAll('::', ':\\u003a');
}

/** A value from a writeup quoted in a message: as JSON, cut short so a huge field is not echoed whole. */
export function quote(value: unknown): string {
  const json = JSON.stringify(value) ?? String(value);
  return json.length <= MAX_QUOTED ? json : `${json.slice(0, MAX_QUOTED - 1)}…`;
}

/** `content/incidents/x.mdx:5:3  patterns[1]  unknown pattern "retry-strom"  (did you mean "retry-storm"?)`, on one line */
export function formatIssue(issue: ValidationIssue): string {
  const where = `${printable(issue.file)}:${issue.line}:${issue.column}`;
  const level = issue.severity === 'warning' ? 'warning: ' : '';
  const hint = issue.hint ? `  (${printable(issue.hint)})` : '';
  return `${where}  ${printable(issue.field)}  ${level}${printable(issue.message)}${hint}`;
}

/** A GitHub Actions workflow command, so the problem shows on the pull request's diff. */
export function githubAnnotation(issue: ValidationIssue): string {
  const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
  const text = issue.hint ? `${issue.message} (${issue.hint})` : issue.message;
  const props = `file=${escapeProperty(issue.file)},line=${issue.line},col=${issue.column},title=${escapeProperty(issue.field)}`;
  return `::${issue.severity} ${props}::${escapeData(text)}`;
}

/** Stable order for reports: by file, then position. */
export function byLocation(a: ValidationIssue, b: ValidationIssue): number {
  return a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column;
}
