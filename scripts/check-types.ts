/**
 * npm run check:types
 *
 * Runs `astro check`, and fails when it did not actually check (src/commands/check-types-command.ts).
 */
import { checkTypes } from '../src/commands/check-types-command';
import { finish } from '../src/commands/command-result';

finish(await checkTypes());
