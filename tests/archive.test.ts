import { afterEach, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { access, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createArchive } from '../src/commands/archive-command';

const made: string[] = [];
afterEach(async () => {
  await Promise.all(made.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

async function builtSite(home: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'kb-archive-test-'));
  made.push(dir);
  const files: Record<string, string> = {
    'index.html': `<html><head><link rel="canonical" href="${home}"></head></html>`,
    'incidents/x/index.html': '<h1>x</h1>',
    'offline/manifest.v1.json': JSON.stringify({ version: 'v1', builtAt: '2026-11-30T10:00:00.000Z', entries: [] }),
  };
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), text);
  }
  return dir;
}

const list = (archive: string) => execFileSync('tar', ['-tzf', archive], { encoding: 'utf8' }).split('\n').filter(Boolean).sort();
const readme = (archive: string, folder: string) => execFileSync('tar', ['-xzOf', archive, `${folder}/README.txt`], { encoding: 'utf8' });

describe('createArchive', () => {
  it('packs a site built under /kb/ into one folder, the site in its kb/ sub-folder, with a README that says where to open it', async () => {
    const dir = await builtSite('https://org.example.io/kb/');
    const out = join(dir, '..', `${dir.split('/').pop()}.tar.gz`);
    made.push(out);
    const result = await createArchive({ dir, out });
    expect(result.code).toBe(0);
    expect(result.stdout[0]).toMatch(/: \d+ B, 3 files of the site built 2026-11-30T10:00:00.000Z for \/kb\/, in incident-kb-2026-11-30\/kb\/; incident-kb-2026-11-30\/README.txt says how to serve it$/);
    expect(list(out)).toEqual(expect.arrayContaining(['incident-kb-2026-11-30/README.txt', 'incident-kb-2026-11-30/kb/index.html', 'incident-kb-2026-11-30/kb/incidents/x/index.html']));
    expect(list(out).every((entry) => entry.startsWith('incident-kb-2026-11-30/'))).toBe(true);
    expect(readme(out, 'incident-kb-2026-11-30')).toContain('then open http://localhost:8000/kb/');
  });

  it('puts a site built for the root directly in the folder', async () => {
    const dir = await builtSite('https://kb.example.org/');
    const out = `${dir}.tar.gz`;
    made.push(out);
    expect((await createArchive({ dir, out })).code).toBe(0);
    expect(list(out)).toEqual(expect.arrayContaining(['incident-kb-2026-11-30/index.html', 'incident-kb-2026-11-30/README.txt']));
    expect(readme(out, 'incident-kb-2026-11-30')).toContain('then open http://localhost:8000/\n');
  });

  it('exits 2 naming the folder when there is no built site', async () => {
    expect(await createArchive({ dir: '/nonexistent/dist', out: '/tmp/never.tar.gz' })).toEqual({ code: 2, stdout: [], stderr: ['/nonexistent/dist: no built site here (no index.html); run npm run build first'] });
  });

  it('refuses to write the archive inside the site it packs', async () => {
    const dir = await builtSite('https://kb.example.org/');
    const result = await createArchive({ dir, out: join(dir, 'incident-kb.tar.gz') });
    expect(result.code).toBe(2);
    expect(result.stderr[0]).toMatch(/^--out .*incident-kb\.tar\.gz is inside the site being packed; write it elsewhere/);
  });

  it('exits 2 naming the flag when the archive’s folder does not exist', async () => {
    const dir = await builtSite('https://kb.example.org/');
    expect(await createArchive({ dir, out: '/nonexistent-folder/x.tar.gz' })).toEqual({ code: 2, stdout: [], stderr: ['--out /nonexistent-folder/x.tar.gz: there is no folder /nonexistent-folder to write it in'] });
  });

  it('reports tar’s own words when tar fails', async () => {
    const dir = await builtSite('https://kb.example.org/');
    const folder = await mkdtemp(join(tmpdir(), 'kb-archive-out-'));
    made.push(folder);
    await expect(createArchive({ dir, out: folder })).rejects.toThrow(/tar .* exited \d+: .*Is a directory/);
  });

  it('removes its staging folder even when tar fails', async () => {
    const dir = await builtSite('https://kb.example.org/');
    let staging = '';
    const failingTar = async (args: string[]) => {
      staging = args[args.indexOf('-C') + 1]!;
      throw new Error('tar: out of disk');
    };
    await expect(createArchive({ dir, out: `${dir}.tar.gz`, tar: failingTar })).rejects.toThrow('tar: out of disk');
    expect(staging).not.toBe('');
    await expect(access(staging)).rejects.toThrow(/ENOENT/);
  });
});
