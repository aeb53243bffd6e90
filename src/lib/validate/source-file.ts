/**
 * Reads a content file's front matter (src/lib/front-matter.ts, the build's rules) and maps
 * field paths back to the lines they were written on, so every problem can be reported as
 * file:line:column.
 */
import { FrontMatterError, parseFrontMatterLines, splitFrontMatter, type SplitText } from '../front-matter';

export { FrontMatterError };

export interface SourceFile {
  /** Path relative to the project root, forward slashes. */
  path: string;
  text: string;
  /** Why the file was not read (a link, a folder, too large, not UTF-8); `text` is then empty. */
  refusal?: { message: string; line: number; hint?: string };
}

export interface ParsedSourceFile {
  data: Record<string, unknown>;
  /** The MDX body after the front matter. */
  body: string;
  /** 1-based line of the body's first line. */
  bodyLine: number;
  locate(path: readonly PropertyKey[]): { line: number; column: number };
}

export type SplitSourceFile = SplitText;

export const splitSourceFile = (file: SourceFile): SplitSourceFile => splitFrontMatter(file.text);

export function parseSourceFile(file: SourceFile, split: SplitSourceFile = splitSourceFile(file)): ParsedSourceFile {
  let data: Record<string, unknown>;
  try {
    data = parseFrontMatterLines(split.frontMatter);
  } catch (error) {
    if (!(error instanceof FrontMatterError)) throw error;
    throw locateYamlError(split.frontMatter, error);
  }
  return {
    data,
    body: split.body,
    bodyLine: split.bodyLine,
    locate: (path) => locateInFrontMatter(split.frontMatter, path),
  };
}

/**
 * Where broken YAML was broken. The parser reports where it gave up, often lines after the
 * mistake (an unclosed `[` shows up on the next field), so each top-level field is parsed on its
 * own first: the first that fails alone is the one to fix. When none does (a field given twice),
 * the parser's own position stands and the field written there is named.
 */
function locateYamlError(frontMatter: readonly string[], error: FrontMatterError): FrontMatterError {
  if (error.field !== undefined) return error;
  const fields = topLevelFields(frontMatter);
  for (const field of fields) {
    try {
      parseFrontMatterLines(frontMatter.slice(field.from, field.to), field.from + 2);
    } catch (fieldError) {
      if (!(fieldError instanceof FrontMatterError)) throw fieldError;
      const line = Math.min(Math.max(fieldError.line, field.from + 2), field.to + 1);
      return new FrontMatterError(fieldError.message, line, fieldError.column, fieldError.hint, fieldError.field ?? field.key);
    }
  }
  const key = fields.findLast((field) => field.from + 2 <= error.line)?.key;
  return new FrontMatterError(error.message, error.line, error.column, error.hint, key);
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
