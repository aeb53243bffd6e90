/** The downloadable copy: archived, unpacked elsewhere, served by a plain static server, and still searchable. */
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { createArchive } from '../src/commands/archive-command';
import { runInProcessGroup } from '../tests/harness/process-group';
import { PROJECT_ROOT } from '../tests/harness/site-build';
import { useBuiltSite } from './support/fixture-site';
import { useBrowser } from './support/page';
import { serveStatic, type StaticSite } from '../tests/harness/static-server';

const WRITEUP = 'incidents/2017-01-31-rm-on-wrong-host-deletes-primary-database/';
const underKb = useBuiltSite('archive-kb', async () => join(PROJECT_ROOT, 'content'), { basePath: '/kb/' });

interface Unpacked {
  /** What the archive holds at its top. */
  top: string[];
  /** The address its README.txt says to open, on our server instead of localhost:8000. */
  address: string;
}

const workDirs: string[] = [];
const servers: StaticSite[] = [];

/** Archives `siteDir`, unpacks it with system tar elsewhere and serves the unpacked folder as it is. */
async function unpackAndServe(siteDir: string): Promise<Unpacked> {
  const workDir = await mkdtemp(join(tmpdir(), 'kb-archive-e2e-'));
  workDirs.push(workDir);
  const archive = join(workDir, 'incident-kb.tar.gz');
  const result = await createArchive({ dir: siteDir, out: archive });
  if (result.code !== 0) throw new Error(result.stderr.join('\n'));
  const unpacked = join(workDir, 'unpacked');
  await mkdir(unpacked);
  const tar = await runInProcessGroup(['tar', '-xzf', archive, '-C', unpacked], { cwd: workDir, env: process.env, timeoutMs: 60_000, what: 'tar' });
  if (tar.code !== 0) throw new Error(`tar could not unpack ${archive}:\n${tar.output}`);
  const top = await readdir(unpacked);
  const folder = join(unpacked, top[0]!);
  const readme = await readFile(join(folder, 'README.txt'), 'utf8');
  const server = await serveStatic(folder);
  servers.push(server);
  const named = new URL(readme.match(/^\s*then open (\S+)$/m)![1]!);
  return { top, address: new URL(named.pathname, server.url).href };
}

let atRoot: Unpacked;
let atKb: Unpacked;
beforeAll(async () => {
  atRoot = await unpackAndServe(inject('siteDir'));
  atKb = await unpackAndServe(underKb.outDir);
});

afterAll(async () => {
  await Promise.all(servers.map((server) => server.close()));
  await Promise.all(workDirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

const site = useBrowser();

async function open(address: string): Promise<Page> {
  const page = await site.blank();
  const response = await page.goto(address);
  expect(response?.status(), address).toBe(200);
  return page;
}

async function expectWriteupAndSearch(home: string) {
  const incident = await open(new URL(WRITEUP, home).href);
  expect(await incident.locator('h1').textContent()).toMatch(/^rm -rf on the wrong host/);
  const search = await open(new URL('search/?q=leap+second', home).href);
  await search.waitForFunction(() => /found/.test(document.getElementById('search-status')?.textContent ?? ''));
  expect(await search.locator('[data-search-results] > li').count()).toBeGreaterThan(0);
}

describe('an unpacked archive served by a plain static server', () => {
  it('holds one folder, whose README names the address to open', () => {
    for (const { top } of [atRoot, atKb]) expect(top).toEqual([expect.stringMatching(/^incident-kb-\d{4}-\d{2}-\d{2}$/)]);
    expect(new URL(atRoot.address).pathname).toBe('/');
    expect(new URL(atKb.address).pathname).toBe('/kb/');
  });

  it('opens a writeup and shows search results, for a site built for the root', async () => {
    await expectWriteupAndSearch(atRoot.address);
  });

  it('opens a writeup and shows search results under /kb/, for a site built under /kb/', async () => {
    await expectWriteupAndSearch(atKb.address);
  });
});
