/**
 * The core of `npm run lock:complete` (scripts/complete-lockfile.ts). The npm registry reachable
 * from our machines carries only the Linux x64 builds of some native packages (Astro's compiler,
 * Pagefind). npm then leaves the other platforms' optional packages out of package-lock.json, and
 * `npm ci` refuses the lock as out of sync. This adds the missing entries as npm would with the
 * full registry: optional, for their own OS and CPU, so npm skips them here and installs them on
 * those platforms. tests/complete-lockfile-command.test.ts fails until it has been run.
 */
import { readFile, writeFile } from 'node:fs/promises';
import type { CommandResult } from './command-result';

interface LockEntry {
  version?: string;
  dev?: boolean;
  optional?: boolean;
  optionalDependencies?: Record<string, string>;
  os?: string[];
  cpu?: string[];
  libc?: string[];
}

export interface Lockfile {
  packages: Record<string, LockEntry>;
}

const OS_NAMES: Record<string, string> = { darwin: 'darwin', linux: 'linux', win32: 'win32', windows: 'win32', android: 'android', freebsd: 'freebsd' };
const CPUS = ['arm64', 'x64', 'ia32', 'arm'];

/** OS, CPU and libc read from a platform package's name, e.g. `…-linux-arm64-musl`. */
export function platformOf(name: string): Pick<LockEntry, 'os' | 'cpu' | 'libc'> {
  const parts = name.split('/').pop()!.split('-');
  if (parts.includes('wasm32')) return { cpu: ['wasm32'] };
  const os = parts.map((p) => OS_NAMES[p]).find(Boolean);
  const cpu = parts.find((p) => CPUS.includes(p));
  const libc = parts.includes('musl') ? ['musl'] : parts.includes('gnu') ? ['glibc'] : undefined;
  return { ...(os ? { os: [os] } : {}), ...(cpu ? { cpu: [cpu] } : {}), ...(libc ? { libc } : {}) };
}

/** Lock entries to add: every optional dependency of a locked package that has no entry. */
export function missingOptionalEntries(lock: Lockfile): [string, LockEntry][] {
  const added = new Map<string, LockEntry>();
  for (const [key, entry] of Object.entries(lock.packages)) {
    for (const [name, range] of Object.entries(entry.optionalDependencies ?? {})) {
      const prefix = key ? `${key}/node_modules/` : 'node_modules/';
      if (lock.packages[`${prefix}${name}`] || lock.packages[`node_modules/${name}`] || added.has(`node_modules/${name}`)) continue;
      added.set(`node_modules/${name}`, {
        version: range.replace(/^[\^~=]/, ''),
        ...(entry.dev ? { dev: true } : {}),
        optional: true,
        ...platformOf(name),
      });
    }
  }
  return [...added];
}

/** The lock with the missing entries added and every entry sorted by key, the root first, as npm writes it. */
export function completedLockfile(lock: Lockfile): { lock: Lockfile; added: string[] } {
  const added = missingOptionalEntries(lock);
  const packages = { ...lock.packages, ...Object.fromEntries(added) };
  const sorted = Object.fromEntries(Object.entries(packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))));
  return { lock: { ...lock, packages: sorted }, added: added.map(([key]) => key) };
}

/** Rewrites the lockfile at `path` with the missing platform entries. */
export async function completeLockfile(path: string): Promise<CommandResult> {
  const { lock, added } = completedLockfile(JSON.parse(await readFile(path, 'utf8')) as Lockfile);
  await writeFile(path, `${JSON.stringify(lock, null, 2)}\n`);
  const stdout = added.length === 0 ? [`${path} is complete`] : [`added ${added.length} platform entries:`, ...added.map((key) => `  ${key}`)];
  return { code: 0, stdout, stderr: [] };
}
