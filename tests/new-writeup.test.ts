import { describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { cp, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { newWriteup, type Terminal } from '../src/commands/new-writeup-command';
import { checkContent } from '../src/commands/check-content-command';
import { incidentSchema } from '../src/lib/schema';
import { temporaryFolders } from './helpers/temporary-folders';

const FIXTURES = fileURLToPath(new URL('./fixtures/content', import.meta.url));
const PROJECT_ROOT = fileURLToPath(new URL('../', import.meta.url));
const FLAGS = { title: 'Writes time out after a failover', summary: 'Writes failed for twenty minutes.', started: '2021-03-04T10:00:00Z', duration: '20m', impact: 'major', patterns: 'retry-storm' };
const CREATED = 'content/incidents/2021-03-04-writes-time-out-after-a-failover.mdx';

const newRoot = temporaryFolders('kb-new-');

async function project(): Promise<string> {
  const root = await newRoot();
  await cp(FIXTURES, join(root, 'content'), { recursive: true });
  return root;
}

/** A terminal that answers from a script and records what was asked and shown. */
function scripted(answers: string[]): Terminal & { questions: string[]; shown: string[] } {
  const questions: string[] = [];
  const shown: string[] = [];
  return {
    questions,
    shown,
    ask: async (question) => {
      questions.push(question);
      const answer = answers.shift();
      if (answer === undefined) throw new Error(`no answer scripted for ${question}`);
      return answer;
    },
    tell: (message) => shown.push(message),
  };
}

describe('npm run new', () => {
  it('writes a valid writeup named from the date and title, from flags alone', async () => {
    const root = await project();
    const result = await newWriteup({ root, values: FLAGS });
    expect(result).toMatchObject({ code: 0, path: CREATED });
    expect(result.stdout).toEqual([`created ${CREATED}`, `fill in the body, then run: npm run check:content -- ${CREATED}`]);
    expect((await checkContent({ root, files: [CREATED] })).code).toBe(0);
  });

  it('writes into a content folder given by absolute path (KB_CONTENT_DIR), not under the project root', async () => {
    const root = await project();
    const elsewhere = await newRoot();
    await cp(join(root, 'content'), elsewhere, { recursive: true });
    const dirs = { incidents: join(elsewhere, 'incidents'), patterns: join(elsewhere, 'patterns') };
    const result = await newWriteup({ root, values: FLAGS, dirs });
    const created = join(elsewhere, 'incidents/2021-03-04-writes-time-out-after-a-failover.mdx');
    expect(result).toMatchObject({ code: 0, path: created });
    expect(await readFile(created, 'utf8')).toContain(`title: "${FLAGS.title}"`);
  });

  it('refuses to overwrite a writeup that is already there', async () => {
    const root = await project();
    await writeFile(join(root, CREATED), 'mine');
    const result = await newWriteup({ root, values: FLAGS });
    expect(result).toEqual({ code: 1, stdout: [], stderr: [`${CREATED} already exists; edit it, or choose another title`] });
    expect(await readFile(join(root, CREATED), 'utf8')).toBe('mine');
  });

  it('names every missing required flag when there is no terminal to ask on', async () => {
    const result = await newWriteup({ root: await project(), values: { title: 'Writes time out' } });
    expect(result.code).toBe(2);
    expect(result.stderr).toEqual(['missing --summary, --started, --impact, --patterns, --ended or --duration (--duration unknown if neither is known); there is no terminal to ask on']);
  });

  it('asks for the fields the schema requires, whatever they are', async () => {
    const required = Object.entries(incidentSchema.shape).filter(([, field]) => !field.safeParse(undefined).success).map(([name]) => name);
    const result = await newWriteup({ root: await project(), values: {} });
    expect(result.stderr).toEqual([
      `missing ${required.map((name) => `--${name}`).join(', ')}, --ended or --duration (--duration unknown if neither is known); there is no terminal to ask on`,
    ]);
  });

  it('asks each question with the field\'s description and allowed values from the schema', async () => {
    const terminal = scripted(['Writes time out after a failover', 'Writes failed.', '2021-03-04T10:00:00Z', 'major', 'retry-storm', '', '20m']);
    await newWriteup({ root: await project(), values: {}, terminal });
    const asked = ['title', 'summary', 'started', 'impact', 'patterns', 'ended', 'duration'] as const;
    asked.forEach((name, i) => {
      const description = incidentSchema.shape[name].meta()!.description!;
      expect(terminal.questions[i]).toContain(description.slice(1));
    });
    expect(terminal.questions[3]).toMatch(/^Impact \(how bad it was.*: unknown, none, minor, major, critical\): $/);
    expect(terminal.questions[5]).toMatch(/; leave empty to give a duration instead\): $/);
    expect(terminal.questions[6]).toBe(
      'Duration (how long impact lasted: 45m, 4h30m, 2d, 1d6h, PT4H30M, or unknown; it must agree with ended when both are given): ',
    );
  });

  it('writes nothing and reports the problem at its line when a flag is invalid', async () => {
    const root = await project();
    const result = await newWriteup({ root, values: { ...FLAGS, patterns: 'retry-strom' } });
    expect(result.code).toBe(1);
    expect(result.stderr).toEqual([
      `${CREATED}:9:5  patterns[0]  no pattern "retry-strom" exists  (did you mean "retry-storm"?)`,
      `${CREATED} was not written`,
    ]);
    await expect(readFile(join(root, CREATED))).rejects.toThrow();
  });

  it('asks for what is missing, shows the patterns, and asks again for a value the validator rejects', async () => {
    const root = await project();
    const terminal = scripted(['Writes time out after a failover', 'Writes failed.', '2021-03-04T10:00:00Z', 'huge', 'retry-storm', '', '20m', 'major']);
    const result = await newWriteup({ root, values: {}, terminal });
    expect(result).toMatchObject({ code: 0, path: CREATED });
    expect(terminal.questions.map((q) => q.split(' ')[0])).toEqual(['Title', 'Summary', 'Started', 'Impact', 'Patterns', 'Ended', 'Duration', 'Impact']);
    expect(terminal.shown).toEqual([
      'Patterns to choose from:',
      '  capacity-limit: Capacity limit',
      '  retry-storm: Retry storm',
      `${CREATED}:7:1  impact  "huge" is not one of: unknown, none, minor, major, critical`,
    ]);
  });

  it('runs from the command line with flags only when stdin is not a terminal', async () => {
    const root = await project();
    const args = Object.entries(FLAGS).flatMap(([flag, value]) => [`--${flag}`, value]);
    const { stdout } = await promisify(execFile)(join(PROJECT_ROOT, 'node_modules/.bin/tsx'), [join(PROJECT_ROOT, 'scripts/new-writeup.ts'), ...args], {
      cwd: root,
      env: { ...process.env, KB_CONTENT_DIR: '' },
    });
    expect(stdout).toContain(`created ${CREATED}`);
    expect(await readFile(join(root, CREATED), 'utf8')).toMatch(/^---\ntitle: "Writes time out after a failover"/);
  });
});
