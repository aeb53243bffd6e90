/**
 * The importer's promise on real data (src/commands/import-command.ts): a re-run adds nothing and
 * rewrites nothing. Both shared corpora are imported into one content folder, the postmortems-app
 * corpus first, as a maintainer bootstraps the site; then both again.
 */
import { cp, readdir, readFile, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CommandResult } from '../../src/commands/command-result';
import { importCorpus } from '../../src/commands/import-command';
import { SHARED_CORPUS, SHARED_STATUSPAGE, skipWithoutCorpora } from '../harness/shared-corpus';
import { PROJECT_ROOT } from '../harness/site-build';
import { temporaryFolders } from '../helpers/temporary-folders';

const newFolder = temporaryFolders('kb-reimport-');

/** Every file under `root`, by path: its bytes and when it was last written. */
async function snapshot(root: string): Promise<Map<string, { bytes: Buffer; modified: number }>> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  const files = entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
  return new Map(
    await Promise.all(files.map(async (file) => [relative(root, file), { bytes: await readFile(file), modified: (await stat(file)).mtimeMs }] as const)),
  );
}

/** The counts of an import's summary line. */
function summary(result: CommandResult) {
  const match = /^(\d+) records: (\d+) imported, (\d+) skipped as already present, (\d+) skipped as the same incident as a writeup.*, (\d+) failed;/.exec(
    result.stdout.at(-1) ?? '',
  );
  if (!match) throw new Error(`no summary line in:\n${result.stdout.join('\n')}`);
  const [records, imported, present, sameIncident, failed] = match.slice(1).map(Number);
  return { records, imported, present, sameIncident, failed };
}

describe.skipIf(skipWithoutCorpora('postmortems-app', 'statuspage-github'))('importing both shared corpora a second time', () => {
  it('imports nothing, adds or removes no file and leaves every file byte for byte as it was, unwritten', { timeout: 120_000 }, async () => {
    const root = await newFolder();
    await cp(join(PROJECT_ROOT, 'content/patterns'), join(root, 'content/patterns'), { recursive: true });
    const importBoth = async () => [
      await importCorpus({ root, format: 'postmortems-app', input: SHARED_CORPUS }),
      await importCorpus({ root, format: 'statuspage', input: SHARED_STATUSPAGE }),
    ];

    const first = await importBoth();
    expect(first.map((result) => [result.code, result.stderr])).toEqual([[0, []], [0, []]]);
    for (const result of first) expect(summary(result).imported).toBeGreaterThan(0);
    const before = await snapshot(root);
    expect([...before.keys()].filter((path) => path.startsWith('content/incidents/'))).toHaveLength(
      first.reduce((sum, result) => sum + summary(result).imported, 0),
    );

    const second = await importBoth();
    expect(second.map((result) => [result.code, result.stderr])).toEqual([[0, []], [0, []]]);
    second.forEach((result, index) => {
      const { records, imported, present, sameIncident, failed } = summary(result);
      expect({ imported, failed }).toEqual({ imported: 0, failed: 0 });
      expect(present).toBe(summary(first[index]!).imported);
      expect(present + sameIncident).toBe(records);
    });
    expect(await snapshot(root)).toEqual(before);
  });
});
