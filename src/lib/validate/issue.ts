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

/** `content/incidents/x.mdx:5:3  patterns[1]  unknown pattern "retry-strom"  (did you mean "retry-storm"?)` */
export function formatIssue(issue: ValidationIssue): string {
  const where = `${issue.file}:${issue.line}:${issue.column}`;
  const level = issue.severity === 'warning' ? 'warning: ' : '';
  const hint = issue.hint ? `  (${issue.hint})` : '';
  return `${where}  ${issue.field}  ${level}${issue.message}${hint}`;
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
