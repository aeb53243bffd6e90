/**
 * Reads a content file's front matter (src/lib/front-matter.ts, the build's rules) and maps
 * field paths back to the lines they were written on, so every problem can be reported as
 * file:line:column.
 */
import { isAlias, isMap, isNode, isScalar, isSeq, LineCounter, parseDocument, Scalar } from 'yaml';
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
  let locate: Locate | undefined;
  return {
    data,
    body: split.body,
    bodyLine: split.bodyLine,
    // Most files have nothing to report, so the positions are only read when first asked for.
    locate: (path) => (locate ??= fieldLocator(split.frontMatter))(path),
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

type Locate = (path: readonly PropertyKey[]) => Position;

/**
 * Where a field path was written: its key, or the start of its list item, block or flow. Falls
 * back to the nearest enclosing field that can be found, then to the first front matter line.
 */
export function locateInFrontMatter(frontMatter: readonly string[], path: readonly PropertyKey[]): Position {
  return fieldLocator(frontMatter)(path);
}

/**
 * Positions come from the `yaml` package, which keeps where each node was written; the values
 * themselves stay those of src/lib/front-matter.ts, which reads them as the build does. A key is
 * located at its name, inside any quotes, so the column points at the word the message names.
 */
function fieldLocator(frontMatter: readonly string[]): Locate {
  const lineCounter = new LineCounter();
  const document = parseDocument(frontMatter.join('\n'), { lineCounter, uniqueKeys: false });
  const at = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(offset);
    return { line: line + 1, column: col };
  };
  return (path) => {
    let found: Position = { line: 2, column: 1 };
    let node: unknown = document.contents;
    for (const segment of path) {
      if (isAlias(node)) node = node.resolve(document);
      if (isSeq(node) && typeof segment === 'number') {
        const item: unknown = node.items[segment];
        if (!isNode(item) || !item.range) break;
        found = at(item.range[0]);
        node = item;
      } else if (isMap(node)) {
        const pair = node.items.find(({ key }) => isScalar(key) && String(key.value) === String(segment));
        if (!isScalar(pair?.key) || !pair.key.range) break;
        const quoted = pair.key.type === Scalar.QUOTE_DOUBLE || pair.key.type === Scalar.QUOTE_SINGLE;
        found = at(pair.key.range[0] + (quoted ? 1 : 0));
        node = pair.value;
      } else {
        break;
      }
    }
    return found;
  };
}
