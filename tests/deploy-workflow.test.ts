import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { load } from 'js-yaml';

interface Step {
  id?: string;
  uses?: string;
  run?: string;
  env?: Record<string, string>;
  with?: Record<string, string | number>;
}
interface Workflow {
  on: { push: { branches: string[] }; workflow_dispatch?: unknown };
  permissions: Record<string, string>;
  concurrency: { group: string; 'cancel-in-progress': boolean };
  jobs: Record<string, { steps: Step[]; needs?: string }>;
}

const workflow = async () => load(await readFile('.github/workflows/deploy.yml', 'utf8')) as Workflow;
const buildSteps = async () => (await workflow()).jobs.build!.steps;
const indexOf = (steps: Step[], match: (step: Step) => boolean) => {
  const index = steps.findIndex(match);
  if (index < 0) throw new Error('the deploy workflow lost a step this test looks for');
  return index;
};
const uses = (action: string) => (step: Step) => step.uses?.split('@')[0] === action;
const runs = (command: string) => (step: Step) => step.run?.split('\n').some((line) => line.trim().startsWith(command)) ?? false;

describe('the GitHub Pages deploy workflow', () => {
  it('builds on pushes to main and by hand, and publishes with the official Pages actions and their permissions', async () => {
    const { on, permissions, concurrency, jobs } = await workflow();
    expect(on.push.branches).toEqual(['main']);
    expect(on).toHaveProperty('workflow_dispatch');
    expect(permissions).toMatchObject({ pages: 'write', 'id-token': 'write' });
    expect(concurrency).toEqual({ group: 'pages', 'cancel-in-progress': false });
    const actions = Object.values(jobs).flatMap((job) => job.steps.map((step) => step.uses?.split('@')[0]).filter(Boolean));
    expect(actions).toEqual(expect.arrayContaining(['actions/checkout', 'actions/setup-node', 'actions/configure-pages', 'actions/upload-pages-artifact', 'actions/deploy-pages']));
    expect(jobs.deploy?.needs).toBe('build');
  });

  it('builds on the Node major that package.json’s `node` package provides', async () => {
    const pinned = (JSON.parse(await readFile('package.json', 'utf8')) as { devDependencies: Record<string, string> }).devDependencies.node!;
    const setup = (await buildSteps()).find(uses('actions/setup-node'))!;
    expect(String(setup.with?.['node-version'])).toBe(pinned.match(/\d+/)![0]);
  });

  it('derives the base path and address from the repository’s Pages settings', async () => {
    const steps = await buildSteps();
    const pages = steps.find(uses('actions/configure-pages'))!;
    const build = steps.find(runs('npm run build'))!;
    expect(build.env).toMatchObject({ BASE_PATH: `\${{ steps.${pages.id}.outputs.base_path }}`, SITE: `\${{ steps.${pages.id}.outputs.origin }}` });
    expect(build.env?.KB_REPOSITORY_URL).toBe('${{ github.server_url }}/${{ github.repository }}');
    expect(indexOf(steps, uses('actions/configure-pages'))).toBeLessThan(indexOf(steps, runs('npm run build')));
  });

  it('checks links and adds the archive before uploading the site', async () => {
    const steps = await buildSteps();
    const build = indexOf(steps, runs('npm run build'));
    const links = indexOf(steps, runs('npm run check:links'));
    const archive = indexOf(steps, runs('npm run archive'));
    const upload = indexOf(steps, uses('actions/upload-pages-artifact'));
    expect(links).toBeGreaterThan(build);
    expect(archive).toBeGreaterThan(links);
    expect(upload).toBeGreaterThan(archive);
    expect(steps[upload]!.with?.path).toBe('dist');
  });
});
