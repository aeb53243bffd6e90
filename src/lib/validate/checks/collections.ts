/**
 * Each collection's files, one by one: the checks of one file (./entry.ts) against the
 * collection's schema, then its file name rule. Gathers the valid entries and, for every file
 * whose front matter could be read, what it refers to.
 */
import { incidentSchema, patternSchema, sourceSchema, timingProblems, type IncidentData, type PatternData } from '../../schema';
import type { ValidationIssue } from '../issue';
import type { KnownKeys, SchemaProblem } from '../schema-issues';
import type { SourceFile } from '../source-file';
import { validateEntry, type CheckedEntry, type ValidatedEntry } from './entry';
import { incidentFileNameIssues, patternFileNameIssues } from './file-names';
import { incidentReferences, patternReferences, type IncidentReferences, type PatternReferences } from './references';

export interface CheckedCollection<Data, References> {
  entries: ValidatedEntry<Data>[];
  references: References[];
  issues: ValidationIssue[];
}

/** Whether a file's issues are wanted: work only they need is skipped for the others. */
export type IsReported = (path: string) => boolean;

export function checkPatternFiles(files: readonly SourceFile[], reported: IsReported): CheckedCollection<PatternData, PatternReferences> {
  return checkEachFile(files, (file) => {
    const checked = validateEntry(file, patternSchema, patternKeys, { checkBody: reported(file.path) });
    return { ...checked, references: checked.parsed && patternReferences(file, checked.parsed, checked.entry), issues: [...checked.issues, ...patternFileNameIssues(file)] };
  });
}

export function checkIncidentFiles(files: readonly SourceFile[], reported: IsReported): CheckedCollection<IncidentData, IncidentReferences> {
  return checkEachFile(files, (file) => {
    const checked = validateEntry(file, incidentSchema, incidentKeys, { whenInvalid: incidentTimingWhenInvalid, checkBody: reported(file.path) });
    const nameIssues = checked.entry && reported(file.path) ? incidentFileNameIssues(checked.entry) : [];
    return { ...checked, references: checked.parsed && incidentReferences(file, checked.parsed, checked.entry), issues: [...checked.issues, ...nameIssues] };
  });
}

function checkEachFile<Data, References>(
  files: readonly SourceFile[],
  check: (file: SourceFile) => CheckedEntry<Data> & { references: References | undefined },
): CheckedCollection<Data, References> {
  const checked = files.map(check);
  return {
    entries: checked.flatMap(({ entry }) => (entry ? [entry] : [])),
    references: checked.flatMap(({ references }) => (references ? [references] : [])),
    issues: checked.flatMap(({ issues }) => issues),
  };
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
