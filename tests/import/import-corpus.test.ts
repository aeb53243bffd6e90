/**
 * The import command's core on temporary folders: what it writes, skips and reports, and that a
 * second run changes nothing. Records are made up in the shape of each corpus.
 */
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importCorpus, type ImportOptions } from '../../src/commands/import-command';
import { SHARED_STATUSPAGE, skipWithoutCorpora } from '../harness/shared-corpus';

const PROJECT = fileURLToPath(new URL('../..', import.meta.url));

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'kb-import-'));
  await cp(join(PROJECT, 'content/patterns'), join(root, 'content/patterns'), { recursive: true });
  await mkdir(join(root, 'content/incidents'));
  await mkdir(join(root, 'corpus'));
});
afterEach(() => rm(root, { recursive: true, force: true }));

const run = (options: Partial<ImportOptions> = {}) => importCorpus({ root, format: 'postmortems-app', input: 'corpus', ...options });

/** A postmortems-app record: YAML front matter and a Markdown body. */
async function corpusRecord(name: string, fields: Record<string, string>, body = 'What happened, in the source’s words.') {
  const yaml = Object.entries(fields).map(([key, value]) => `${key}: ${JSON.stringify(value)}`).join('\n');
  await writeFile(join(root, 'corpus', name), `---\n${yaml}\n---\n\n${body}\n`);
}

/** Our hand-written writeup of GitLab's 2017 database deletion. */
async function ownWriteup() {
  await writeFile(
    join(root, 'content/incidents/2017-01-31-rm-on-wrong-host-deletes-primary-database.mdx'),
    [
      '---',
      'title: rm -rf on the wrong host deletes the primary database',
      'summary: A tired engineer wiped the data directory on the primary while replication lagged. Six hours of data were lost.',
      'started: 2017-01-31T23:27:00Z',
      'duration: 18h',
      'impact: critical',
      'patterns: [human-error-in-operational-command]',
      'organization: GitLab',
      '---',
      '',
      'Body.',
      '',
    ].join('\n'),
  );
}

const GITLAB_COPY = {
  url: 'https://about.gitlab.com/2017/02/10/postmortem-of-database-outage-of-january-31/',
  company: 'Gitlab',
  title: 'GitLab.com database outage of January 31, 2017',
  summary: 'Replication lag, then a tired admin deleted the wrong directory; six hours of data lost.',
  start_time: '2017-01-31T23:30:00Z',
};
const OTHER = {
  url: 'https://example.com/blog/2019/07/02/queue-outage/',
  company: 'Example',
  title: 'Queue consumers stall after a config change',
  summary: 'A config change halved consumer threads. The queue backed up for an hour.',
  start_time: '2019-07-02T10:00:00Z',
  end_time: '2019-07-02T11:00:00Z',
};

async function snapshot(): Promise<Map<string, string>> {
  const dir = join(root, 'content/incidents');
  const names = await readdir(dir);
  return new Map(await Promise.all(names.map(async (name) => [name, await readFile(join(dir, name), 'utf8')] as const)));
}

describe('importCorpus', () => {
  it('skips a record of an incident a writeup already covers, naming the writeup, and imports the rest', async () => {
    await ownWriteup();
    await corpusRecord('a.md', GITLAB_COPY);
    await corpusRecord('b.md', OTHER);
    const result = await run();
    expect(result.code).toBe(0);
    const skipped = result.stdout.find((line) => line.startsWith('corpus/a.md: skipped'));
    expect(skipped).toContain('the same incident as content/incidents/2017-01-31-rm-on-wrong-host-deletes-primary-database.mdx');
    expect(result.stdout.at(-1)).toBe(
      '2 records: 1 imported, 0 skipped as already present, 1 skipped as the same incident as a writeup (--keep-duplicates imports them), 0 failed; 0 imported with warnings',
    );
    expect([...(await snapshot()).keys()]).toEqual([
      '2017-01-31-rm-on-wrong-host-deletes-primary-database.mdx',
      '2019-07-02-queue-consumers-stall-after-a-config-change.mdx',
    ]);
  });

  it('imports the repeated record with --keep-duplicates', async () => {
    await ownWriteup();
    await corpusRecord('a.md', GITLAB_COPY);
    const result = await run({ keepDuplicates: true });
    expect(result.stdout.at(-1)).toMatch(/^1 records: 1 imported, 0 skipped as already present, 0 skipped as the same incident as a writeup, 0 failed/);
    expect((await snapshot()).size).toBe(2);
  });

  it('imports a corpus that holds one incident twice only once', async () => {
    await corpusRecord('a.md', GITLAB_COPY);
    await corpusRecord('b.md', { ...GITLAB_COPY, url: 'https://example.org/gitlab-outage-retold', title: 'GitLab.com database outage' });
    const result = await run();
    expect(result.stdout).toContainEqual(expect.stringMatching(/^corpus\/b\.md: skipped, the same incident as content\/incidents\/2017-01-31-gitlab-com-database-outage-of-january-31-2017\.mdx/));
    expect((await snapshot()).size).toBe(1);
  });

  it('adds nothing and changes no file on a second run', async () => {
    await ownWriteup();
    await corpusRecord('a.md', GITLAB_COPY);
    await corpusRecord('b.md', OTHER);
    await run();
    const before = await snapshot();
    const again = await run();
    expect(again.code).toBe(0);
    expect(again.stdout.at(-1)).toMatch(/^2 records: 0 imported, 1 skipped as already present, 1 skipped as the same incident as a writeup/);
    expect(await snapshot()).toEqual(before);
  });

  it('reports an unreadable record by file and reason, imports the others, and exits 1', async () => {
    await writeFile(join(root, 'corpus/broken.md'), 'no front matter here\n');
    await corpusRecord('b.md', OTHER);
    const result = await run();
    expect(result.code).toBe(1);
    expect(result.stderr).toEqual(['corpus/broken.md: not imported: line 1: the file has no front matter']);
    expect(result.stdout.at(-1)).toMatch(/^2 records: 1 imported, .* 1 failed/);
  });
});

describe.skipIf(skipWithoutCorpora('statuspage-github'))('importCorpus on the shared GitHub status history', () => {
  it('imports every record, and a second run adds nothing and changes no file', { timeout: 120_000 }, async () => {
    const first = await run({ format: 'statuspage', input: SHARED_STATUSPAGE });
    expect(first.stderr).toEqual([]);
    expect(first.stdout.at(-1)).toMatch(/^1282 records: 1282 imported, 0 skipped as already present, 0 skipped as the same incident as a writeup, 0 failed/);
    const before = await snapshot();
    expect(before.size).toBe(1282);
    const second = await run({ format: 'statuspage', input: SHARED_STATUSPAGE });
    expect(second.code).toBe(0);
    expect(second.stdout.at(-1)).toMatch(/^1282 records: 0 imported, 1282 skipped as already present,/);
    expect(await snapshot()).toEqual(before);
  });

  it('reads a saved incidents.json of many incidents, naming each record it reports', async () => {
    const names = (await readdir(join(SHARED_STATUSPAGE, 'incidents'))).slice(0, 3);
    const records = await Promise.all(names.map(async (name) => JSON.parse(await readFile(join(SHARED_STATUSPAGE, 'incidents', name), 'utf8'))));
    await writeFile(join(root, 'corpus/incidents.json'), JSON.stringify({ page: records[0].page, incidents: records.map((r) => r.incident) }));
    const result = await run({ format: 'statuspage', input: 'corpus/incidents.json' });
    expect(result.stdout.at(-1)).toMatch(/^3 records: 3 imported/);
    expect((await snapshot()).size).toBe(3);
  });
});
