/**
 * npm run build [-- ASTRO BUILD FLAGS]  (e.g. --outDir DIR)
 *
 * `astro build`, then the steps that read the whole built site, run once Astro's process has
 * exited and given its memory back: the search index, then the offline manifest and worker (see
 * src/commands/build-command.ts). Exits with Astro's code when the build fails. Every flag goes
 * to `astro build` as it is.
 */
import { runBuild } from '../src/commands/build-command';
import { finish } from '../src/commands/command-result';

finish(await runBuild({ astroArgs: process.argv.slice(2), log: (line) => console.log(line) }));
