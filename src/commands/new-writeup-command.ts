/**
 * What `npm run new` does: takes the values given, asks for missing or invalid required ones when
 * there is someone to ask, validates the writeup with the same validator as the build (against
 * the whole collection), and writes it only when it is valid and the file does not exist yet.
 */
import { access, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { CONTENT_EXTENSION } from '../lib/content-files';
import { CONTENT_DIRS } from '../node/content-dirs';
import {
  isListField,
  NEW_WRITEUP_FIELDS,
  renderWriteup,
  WRITEUP_FIELDS,
  type NewWriteupField,
  type NewWriteupValues,
} from './writeup-template';
import { incidentSlug, slugify } from '../lib/slug';
import { parseTimePoint, TimeSyntaxError } from '../lib/time-point';
import { validateContent } from '../lib/validate/content';
import { formatIssue } from '../lib/validate/issue';
import type { CommandResult } from './command-result';
import { readContent } from '../node/read-content';

/** Someone to ask: a question returns the answer, a message is shown at once. */
export interface Terminal {
  ask(question: string): Promise<string>;
  tell(message: string): void;
}

export interface NewWriteupOptions {
  root: string;
  values: NewWriteupValues;
  /** Absent when there is no terminal (CI, scripts): then every required value must be given. */
  terminal?: Terminal;
  dirs?: { incidents: string; patterns: string };
}

/** Exit code 0 written, 1 invalid or already there, 2 required values missing and nobody to ask. */
export interface NewWriteupResult extends CommandResult {
  /** The file written, relative to the root. */
  path?: string;
}

/**
 * The values the schema requires, in its order; each is a flag (tests/new-writeup.test.ts holds
 * the two together). `ended` or `duration`, which the schema requires one of, is asked for on its own.
 */
const REQUIRED: readonly NewWriteupField[] = NEW_WRITEUP_FIELDS.filter((name) => !fieldNamed(name).optional);

function fieldNamed(name: NewWriteupField) {
  return WRITEUP_FIELDS.find((field) => field.name === name)!;
}

/** `Impact (how bad it was, …: unknown, none, …)`: the field's name, then its description from the schema. */
function question(name: NewWriteupField): string {
  const field = fieldNamed(name);
  const description = field.description.replace(/^[A-Z](?![A-Z])/, (first) => first.toLowerCase());
  const allowed = field.values ? `: ${field.values.join(', ')}` : '';
  const list = isListField(field) ? '; comma-separated' : '';
  const instead = name === 'ended' ? '; leave empty to give a duration instead' : '';
  return `${name.charAt(0).toUpperCase()}${name.slice(1)} (${description}${allowed}${list}${instead})`;
}

export async function newWriteup(options: NewWriteupOptions): Promise<NewWriteupResult> {
  const { root, terminal, dirs = CONTENT_DIRS } = options;
  const values: NewWriteupValues = { ...options.values };
  const files = await readContent(root, dirs);
  // Reporting on no file reads every front matter but compiles no body: only the patterns are wanted.
  const patterns = validateContent(files, { only: new Set() }).patterns.map(({ id, data }) => ({ id, title: data.title }));

  const missing = (): NewWriteupField[] => [
    ...REQUIRED.filter((field) => !values[field]?.trim()),
    ...(values.ended?.trim() || values.duration?.trim() ? [] : ['ended' as const]),
  ];
  if (!terminal && missing().length > 0) {
    const flags = missing().map((field) => (field === 'ended' ? '--ended or --duration (--duration unknown if neither is known)' : `--${field}`));
    return { code: 2, stdout: [], stderr: [`missing ${flags.join(', ')}; there is no terminal to ask on`] };
  }
  if (terminal) {
    for (const line of ['Patterns to choose from:', ...patterns.map((p) => `  ${p.id}: ${p.title}`)]) terminal.tell(line);
    for (const field of missing()) await askFor(field, values, terminal);
  }

  for (;;) {
    const path = `${dirs.incidents}/${slugOf(values)}${CONTENT_EXTENSION}`;
    if (await exists(resolve(root, path))) {
      return { code: 1, stdout: [], stderr: [`${path} already exists; edit it, or choose another title`] };
    }
    const text = renderWriteup(values, patterns);
    const issues = validateContent({ ...files, incidents: [...files.incidents, { path, text }] }, { only: new Set([path]) }).issues;
    const errors = issues.filter((issue) => issue.severity === 'error');
    const fixable = [...new Set(errors.map((issue) => fieldOf(issue.field)).filter((field) => field !== undefined))];
    if (errors.length === 0 || !terminal || fixable.length === 0) {
      const report = issues.map(formatIssue);
      if (errors.length > 0) return { code: 1, stdout: [], stderr: [...report, `${path} was not written`] };
      await writeFile(resolve(root, path), text, { flag: 'wx' });
      return { code: 0, stdout: [...report, `created ${path}`, `fill in the body, then run: npm run check:content -- ${path}`], stderr: [], path };
    }
    for (const issue of errors) terminal.tell(formatIssue(issue));
    for (const field of fixable) await askFor(field, values, terminal);
  }
}

async function askFor(field: NewWriteupField, values: NewWriteupValues, terminal: Terminal) {
  values[field] = (await terminal.ask(`${question(field)}: `)).trim();
  if (field === 'ended' && !values.ended) values.duration = (await terminal.ask(`${question('duration')}: `)).trim();
}

/** The value to ask again for a problem in `patterns[1]`, `duration`, …; none for the body. */
function fieldOf(issueField: string): NewWriteupField | undefined {
  const name = issueField.replace(/[[.].*$/, '');
  return NEW_WRITEUP_FIELDS.find((field) => field === name);
}

/** The file name, from `started` and the title; an unreadable date is reported by the validator. */
function slugOf(values: NewWriteupValues): string {
  try {
    return incidentSlug(parseTimePoint(values.started ?? ''), values.title ?? '');
  } catch (error) {
    if (!(error instanceof TimeSyntaxError)) throw error;
    return `undated-${slugify(values.title ?? '')}`;
  }
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(() => true, () => false);
}
