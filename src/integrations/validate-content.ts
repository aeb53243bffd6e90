/**
 * Fails `astro build` on any invalid writeup or pattern, with every problem listed as
 * file:line:column, before Astro starts. Astro's own schema check stops at the first entry and
 * only logs a missing reference; this runs the same rules as `npm run check:content`.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { formatIssue, byLocation } from '../lib/validate/issue';
import { validateContent } from '../lib/validate/content';
import { readContent } from '../node/read-content';

export function validateContentIntegration(): AstroIntegration {
  return {
    name: 'incident-kb:validate-content',
    hooks: {
      'astro:config:setup': async ({ config, command, logger }) => {
        if (command !== 'build' && command !== 'dev') return;
        const started = performance.now();
        const root = fileURLToPath(config.root);
        const files = await readContent(root);
        const { issues } = validateContent(files);
        logger.info(`checked ${files.incidents.length + files.patterns.length} files in ${Math.round(performance.now() - started)} ms`);
        const errors = issues.filter((issue) => issue.severity === 'error').sort(byLocation);
        for (const warning of issues.filter((issue) => issue.severity === 'warning')) logger.warn(formatIssue(warning));
        if (errors.length === 0) return;
        const report = errors.map(formatIssue).join('\n');
        // In dev the site keeps serving while the writer fixes the file; a build must not ship it.
        if (command === 'dev') logger.error(`invalid content:\n${report}`);
        else throw new Error(`${errors.length} content problem${errors.length === 1 ? '' : 's'}:\n${report}`);
      },
    },
  };
}
