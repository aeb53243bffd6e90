/**
 * npm run check:types
 *
 * Runs `astro check`, and fails when it did not actually check: when @astrojs/check cannot be
 * loaded (a broken install), Astro prints an error yet exits 0, which would let CI pass with no
 * type checking at all.
 */
import { spawn } from 'node:child_process';

// npm scripts put node_modules/.bin first on PATH, so this is the project's Astro.
const child = spawn('astro', ['check'], { stdio: ['ignore', 'pipe', 'pipe'] });
let output = '';
for (const stream of [child.stdout, child.stderr]) {
  stream.on('data', (chunk: Buffer) => {
    output += chunk;
    (stream === child.stdout ? process.stdout : process.stderr).write(chunk);
  });
}
child.on('close', (code) => {
  if (code === 0 && !/Result \(\d+ files?\)/.test(output)) {
    console.error('astro check exited 0 without checking any file: is @astrojs/check installed and loadable?');
    process.exitCode = 1;
  } else {
    process.exitCode = code ?? 1;
  }
});
