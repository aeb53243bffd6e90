/**
 * MDX for writeups, with a guard inside the compiler. The pre-build check (validate-content.ts)
 * already refuses a writeup that carries code; this guard runs the same body rules on the tree
 * Sätteri is about to turn into JavaScript, so an MDX file that never went through that check (a
 * file outside the content folders, a build started another way) still cannot compile code.
 */
import mdx from '@astrojs/mdx';
import { satteri } from '@astrojs/markdown-satteri';
import type { AstroIntegration } from 'astro';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MdastPluginDefinition } from 'satteri';
import { formatIssue } from '../lib/validate/issue';
import { bodyProblems, type MdxNode } from '../lib/validate/mdx-body';

/** A Sätteri plugin that throws, listing every problem, before a writeup with code compiles. */
export function writeupGuard(root = process.cwd()): MdastPluginDefinition {
  return {
    name: 'incident-kb:writeup-guard',
    options: { position: true },
    before: (tree, ctx) => {
      // Astro blanks the front matter with spaces, so positions are those of the file.
      const problems = bodyProblems(tree as MdxNode, ctx.source);
      if (problems.length === 0) return;
      const file = ctx.fileURL ? relative(root, fileURLToPath(ctx.fileURL)) : '(mdx)';
      const report = problems.map((problem) => formatIssue({ file, field: '(body)', severity: 'error', ...problem }));
      const error = new Error(`refusing to compile ${file}: a writeup is content, not code\n${report.join('\n')}`);
      // @astrojs/mdx reads these to point Astro's error overlay and log at the first problem.
      throw Object.assign(error, { line: problems[0]!.line, column: problems[0]!.column });
    },
  };
}

export function writeupMdx(): AstroIntegration {
  return mdx({ processor: satteri({ mdastPlugins: [writeupGuard()] }) });
}
