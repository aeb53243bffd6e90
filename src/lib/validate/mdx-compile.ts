/**
 * Compiles a writeup's MDX with Sätteri, the compiler `astro build` uses, and reads the tree it
 * parsed with the body rules. "Does not compile" is decided by the real compiler (its ESM check
 * only runs while generating JavaScript), and the rules see the tree the compiler would turn into
 * code, so the check and the build cannot disagree about what a file contains.
 */
import { mdxToJs, type MdastPluginDefinition } from 'satteri';
import { bodyProblems, type BodyProblem, type MdxNode } from './mdx-body';

/** Satteri reports `line:column: reason (rule-id)`. */
const COMPILER_ERROR = /^(\d+):(\d+): ([\s\S]*?)(?:\s*\([\w-]+:[\w-]+\))?$/;

/**
 * Every problem in an MDX text: what the body rules find and, if it fails, the compiler's error.
 * Lines count from the start of `text`; pass the body after as many blank lines as the front
 * matter took, the way the build sees it, and the positions are those of the file.
 */
export function mdxProblems(text: string): BodyProblem[] {
  let problems: BodyProblem[] = [];
  const inspect: MdastPluginDefinition = {
    name: 'incident-kb:inspect',
    options: { position: true },
    before: (root, ctx) => {
      problems = bodyProblems(root as MdxNode, ctx.source);
    },
  };
  try {
    mdxToJs(text, { mdastPlugins: [inspect] });
  } catch (error) {
    problems.push(compilerProblem(error));
  }
  return problems;
}

/** The usual cause of a compile error in prose: a `<` or `{` meant as text. */
const COMPILER_HINTS: [RegExp, string][] = [
  [/closing tag/, 'close each component, like <Callout kind="note">…</Callout>; for a literal < write \\<'],
  [/after `<`|before name/, 'for a literal < write \\< (or put it in `code`); Markdown replaces HTML'],
  [/brace|expression/, 'for a literal { write \\{ (or put it in `code`)'],
];

function compilerProblem(error: unknown): BodyProblem {
  const match = COMPILER_ERROR.exec(error instanceof Error ? error.message : '');
  // Anything without a position is the compiler failing, not the file: say so loudly.
  if (!match) throw new Error('the MDX compiler failed', { cause: error });
  const reason = match[3]!;
  const hint = COMPILER_HINTS.find(([pattern]) => pattern.test(reason))?.[1];
  return { line: Number(match[1]), column: Number(match[2]), message: `MDX does not compile: ${reason}`, ...(hint ? { hint } : {}) };
}
