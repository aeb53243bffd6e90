/**
 * Validates the whole content folder: each file against the shared schema, file names against
 * their rules, every cross-reference (pattern ids, related slugs) against the collection, and
 * likely duplicate writeups. Used by the build and by `npm run check:content`, which can ask about
 * a few files only (ContentOptions.only) and then need not compile every body nor compare every
 * pair. Each step is a check under ./checks/ that returns its issues; the report lists them in
 * the order the steps run.
 */
import type { IncidentData, PatternData } from '../schema';
import type { ValidationIssue } from './issue';
import type { SourceFile } from './source-file';
import { checkIncidentFiles, checkPatternFiles } from './checks/collections';
import { duplicateWarnings } from './checks/duplicate-warnings';
import type { ValidatedEntry } from './checks/entry';
import { incidentReferenceIssues, knownIds, patternReferenceIssues, type Referrer } from './checks/references';
import { setAsideUnpublishable } from './checks/unpublishable-files';

export { entryId, validateEntry, type ValidatedEntry } from './checks/entry';

export interface ContentFiles {
  incidents: SourceFile[];
  patterns: SourceFile[];
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

export function validateContent(files: ContentFiles, { only }: ContentOptions = {}): ContentReport {
  const reported = (path: string) => only === undefined || only.has(path);
  // Only a file reported on has its references checked: a "did you mean" searches every id.
  const referringFileReported = ({ from }: { from: Referrer }) => reported(from.file.path);

  const { publishable, issues: unpublishable } = setAsideUnpublishable(files);
  const patterns = checkPatternFiles(publishable.patterns, reported);
  const incidents = checkIncidentFiles(publishable.incidents, reported);
  const known = knownIds(publishable, incidents.entries);
  const issues = [
    ...unpublishable,
    ...patterns.issues,
    ...incidents.issues,
    ...incidents.references.filter(referringFileReported).flatMap((references) => incidentReferenceIssues(references, known)),
    ...patterns.references.filter(referringFileReported).flatMap((references) => patternReferenceIssues(references, known)),
    ...duplicateWarnings(incidents.entries, only),
  ];
  return { issues: issues.filter((issue) => reported(issue.file)), incidents: incidents.entries, patterns: patterns.entries };
}
