/**
 * Cross-references: every pattern id and related slug must name another file of its collection,
 * and a published incident must not link to a draft, which will not be published. A file whose
 * schema failed is checked too, from its raw front matter, so it hears about every unknown id at
 * once.
 */
import type { IncidentData, PatternData } from '../../schema';
import type { ContentFiles } from '../content';
import { errorAt, type ValidationIssue } from '../issue';
import { didYouMean } from '../nearest';
import type { ParsedSourceFile, SourceFile } from '../source-file';
import { entryId, type ValidatedEntry } from './entry';

/** What a reference check needs to know about the file the references are in. */
export type Referrer = Pick<ValidatedEntry<unknown>, 'id' | 'file' | 'parsed'>;

export interface IncidentReferences {
  from: Referrer;
  patterns: string[];
  related: string[];
  draft: boolean;
}

export interface PatternReferences {
  from: Referrer;
  related: string[];
}

export interface KnownIds {
  patterns: ReadonlySet<string>;
  incidents: ReadonlySet<string>;
  drafts: ReadonlySet<string>;
}

/** An incident's references, from its valid data, or from the raw front matter when its schema failed. */
export function incidentReferences(file: SourceFile, parsed: ParsedSourceFile, entry?: ValidatedEntry<IncidentData>): IncidentReferences {
  if (entry) return { from: entry, patterns: entry.data.patterns, related: entry.data.related, draft: entry.data.draft };
  const raw = parsed.data;
  return { from: { id: entryId(file.path), file, parsed }, patterns: strings(raw.patterns), related: strings(raw.related), draft: raw.draft === true };
}

/** A pattern's references, from its valid data, or from the raw front matter when its schema failed. */
export function patternReferences(file: SourceFile, parsed: ParsedSourceFile, entry?: ValidatedEntry<PatternData>): PatternReferences {
  if (entry) return { from: entry, related: entry.data.related };
  return { from: { id: entryId(file.path), file, parsed }, related: strings(parsed.data.related) };
}

/** A raw front matter list of ids, or nothing when it is not one (the schema reports that). */
function strings(value: unknown): string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string') ? value : [];
}

/** Every file counts as an id, valid or not: a broken file is reported once, not again at each link to it. */
export function knownIds(files: ContentFiles, incidents: readonly ValidatedEntry<IncidentData>[]): KnownIds {
  return {
    patterns: new Set(files.patterns.map((file) => entryId(file.path))),
    incidents: new Set(files.incidents.map((file) => entryId(file.path))),
    drafts: new Set(incidents.filter((incident) => incident.data.draft).map((incident) => incident.id)),
  };
}

export function incidentReferenceIssues({ from, patterns, related, draft }: IncidentReferences, known: KnownIds): ValidationIssue[] {
  return [
    ...unknownIdIssues(from, 'patterns', patterns, known.patterns, 'pattern'),
    ...unknownIdIssues(from, 'related', related, known.incidents, 'incident'),
    ...(draft ? [] : draftLinkIssues(from, related, known.drafts)),
  ];
}

export function patternReferenceIssues({ from, related }: PatternReferences, known: KnownIds): ValidationIssue[] {
  return unknownIdIssues(from, 'related', related, known.patterns, 'pattern');
}

function unknownIdIssues(from: Referrer, field: string, ids: readonly string[], known: ReadonlySet<string>, kind: string): ValidationIssue[] {
  return ids.flatMap((id, index) => {
    if (id === from.id) return [referenceIssue(from, field, index, `${kind} "${id}" is this file itself`)];
    if (!known.has(id)) return [referenceIssue(from, field, index, `no ${kind} "${id}" exists`, didYouMean(id, known))];
    return [];
  });
}

function draftLinkIssues(from: Referrer, related: readonly string[], drafts: ReadonlySet<string>): ValidationIssue[] {
  return related.flatMap((slug, index) =>
    drafts.has(slug) ? [referenceIssue(from, 'related', index, `incident "${slug}" is a draft and will not be published`, 'link it once it is published')] : []);
}

function referenceIssue(from: Referrer, field: string, index: number, message: string, hint?: string): ValidationIssue {
  return errorAt(from.file.path, from.parsed.locate([field, index]), `${field}[${index}]`, message, hint);
}
