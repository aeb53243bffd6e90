import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { load } from 'js-yaml';

interface Step {
  id?: string;
  uses?: string;
  run?: string;
  env?: Record<string, string>;
  with?: Record<string, string>;
}
interface Workflow {
  on: { push: { branches: string[] } };
  permissions: Record<string, string>;
  jobs: Record<string, { steps: Step[]; needs?: string }>;
}

const workflow = async () => load(await readFile('.github/workflows/deploy.yml', 'utf8')) as Workflow;

describe('the GitHub Pages deploy workflow', () => {
  it('builds on pushes to main and publishes with the official Pages actions and their permissions', async () => {
    const { on, permissions, jobs } = await workflow();
    expect(on.push.branches).toEqual(['main']);
    expect(permissions).toMatchObject({ pages: 'write', 'id-token': 'write' });
    const uses = Object.values(jobs).flatMap((job) => job.steps.map((step) => step.uses?.split('@')[0]).filter(Boolean));
    expect(uses).toEqual(expect.arrayContaining(['actions/configure-pages', 'actions/upload-pages-artifact', 'actions/deploy-pages']));
    expect(jobs.deploy?.needs).toBe('build');
  });

  it('derives the base path and address from the repository’s Pages settings, and checks links before uploading', async () => {
    const steps = (await workflow()).jobs.build!.steps;
    const pages = steps.find((step) => step.uses?.startsWith('actions/configure-pages'))!;
    const build = steps.find((step) => step.run === 'npm run build')!;
    expect(build.env).toMatchObject({ BASE_PATH: `\${{ steps.${pages.id}.outputs.base_path }}`, SITE: `\${{ steps.${pages.id}.outputs.origin }}` });
    expect(build.env?.KB_REPOSITORY_URL).toContain('github.repository');
    const order = (match: (step: Step) => boolean) => steps.findIndex(match);
    expect(order((s) => s.run === 'npm run check:links')).toBeGreaterThan(order((s) => s === build));
    expect(order((s) => s.uses?.startsWith('actions/upload-pages-artifact') ?? false)).toBeGreaterThan(order((s) => s.run === 'npm run check:links'));
  });
});
