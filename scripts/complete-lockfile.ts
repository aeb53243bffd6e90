/**
 * npm run lock:complete
 *
 * The npm registry reachable from our machines carries only the Linux x64 builds of some native
 * packages (Astro's compiler, Pagefind). npm then leaves the other platforms' optional packages
 * out of package-lock.json, and `npm ci` refuses the lock as out of sync. This adds the missing
 * entries as npm would with the full registry: optional, for their own OS and CPU, so npm
 * skips them here and installs them on those platforms. Run it after `npm install <pkg>`;
 * tests/lockfile-platforms.test.ts fails until it has been.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { missingOptionalEntries } from '../src/commands/lockfile-platforms';

const path = 'package-lock.json';
const lock = JSON.parse(await readFile(path, 'utf8'));
const added = missingOptionalEntries(lock);
for (const [key, entry] of added) lock.packages[key] = entry;
lock.packages = Object.fromEntries(Object.entries(lock.packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))));
await writeFile(path, `${JSON.stringify(lock, null, 2)}\n`);
console.log(added.length === 0 ? 'package-lock.json is complete' : `added ${added.length} platform entries:\n${added.map(([k]) => `  ${k}`).join('\n')}`);
