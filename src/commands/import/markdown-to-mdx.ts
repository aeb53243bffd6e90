/**
 * Makes plain Markdown safe to compile as MDX without changing what it says. MDX reads `{` and
 * `<` as code and lines starting with `import`/`export` as modules; imported text must never
 * become code, so those are turned into character references that render as the same
 * characters. Code (fenced blocks, inline spans) is literal in MDX and stays as written.
 */

interface Fence {
  char: string;
  length: number;
}

/** A CommonMark fence opener: three or more backticks (no backtick after) or tildes. */
function openingFence(line: string): Fence | undefined {
  const match = /^ {0,3}(`{3,}|~{3,})(.*)$/.exec(line);
  if (!match) return undefined;
  const [, run, info] = match as unknown as [string, string, string];
  if (run[0] === '`' && info.includes('`')) return undefined;
  return { char: run[0]!, length: run.length };
}

function closesFence(line: string, fence: Fence): boolean {
  const match = /^ {0,3}(`{3,}|~{3,})\s*$/.exec(line);
  return match !== null && match[1]![0] === fence.char && match[1]!.length >= fence.length;
}

/** Applies `transform` to each line outside fenced code blocks. */
function outsideFences(markdown: string, transform: (line: string) => string): string {
  let fence: Fence | undefined;
  return markdown
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => {
      if (fence) {
        if (closesFence(line, fence)) fence = undefined;
        return line;
      }
      fence = openingFence(line);
      return fence ? line : transform(line);
    })
    .join('\n');
}

const reference = (char: string) => `&#${char.charCodeAt(0)};`;

function escapeText(text: string): string {
  return text
    // Autolinks (<https://…>) would parse as JSX; a plain Markdown link keeps them clickable.
    .replace(/<(https?:\/\/[^>\s]+)>/g, '[$1]($1)')
    .replace(/<!--([\s\S]*?)-->/g, (_, comment: string) => `(comment: ${comment.trim()})`)
    .replace(/[{}<]/g, reference);
}

/**
 * A CommonMark code span: a run of backticks, then text, then a run of exactly as many
 * backticks. Runs of different lengths do not pair, so `` `` {x} ` `` has no span and is escaped.
 */
const CODE_SPAN = /(?<!`)(`+)(?!`)([\s\S]*?[^`])\1(?!`)/g;

function escapeLine(line: string): string {
  let escaped = '';
  let cursor = 0;
  // Inline code spans are literal in MDX; escaping inside them would show the references.
  for (const span of line.matchAll(CODE_SPAN)) {
    escaped += escapeText(line.slice(cursor, span.index)) + span[0];
    cursor = span.index + span[0].length;
  }
  escaped += escapeText(line.slice(cursor));
  return /^\s*(import|export)\b/.test(escaped) ? escaped.replace(/^(\s*)(\w)/, (_, space: string, first: string) => `${space}${reference(first)}`) : escaped;
}

export function markdownToSafeMdx(markdown: string): string {
  return outsideFences(markdown, escapeLine);
}

/** Moves every heading down a level when the body uses h1, which the page title already is. */
export function demoteHeadings(markdown: string): string {
  let hasH1 = false;
  outsideFences(markdown, (line) => {
    hasH1 ||= /^# /.test(line);
    return line;
  });
  return hasH1 ? outsideFences(markdown, (line) => (/^#{1,5} /.test(line) ? `#${line}` : line)) : markdown;
}

/** Undoes the numeric character references markdownToSafeMdx writes. */
export function decodeCharacterReferences(text: string): string {
  return text.replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)));
}
