/** The downloadable copy: archived, unpacked elsewhere, served by a plain static server, and still searchable. */
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createArchive } from '../src/node/archive';
import { useBrowser } from './support/page';
import { serveStatic, type StaticSite } from './support/static-server';

let workDir = '';
let served: StaticSite | undefined;

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'kb-archive-e2e-'));
  const archive = join(workDir, 'incident-kb.tar.gz');
  const result = await createArchive({ dir: inject('siteDir'), out: archive });
  if (result.code !== 0) throw new Error(result.stderr.join('\n'));
  const unpacked = join(workDir, 'unpacked');
  await mkdir(unpacked);
  execFileSync('tar', ['-xzf', archive, '-C', unpacked]);
  const [folder] = await readdir(unpacked);
  served = await serveStatic(join(unpacked, folder!));
});

afterAll(async () => {
  await served?.close();
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

const site = useBrowser(() => served!.url);

describe('an unpacked archive served by a plain static server', () => {
  it('opens a writeup and searches', async () => {
    const incident = await site.open('/incidents/2017-01-31-rm-on-wrong-host-deletes-primary-database/');
    expect(await incident.locator('h1').textContent()).toMatch(/^rm -rf on the wrong host/);
    const search = await site.open('/search/?q=leap+second');
    await search.waitForFunction(() => /found/.test(document.getElementById('search-status')?.textContent ?? ''));
    expect(await search.locator('[data-search-results] > li').count()).toBeGreaterThan(0);
  });
});
