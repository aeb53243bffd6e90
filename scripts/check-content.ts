/**
 * npm run check:content [-- FILE...]
 *
 * Validates every writeup and pattern with the schema the build uses, or only the files given
 * (still against the whole collection, so unknown pattern ids and slugs are found). Prints every
 * problem as `path:line:column  field  message  (hint)`, GitHub annotations when GITHUB_ACTIONS
 * is set, and exits 1 on any error.
 */
import { relative, resolve, sep } from 'node:path';
import { byLocation, formatIssue, githubAnnotation } from '../src/lib/validate/issue';
import { validateContent } from '../src/lib/validate/content';
import { readContent } from '../src/node/read-content';

async function main(argv: string[]): Promise<number> {
  const root = process.cwd();
  const only = new Set(argv.map((file) => relative(root, resolve(file)).split(sep).join('/')));
  const files = await readContent(root);
  const known = new Set([...files.incidents, ...files.patterns].map((f) => f.path));
  const missing = [...only].filter((file) => !known.has(file));
  if (missing.length > 0) {
    for (const file of missing) console.error(`${file}: not a file in content/incidents or content/patterns`);
    return 2;
  }

  const report = validateContent(files);
  const issues = report.issues.filter((issue) => only.size === 0 || only.has(issue.file)).sort(byLocation);
  for (const issue of issues) console.log(formatIssue(issue));
  if (process.env.GITHUB_ACTIONS) for (const issue of issues) console.log(githubAnnotation(issue));

  const errors = issues.filter((issue) => issue.severity === 'error').length;
  const warnings = issues.length - errors;
  const checked = only.size || known.size;
  console.log(`${checked} file${checked === 1 ? '' : 's'} checked: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`);
  return errors > 0 ? 1 : 0;
}

process.exitCode = await main(process.argv.slice(2));
