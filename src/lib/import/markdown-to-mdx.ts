/**
 * Makes plain Markdown safe to compile as MDX without changing what it says. MDX reads `{`, `<`
 * and lines starting with `import`/`export` as code; imported text must never become code, so
 * these are turned into character references that render as the same characters.
 */

const FENCE = /^\s*(```|~~~)/;

export function markdownToSafeMdx(markdown: string): string {
  let inFence = false;
  return markdown
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => {
      if (FENCE.test(line)) {
        inFence = !inFence;
        return line;
      }
      // Fenced code is literal in MDX, so it stays as written.
      return inFence ? line : escapeLine(line);
    })
    .join('\n');
}

function escapeLine(line: string): string {
  const escaped = line
    // Autolinks (<https://…>) would parse as JSX; a plain Markdown link keeps them clickable.
    .replace(/<(https?:\/\/[^>\s]+)>/g, '[$1]($1)')
    .replace(/<!--([\s\S]*?)-->/g, (_, comment: string) => `(comment: ${comment.trim()})`)
    .replace(/[{}<>]/g, (char) => `&#${char.charCodeAt(0)};`);
  return /^\s*(import|export)\b/.test(escaped) ? escaped.replace(/^(\s*)(\w)/, (_, space: string, first: string) => `${space}&#${first.charCodeAt(0)};`) : escaped;
}

/** Drops a leading `# Heading` level when the body uses h1, which the page title already is. */
export function demoteHeadings(markdown: string): string {
  if (!/^# /m.test(markdown)) return markdown;
  let inFence = false;
  return markdown
    .split('\n')
    .map((line) => {
      if (FENCE.test(line)) inFence = !inFence;
      return !inFence && /^#{1,5} /.test(line) ? `#${line}` : line;
    })
    .join('\n');
}

/** Undoes the numeric character references markdownToSafeMdx writes. */
export function decodeCharacterReferences(text: string): string {
  return text.replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)));
}
