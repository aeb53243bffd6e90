/**
 * npm run lock:complete
 *
 * Adds to package-lock.json the other platforms' optional packages that our registry lacks, so
 * `npm ci` accepts the lock everywhere (src/commands/complete-lockfile-command.ts says why). Run it after
 * `npm install <pkg>`.
 */
import { finish } from '../src/commands/command-result';
import { completeLockfile } from '../src/commands/complete-lockfile-command';

finish(await completeLockfile('package-lock.json'));
