/**
 * The core of `npm run check:types` (scripts/check-types.ts): runs `astro check`, and fails when
 * it did not actually check. When @astrojs/check cannot be loaded (a broken install), Astro prints
 * an error yet exits 0, which would let CI pass with no type checking at all.
 */
import { spawn } from 'node:child_process';
import type { CommandResult } from './command-result';

/** The line `astro check` ends with when it has checked files. */
const CHECKED = /Result \(\d+ files?\)/;

/** The exit code to report for `astro check`'s exit code and output. */
export function typeCheckVerdict(code: number | null, output: string): CommandResult {
  if (code === 0 && !CHECKED.test(output)) {
    return { code: 1, stdout: [], stderr: ['astro check exited 0 without checking any file: is @astrojs/check installed and loadable?'] };
  }
  return { code: code ?? 1, stdout: [], stderr: [] };
}

/** Runs `astro check`, its output streamed as it comes (npm scripts put the project's Astro first on PATH). */
export function checkTypes(): Promise<CommandResult> {
  return new Promise((resolve, reject) => {
    const child = spawn('astro', ['check'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    for (const [stream, echo] of [[child.stdout, process.stdout], [child.stderr, process.stderr]] as const) {
      stream.on('data', (chunk: Buffer) => {
        output += chunk;
        echo.write(chunk);
      });
    }
    child.on('error', reject);
    child.on('close', (code) => resolve(typeCheckVerdict(code, output)));
  });
}
