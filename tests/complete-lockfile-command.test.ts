import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { completedLockfile, missingOptionalEntries, platformOf, type Lockfile } from '../src/commands/complete-lockfile-command';

describe('package-lock.json', () => {
  it('has an entry for every optional platform package, so npm ci accepts it', () => {
    const lock = JSON.parse(readFileSync(new URL('../package-lock.json', import.meta.url), 'utf8')) as Lockfile;
    const missing = missingOptionalEntries(lock).map(([key]) => key);
    expect(missing, 'run: npm run lock:complete').toEqual([]);
  });
});

describe('missingOptionalEntries', () => {
  it('adds a missing platform package as optional, for its own OS and CPU', () => {
    const lock: Lockfile = {
      packages: {
        '': {},
        'node_modules/tool': { version: '1.0.0', dev: true, optionalDependencies: { '@tool/darwin-arm64': '1.0.0', '@tool/linux-x64': '1.0.0' } },
        'node_modules/@tool/linux-x64': { version: '1.0.0', optional: true, os: ['linux'], cpu: ['x64'] },
      },
    };
    expect(missingOptionalEntries(lock)).toEqual([
      ['node_modules/@tool/darwin-arm64', { version: '1.0.0', dev: true, optional: true, os: ['darwin'], cpu: ['arm64'] }],
    ]);
  });

  it('reads OS, CPU and libc from platform package names', () => {
    expect(platformOf('@x/binding-linux-arm64-musl')).toEqual({ os: ['linux'], cpu: ['arm64'], libc: ['musl'] });
    expect(platformOf('@pagefind/windows-x64')).toEqual({ os: ['win32'], cpu: ['x64'] });
    expect(platformOf('@x/binding-wasm32-wasi')).toEqual({ cpu: ['wasm32'] });
  });
});

describe('completedLockfile', () => {
  it('adds the missing entries and keeps packages sorted as npm writes them, the root first', () => {
    const lock: Lockfile = {
      packages: {
        'node_modules/tool': { version: '1.0.0', optionalDependencies: { '@tool/darwin-arm64': '1.0.0' } },
        '': {},
        'node_modules/a-lib': { version: '2.0.0' },
      },
    };
    const { lock: completed, added } = completedLockfile(lock);
    expect(added).toEqual(['node_modules/@tool/darwin-arm64']);
    expect(Object.keys(completed.packages)).toEqual(['', 'node_modules/@tool/darwin-arm64', 'node_modules/a-lib', 'node_modules/tool']);
  });

  it('changes nothing in a complete lock', () => {
    const lock: Lockfile = { packages: { '': {}, 'node_modules/a-lib': { version: '2.0.0' } } };
    expect(completedLockfile(lock)).toEqual({ lock, added: [] });
  });
});
