/**
 * The shapes of body the compiler cannot take, read from the text before any compiler sees it.
 * This scan is linear and never recurses, so it can refuse such a body with its line first
 * (src/lib/validate/checks/entry.ts runs it before the compiler):
 *
 * - Nesting. The MDX compiler and Astro's renderer recurse once per level: a few hundred
 *   blockquotes on one line crash the build, a few thousand nested list markers crash the
 *   compiler inside the checker itself, and neither names the file. The scan counts an upper
 *   bound of the tree's depth per line: container markers at the start of the line (`>`, list
 *   bullets and numbers, and indentation, which continues a list item), components still open,
 *   and emphasis runs still open in the paragraph.
 * - Crowded paragraphs. The compiler's time grows with the square of the expressions `{…}`,
 *   tags `<…>` and entities `&…;` in one paragraph: 40,000 of them, 250 KB, take it 15 to 40
 *   seconds, in the check and again in the build. The scan counts them per paragraph.
 * - Footnotes. Each reference `[^1]` renders as a link and a link back, about 300 bytes: 250 KB
 *   of references made a 12 MB page that took the build 15 s and 1.6 GB.
 *
 * Code (fenced blocks and `code` spans) is text and counts nothing.
 */
import { MAX_BODY_NESTING, MAX_FOOTNOTE_MARKERS, MAX_PARAGRAPH_MARKUP } from '../content-limits';
import { formatCount } from '../format-count';
import type { BodyProblem } from './mdx-body';

const FENCE = /^(`{3,}|~{3,})/;
const FLOW_TAG = /^<\/?[A-Za-z]/;
const LIST_MARKER = /^(?:[-*+]|\d{1,9}[.)])(?=[ \t]|$)/;

export function bodyShapeProblem(body: string, firstLine: number): BodyProblem | null {
  let fence: string | undefined;
  const scan: ScanState = { components: 0, emphasis: 0, inTag: false, markup: 0, footnotes: 0 };
  const lines = body.split('\n');
  for (const [index, line] of lines.entries()) {
    const { depth: containers, rest } = containerPrefix(line);
    const fenceMatch = FENCE.exec(rest);
    if (fence !== undefined) {
      if (fenceMatch && fenceMatch[1]!.startsWith(fence)) fence = undefined;
      continue;
    }
    if (fenceMatch) {
      fence = fenceMatch[1]!;
      continue;
    }
    if (rest.trim() === '') {
      scan.emphasis = 0;
      scan.markup = 0;
    }
    // A line that opens with a tag starts a new block (a component on its own lines), so a long
    // <Timeline> is many short paragraphs to the compiler, not one crowded one.
    if (FLOW_TAG.test(rest)) scan.markup = 0;
    const depth = containers + scanInline(stripCodeSpans(rest), scan);
    const problem = shapeProblem(depth, scan);
    if (problem) return { line: firstLine + index, column: 1, ...problem };
  }
  return null;
}

/** What is wrong once a line is scanned, if anything. */
function shapeProblem(depth: number, scan: ScanState): Pick<BodyProblem, 'message' | 'hint'> | null {
  if (depth > MAX_BODY_NESTING) {
    return {
      message: `this line nests about ${depth} levels deep (blockquotes, lists, components and emphasis inside each other); at most ${MAX_BODY_NESTING} are allowed`,
      hint: 'flatten it: a writeup needs a few levels at most',
    };
  }
  if (scan.footnotes > MAX_FOOTNOTE_MARKERS) {
    return {
      message: `the body cites footnotes [^…] more than ${MAX_FOOTNOTE_MARKERS} times by this line`,
      hint: 'cite sources under sources: in the front matter, or link them in the text',
    };
  }
  if (scan.markup > MAX_PARAGRAPH_MARKUP) {
    return {
      message: `this paragraph holds more than ${formatCount(MAX_PARAGRAPH_MARKUP)} tags <…>, expressions {…} and entities &…; by this line`,
      hint: 'split it with blank lines, or put pasted output in a ``` code block',
    };
  }
  return null;
}

/** Blockquote and list markers before the line's text, plus one level per two columns of indent. */
function containerPrefix(line: string): { depth: number; rest: string } {
  let depth = 0;
  let at = 0;
  for (;;) {
    let indent = 0;
    while (line[at] === ' ' || line[at] === '\t') {
      indent += line[at] === '\t' ? 4 : 1;
      at++;
    }
    depth += Math.floor(indent / 2);
    if (line[at] === '>') {
      depth++;
      at++;
      continue;
    }
    const marker = LIST_MARKER.exec(line.slice(at, at + 11));
    if (marker) {
      depth += 2;
      at += marker[0].length;
      continue;
    }
    return { depth, rest: line.slice(at) };
  }
}

/** The line with each `code` span blanked out; an unclosed backtick run is left as text. */
function stripCodeSpans(text: string): string {
  return text.replace(/(`+)[^`]*?\1/g, (span) => ' '.repeat(span.length));
}

const isSpace = (c: string | undefined) => c === undefined || /\s/.test(c);
const isPunctuation = (c: string | undefined) => c !== undefined && /[\p{P}\p{S}]/u.test(c);

/** What is still open where a line ends, and what has been counted so far. */
interface ScanState {
  components: number;
  emphasis: number;
  /** Inside an opening tag whose `>` is on a later line (attributes over several lines). */
  inTag: boolean;
  /** Tags, expressions and entities so far in the paragraph. */
  markup: number;
  /** Footnote markers `[^…]` so far in the body. */
  footnotes: number;
}

/**
 * Scans one line, updating what is open and counting markup, and returns the deepest it went. A
 * delimiter run that can only open (text follows, space or punctuation precedes) opens, one that
 * can only close closes, one between words opens when nothing is open: CommonMark's flanking rules.
 */
function scanInline(text: string, open: ScanState): number {
  let deepest = open.components + open.emphasis;
  for (let at = 0; at < text.length; at++) {
    const c = text[at]!;
    if (open.inTag) {
      if (c !== '>') continue;
      open.inTag = false;
      if (text[at - 1] === '/') open.components--;
    } else if (c === '\\') {
      at++;
    } else if (c === '[' && text[at + 1] === '^') {
      open.footnotes++;
    } else if (c === '{' || (c === '&' && /[#A-Za-z]/.test(text[at + 1] ?? ''))) {
      open.markup++;
    } else if (c === '<' && /[A-Za-z>/]/.test(text[at + 1] ?? '')) {
      open.markup++;
      if (text[at + 1] === '/') open.components = Math.max(0, open.components - 1);
      else {
        open.components++;
        open.inTag = true;
      }
    } else if (c === '*' || c === '_' || c === '~') {
      let end = at;
      while (text[end] === c) end++;
      const before = text[at - 1];
      const after = text[end];
      const left = !isSpace(after) && (!isPunctuation(after) || isSpace(before) || isPunctuation(before));
      const right = !isSpace(before) && (!isPunctuation(before) || isSpace(after) || isPunctuation(after));
      const levels = c === '~' ? 1 : Math.min(end - at, 2);
      const intraword = left && right;
      if (left && (!intraword || (c !== '_' && open.emphasis === 0))) open.emphasis += levels;
      else if (right) open.emphasis = Math.max(0, open.emphasis - levels);
      at = end - 1;
    }
    deepest = Math.max(deepest, open.components + open.emphasis);
  }
  return deepest;
}
