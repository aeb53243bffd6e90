/** A pattern's file name is its kebab-case id; an incident's is its slug, which starts with its date. */
import type { IncidentData } from '../../schema';
import { KEBAB, slugProblem } from '../../slug';
import { errorAt, type ValidationIssue } from '../issue';
import type { SourceFile } from '../source-file';
import { entryId, type ValidatedEntry } from './entry';

const AT_START = { line: 1, column: 1 };

export function patternFileNameIssues(file: SourceFile): ValidationIssue[] {
  const id = entryId(file.path);
  return KEBAB.test(id) ? [] : [errorAt(file.path, AT_START, '(file name)', `pattern file name "${id}" must be lowercase kebab-case, like retry-storm.mdx`)];
}

/** Needs the valid entry: the slug rule compares the name with the date the incident started. */
export function incidentFileNameIssues(entry: ValidatedEntry<IncidentData>): ValidationIssue[] {
  const problem = slugProblem(entry.id, entry.data.started);
  return problem ? [errorAt(entry.file.path, AT_START, '(file name)', problem)] : [];
}
