/**
 * Files that will not be published, each with the one issue that says why: the reader refused it
 * (a link, a folder, too large, not UTF-8), or it is not an .mdx file. Only the rest are checked
 * further.
 */
import { CONTENT_EXTENSION } from '../../content-files';
import type { ContentFiles } from '../content';
import { errorAt, type ValidationIssue } from '../issue';
import type { SourceFile } from '../source-file';

export function setAsideUnpublishable(files: ContentFiles): { publishable: ContentFiles; issues: ValidationIssue[] } {
  const all = [...files.incidents, ...files.patterns];
  return {
    publishable: { incidents: files.incidents.filter(isPublishable), patterns: files.patterns.filter(isPublishable) },
    issues: [...all.filter((file) => file.refusal).map(refusalIssue), ...all.filter(isMisnamed).map(misnamedIssue)],
  };
}

// The reader refuses anything but a regular .mdx file; a caller handing in other paths gets the same rule.
const isPublishable = (file: SourceFile) => !file.refusal && file.path.endsWith(CONTENT_EXTENSION);
const isMisnamed = (file: SourceFile) => !file.refusal && !isPublishable(file);

function refusalIssue({ path, refusal }: SourceFile): ValidationIssue {
  return errorAt(path, { line: refusal!.line, column: 1 }, '(file)', refusal!.message, refusal!.hint);
}

function misnamedIssue({ path }: SourceFile): ValidationIssue {
  return errorAt(path, { line: 1, column: 1 }, '(file name)', `only ${CONTENT_EXTENSION} files are published; this file would be ignored`, `rename it to end in ${CONTENT_EXTENSION}`);
}
