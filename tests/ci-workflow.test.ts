/**
 * The CI workflow's promise about the shared corpora: it fetches each at the commit the test
 * harness pins (tests/harness/shared-corpus.ts) and lays them out where the tests read them,
 * before the tests run, so the suites that read them run in CI instead of skipping.
 */
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { runInProcessGroup } from './harness/process-group';
import { CORPORA, SHARED_CORPORA, SHARED_CORPORA_DEFAULT, type CorpusName } from './harness/shared-corpus';
import { temporaryFolders } from './helpers/temporary-folders';

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  shell?: string;
  with?: Record<string, string | boolean>;
}
interface Workflow {
  jobs: Record<string, { steps: Step[] }>;
}

const NAMES = Object.keys(CORPORA) as CorpusName[];
const LAYOUT_STEP = 'Lay out the shared corpora';
const newFolder = temporaryFolders('kb-ci-corpora-');

const steps = async () => (load(await readFile('.github/workflows/ci.yml', 'utf8')) as Workflow).jobs['check-and-test']!.steps;
const checkoutOf = (all: Step[], name: CorpusName) => {
  const step = all.find((s) => s.uses?.split('@')[0] === 'actions/checkout' && s.with?.repository === CORPORA[name].repository);
  if (!step) throw new Error(`the CI workflow no longer checks out ${CORPORA[name].repository}`);
  return step;
};

async function write(path: string, text: string) {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, text);
}

describe('the CI workflow', () => {
  it('checks out each shared corpus at the commit the test harness pins: only its folder, without credentials', async () => {
    const all = await steps();
    for (const name of NAMES) {
      const { commit, folder } = CORPORA[name];
      expect(checkoutOf(all, name).with).toMatchObject({ ref: commit, 'sparse-checkout': folder, 'persist-credentials': false });
    }
  });

  it('lays the corpora out after checking them out and before .ci/run runs the tests', async () => {
    const all = await steps();
    const layout = all.findIndex((step) => step.name === LAYOUT_STEP);
    const tests = all.findIndex((step) => step.run?.trim() === 'bash .ci/run');
    for (const name of NAMES) expect(all.indexOf(checkoutOf(all, name))).toBeLessThan(layout);
    expect(tests).toBeGreaterThan(layout);
  });

  it('leaves the corpora where the tests read them by default, with the record host of the maintainers’ copy, and nothing in the checkout', async () => {
    const all = await steps();
    const workspace = join(await newFolder(), 'repo');
    const postmortems = join(workspace, String(checkoutOf(all, 'postmortems-app').with!.path));
    const statuspage = join(workspace, String(checkoutOf(all, 'statuspage-github').with!.path));
    const record = '7f0cc221-46c7-485e-bf6c-1719dc4c4e49.md';
    await write(join(postmortems, CORPORA['postmortems-app'].folder, record), '---\nurl: https://blog.npmjs.org/post/1/outage.html\n---\n\nBody.\n');
    await write(join(postmortems, CORPORA['postmortems-app'].folder, 'other.md'), '---\nurl: https://example.com/other\n---\n');
    await write(join(postmortems, 'LICENSE'), 'GPL-3.0\n');
    await write(join(statuspage, CORPORA['statuspage-github'].folder, 'abc.json'), '{}\n');
    await write(join(statuspage, 'LICENSE'), 'public domain\n');

    const layout = all.find((step) => step.name === LAYOUT_STEP)!;
    expect(layout.shell).toBe('bash');
    // How GitHub runs a step with `shell: bash`; killed within the test's own 5 s.
    const step = await runInProcessGroup(['bash', '--noprofile', '--norc', '-eo', 'pipefail', '-c', layout.run!], { cwd: workspace, env: process.env, timeoutMs: 4_000, what: 'bash' });
    if (step.code !== 0) throw new Error(`the step "${LAYOUT_STEP}" failed:\n${step.output}`);

    const corpora = resolve(workspace, SHARED_CORPORA_DEFAULT);
    expect((await readdir(join(corpora, 'postmortems-app'))).sort()).toEqual([record, 'LICENSE', 'other.md']);
    expect(await readFile(join(corpora, 'postmortems-app', record), 'utf8')).toBe('---\nurl: https://blog.package-registry.invalid/post/1/outage.html\n---\n\nBody.\n');
    expect((await readdir(join(corpora, 'statuspage-github'))).sort()).toEqual(['LICENSE', 'incidents']);
    expect(await readdir(join(corpora, 'statuspage-github/incidents'))).toEqual(['abc.json']);
    expect(await readdir(workspace)).toEqual([]);
  });

  const readme = join(SHARED_CORPORA, 'README.md');
  // CI has no such README: it lays the corpora out from these very pins.
  it.skipIf(!existsSync(readme))('pins the commits that the README of a maintainer’s copy of the corpora names', async () => {
    const text = (await readFile(readme, 'utf8')).replace(/\s+/g, ' ');
    for (const { repository, folder, commit } of Object.values(CORPORA)) {
      expect(text).toContain(`github.com/${repository} (folder \`${folder}/\`, commit ${commit})`);
    }
  });
});
