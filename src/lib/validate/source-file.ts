/**
 * Reads a content file's front matter with gray-matter and maps field paths back to the lines
 * they were written on, so every problem can be reported as file:line:column.
 */
import { readFrontMatter } from '../front-matter';

export interface SourceFile {
  /** Path relative to the project root, forward slashes. */
  path: string;
  text: string;
}

export interface ParsedSourceFile {
  data: Record<string, unknown>;
  /** The MDX body after the front matter. */
  body: string;
  /** 1-based line of the body's first line. */
  bodyLine: number;
  locate(path: readonly PropertyKey[]): { line: number; column: number };
}

export class FrontMatterError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
    readonly hint?: string,
    /** The top-level field the problem is in, when it is known. */
    readonly field?: string,
  ) {
    super(message);
  }
}

const FENCE = /^---[ \t]*$/;

export interface SplitSourceFile {
  /** The lines between the fences. */
  frontMatter: string[];
  /** The MDX body after the front matter. */
  body: string;
  /** 1-based line of the body's first line. */
  bodyLine: number;
}

/** Finds the front matter fences; the body can be checked even when the YAML between them is broken. */
export function splitSourceFile(file: SourceFile): SplitSourceFile {
  const lines = file.text.replace(/^\uFEFF/, '').split(/\r?\n/);
  if (!FENCE.test(lines[0] ?? '')) {
    throw new FrontMatterError('the file has no front matter', 1, 1, 'start the file with a line "---", the fields, then "---"');
  }
  const closing = lines.findIndex((line, i) => i > 0 && FENCE.test(line));
  if (closing === -1) {
    throw new FrontMatterError('the front matter is never closed', 1, 1, 'add a line "---" after the last field');
  }
  return { frontMatter: lines.slice(1, closing), body: lines.slice(closing + 1).join('\n'), bodyLine: closing + 2 };
}

export function parseSourceFile(file: SourceFile, split: SplitSourceFile = splitSourceFile(file)): ParsedSourceFile {
  let data: unknown;
  try {
    data = readFrontMatter(file.text).data;
  } catch (error) {
    throw yamlError(split.frontMatter, error);
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new FrontMatterError('the front matter must be a list of "field: value" lines', 2, 1);
  }
  return {
    data: data as Record<string, unknown>,
    body: split.body,
    bodyLine: split.bodyLine,
    locate: (path) => locateInFrontMatter(split.frontMatter, path),
  };
}

interface YamlException {
  reason?: string;
  /** 0-based; gray-matter hands the parser the text after the opening fence, newline included. */
  mark?: { line?: number; column?: number };
}

/**
 * Where broken YAML was broken. The parser reports where it gave up, often lines after the
 * mistake (an unclosed `[` shows up on the next field), so each top-level field is parsed on its
 * own first: the first that fails alone is the one to fix. When none does (a field given twice),
 * the parser's own position stands and the field written there is named.
 */
function yamlError(frontMatter: readonly string[], error: unknown): FrontMatterError {
  const fields = topLevelFields(frontMatter);
  for (const field of fields) {
    try {
      readFrontMatter(`---\n${frontMatter.slice(field.from, field.to).join('\n')}\n---\n`);
    } catch (fieldError) {
      const { reason, mark } = fieldError as YamlException;
      const line = Math.min(Math.max(field.from + (mark?.line ?? 1) - 1, field.from), field.to - 1) + 2;
      return new FrontMatterError(`the front matter is not valid YAML: ${reason}`, line, (mark?.column ?? 0) + 1, undefined, field.key);
    }
  }
  const { reason, mark } = error as YamlException;
  const line = (mark?.line ?? 1) + 1;
  const key = fields.findLast((field) => field.from + 2 <= line)?.key;
  return new FrontMatterError(`the front matter is not valid YAML: ${reason ?? (error as Error).message}`, line, (mark?.column ?? 0) + 1, undefined, key);
}

/** The lines each top-level `key:` spans, comments and indented lines going with the field above. */
function topLevelFields(frontMatter: readonly string[]): { key: string; from: number; to: number }[] {
  const fields: { key: string; from: number; to: number }[] = [];
  frontMatter.forEach((line, index) => {
    const key = /^["']?([^\s"'#:-][^"':]*)["']?\s*:/.exec(line)?.[1];
    if (key !== undefined) fields.push({ key, from: index, to: index + 1 });
    else if (fields.length > 0) fields.at(-1)!.to = index + 1;
  });
  return fields;
}

interface Position {
  line: number;
  column: number;
}

/**
 * Finds where a field path was written in block-style YAML. Falls back to the nearest enclosing
 * field that can be found, then to the first front matter line.
 */
export function locateInFrontMatter(frontMatter: readonly string[], path: readonly PropertyKey[]): Position {
  let found: Position = { line: 2, column: 1 };
  let from = 0;
  let to = frontMatter.length;
  let indent = -1;
  for (const segment of path) {
    const match =
      typeof segment === 'number'
        ? findListItem(frontMatter, from, to, indent, segment)
        : findKey(frontMatter, from, to, indent, String(segment));
    if (!match) break;
    found = { line: match.index + 2, column: match.column };
    ({ from, to, indent } = match.child);
  }
  return found;
}

interface Match {
  index: number;
  column: number;
  child: { from: number; to: number; indent: number };
}

const indentOf = (line: string) => line.length - line.trimStart().length;
const isContent = (line: string) => line.trim() !== '' && !line.trimStart().startsWith('#');

/** End (exclusive) of the block a line opens; a key's block also holds a list written at its own indent. */
function blockEnd(lines: readonly string[], start: number, to: number, indent: number, isKey: boolean): number {
  let end = start + 1;
  const inBlock = (line: string) =>
    !isContent(line) || indentOf(line) > indent || (isKey && indentOf(line) === indent && /^\s*-( |$)/.test(line));
  while (end < to && inBlock(lines[end]!)) end++;
  return end;
}

function findKey(lines: readonly string[], from: number, to: number, parentIndent: number, key: string): Match | undefined {
  const keyPattern = new RegExp(`^(\\s*)(?:- +)?["']?${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}["']?\\s*:`);
  for (let i = from; i < to; i++) {
    const line = lines[i]!;
    const m = keyPattern.exec(line);
    if (!m) continue;
    const isItemLine = line.trimStart().startsWith('-');
    if (parentIndent === -1 ? indentOf(line) !== 0 : indentOf(line) <= parentIndent && !isItemLine) continue;
    const keyColumn = line.indexOf(key.charAt(0), m[1]!.length);
    const own = isItemLine ? keyColumn : indentOf(line);
    return { index: i, column: keyColumn + 1, child: { from: i, to: blockEnd(lines, i, to, own, true), indent: own } };
  }
  return undefined;
}

function findListItem(lines: readonly string[], from: number, to: number, parentIndent: number, index: number): Match | undefined {
  const first = lines[from] ?? '';
  const inline = /:\s*\[/.test(first);
  if (inline) return { index: from, column: first.indexOf('[') + 1, child: { from, to: from + 1, indent: parentIndent } };
  let seen = -1;
  let itemIndent: number | undefined;
  for (let i = from + 1; i < to; i++) {
    const line = lines[i]!;
    if (!/^\s*-( |$)/.test(line)) continue;
    itemIndent ??= indentOf(line);
    if (indentOf(line) !== itemIndent) continue;
    seen++;
    if (seen === index) {
      return { index: i, column: itemIndent + 3, child: { from: i, to: blockEnd(lines, i, to, itemIndent, false), indent: itemIndent } };
    }
  }
  return undefined;
}
