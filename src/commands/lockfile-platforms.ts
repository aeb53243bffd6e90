/** Finds optional platform packages that package-lock.json lacks (see scripts/complete-lockfile.ts). */

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
