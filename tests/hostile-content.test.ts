/**
 * Writeups from people we do not know, written to hang, crash, bloat or leak the check: one per
 * class of attack, each dropped into a small valid collection (tests/fixtures/content/) and
 * checked as a pull request would be. Each must be refused with exit code 1, the file, the line
 * and the field, within a few seconds, and nothing it holds may leak into the output unescaped.
 * e2e/build-validation.e2e.ts builds what the check accepts at the same limits.
 */
import { describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { cp, mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { checkContent } from '../src/commands/check-content-command';
import { temporaryFolders } from './helpers/temporary-folders';
import { MAX_BODY_NESTING, MAX_BODY_PROBLEMS_REPORTED, MAX_FILE_BYTES, MAX_FOOTNOTE_MARKERS, MAX_PARAGRAPH_MARKUP } from '../src/lib/content-limits';

const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));
const NAME = '2021-03-04-writes-time-out-after-failover.mdx';
const FILE = `content/incidents/${NAME}`;
const VALID = await readFile(join(FIXTURES, 'writeups/valid.mdx'), 'utf8');
/** The line of the first thing `appended` adds after the valid writeup. */
const APPENDED = VALID.trimEnd().split('\n').length + 2;
const appended = (text: string) => `${VALID.trimEnd()}\n\n${text}\n`;
/** Generous: these answer in well under a second; a regression to backtracking or recursion does not. */
const TIME_BOUND_MS = 5_000;

const newRoot = temporaryFolders('kb-hostile-');

async function emptyCollection(): Promise<string> {
  const root = await newRoot();
  await cp(join(FIXTURES, 'content'), join(root, 'content'), { recursive: true });
  return root;
}

async function check(root: string, files: string[] = []) {
  const started = performance.now();
  const result = await checkContent({ root, files });
  return { ...result, ms: performance.now() - started, output: [...result.stdout, ...result.stderr] };
}

interface Hostile {
  attack: string;
  text: string | Buffer;
  at: string;
  field: string;
  message: RegExp;
}

const lines = (count: number, line: string) => Array.from({ length: count }, () => line).join('\n');

const HOSTILE: Hostile[] = [
  { attack: 'a hang: an expression behind forty comment blocks', text: appended(`{${'/**/'.repeat(40)} process.env.GITHUB_TOKEN}`),
    at: `${APPENDED}:1`, field: '(body)', message: /a JavaScript expression \{…\} is not allowed/ },
  { attack: 'a crash: 400 blockquotes on one line', text: appended(`${'> '.repeat(400)}x`),
    at: `${APPENDED}:1`, field: '(body)', message: new RegExp(`nests about \\d+ levels deep .*at most ${MAX_BODY_NESTING} are allowed`) },
  { attack: 'a crash: 7,000 nested list markers', text: appended(`${'- '.repeat(7_000)}x`),
    at: `${APPENDED}:1`, field: '(body)', message: /nests about \d+ levels deep/ },
  { attack: 'a crash: 3,000 levels of emphasis', text: appended(`${'_a *b '.repeat(3_000)}x${' c* d_'.repeat(3_000)}`),
    at: `${APPENDED}:1`, field: '(body)', message: /nests about \d+ levels deep/ },
  { attack: 'a crash: 500 nested components', text: appended(`${lines(500, '<Callout kind="note">')}\nx\n${lines(500, '</Callout>')}`),
    at: `${APPENDED + MAX_BODY_NESTING}:1`, field: '(body)', message: /nests about 25 levels deep/ },
  { attack: 'amplification: one anchor repeated by 3,000 aliases',
    text: VALID.replace(/^summary: (.*)$/m, 'summary: &long "$1"').replace('services: [postgres]', `services: [postgres]\nsignals: [${Array(3_000).fill('*long').join(', ')}]`),
    at: '11:1', field: 'signals', message: /holds more than [\d,]+ (values|characters) once YAML aliases \(\*name\) are expanded/ },
  { attack: 'amplification: a 5,000-character title', text: VALID.replace(/^title: .*$/m, `title: ${'Writes time out '.repeat(320).trim()}`),
    at: '2:1', field: 'title', message: /is 5,119 characters long; at most 200 are allowed/ },
  { attack: 'amplification: forty signals', text: VALID.replace('services: [postgres]', `services: [postgres]\nsignals:\n${lines(40, '  - HTTP 503')}`),
    at: '11:1', field: 'signals', message: /lists 40 items; at most 30 are allowed/ },
  { attack: 'amplification: a file over the size limit', text: appended('Padding. '.repeat(Math.ceil(MAX_FILE_BYTES / 9))),
    at: '1:1', field: '(file)', message: /the file is 2\d\d KB; a writeup may be at most 256 KB/ },
  { attack: 'a split disagreement: text after the opening fence', text: VALID.replace(/^---\n/, '---x\n'),
    at: '1:4', field: '(front matter)', message: /nothing may follow the opening ---/ },
  { attack: 'a split disagreement: a longer closing fence', text: VALID.replace('\n---\n', '\n----\n'),
    at: '16:1', field: '(front matter)', message: /a line starting with --- ends the front matter for the build, so it must be exactly "---"/ },
  { attack: 'a split disagreement: a fence inside a quoted value', text: VALID.replace(/^title: .*$/m, 'title: "Writes time out\n---\nafter a failover"'),
    at: '2:1', field: 'title', message: /not valid YAML: unexpected end of the stream within a double quoted scalar/ },
  { attack: 'a split disagreement: tab indentation', text: VALID.replace('patterns:\n  - retry-storm', 'patterns:\n\t- retry-storm'),
    at: '9:1', field: 'patterns', message: /not valid YAML/ },
  { attack: 'a split disagreement: invalid UTF-8',
    text: Buffer.concat([Buffer.from(VALID.slice(0, VALID.indexOf('twenty'))), Buffer.from([0xff]), Buffer.from(VALID.slice(VALID.indexOf('twenty')))]),
    at: '3:1', field: '(file)', message: /the file is not valid UTF-8/ },
  { attack: 'a stack overflow: 20,000 nested YAML lists', text: VALID.replace(/^related:\n.*$/m, `related: ${'['.repeat(20_000)}${']'.repeat(20_000)}`),
    at: '14:109', field: 'related', message: /not valid YAML: nesting exceeded maxDepth \(100\)/ },
  { attack: 'a forged annotation in a front matter value', text: VALID.replace(/^started: .*$/m, 'started: "2021-03-04\\n::error file=README.md::pwned"'),
    at: '4:1', field: 'started', message: /\\n:\\u003aerror file=README\.md:\\u003apwned/ },
  { attack: 'a forged annotation in a component attribute', text: appended('<Callout kind="x\n::error file=README.md::pwned">Text.</Callout>'),
    at: `${APPENDED}:10`, field: '(body)', message: /kind="x\\n:\\u003aerror/ },
  { attack: 'an image reference to a file the build would import', text: appended('![diagram][d]\n\n[d]: ./diagram.png'),
    at: `${APPENDED}:1`, field: '(body)', message: /image "\.\/diagram\.png" must be a full http\(s\) URL or a path on this site/ },
  { attack: 'a build stopped without a line: a malformed % escape in an image', text: appended('![latency](/images/latency%zz.png)'),
    at: `${APPENDED}:1`, field: '(body)', message: /image "\/images\/latency%zz\.png" has a % that does not start an escape like %20/ },
  { attack: 'a slow compile: 40,000 entities in one paragraph', text: appended('&amp; '.repeat(40_000)),
    at: `${APPENDED}:1`, field: '(body)', message: new RegExp(`this paragraph holds more than ${MAX_PARAGRAPH_MARKUP.toLocaleString('en-US')} tags`) },
  { attack: 'amplification: 40,000 footnote references, each rendered as two links', text: appended(`${'a[^1] '.repeat(40_000)}\n\n[^1]: A note.`),
    at: `${APPENDED}:1`, field: '(body)', message: new RegExp(`cites footnotes \\[\\^…\\] more than ${MAX_FOOTNOTE_MARKERS} times`) },
  { attack: 'a flood of problems: 60,000 expressions, a thousand per paragraph',
    text: appended(Array.from({ length: 60 }, () => '{x} '.repeat(1_000)).join('\n\n')),
    at: `${APPENDED}:${4 * MAX_BODY_PROBLEMS_REPORTED + 1}`, field: '(body)', message: /and 59,950 more problems in the body from here on/ },
];

describe('check:content on a hostile writeup', () => {
  it.each(HOSTILE)('refuses $attack, naming line $at and field $field, in seconds', async ({ text, at, field, message }) => {
    const root = await emptyCollection();
    await writeFile(join(root, FILE), text);
    const result = await check(root, [FILE]);
    expect(result.code).toBe(1);
    const line = result.stdout.find((l) => l.startsWith(`${FILE}:${at}  ${field}  `));
    expect(line, result.stdout.join('\n')).toBeDefined();
    expect(line).toMatch(message);
    expect(result.ms).toBeLessThan(TIME_BOUND_MS);
    expect(result.output.length).toBeLessThan(2 * MAX_BODY_PROBLEMS_REPORTED);
    for (const printed of result.output) {
      expect(printed).not.toContain('\n');
      expect(printed).not.toContain('::');
      expect(printed.length).toBeLessThan(1_000);
    }
  });
});

describe('check:content on a content folder holding more than files', () => {
  const SECRET = 'ghp_secretvalue0123456789';

  it('refuses a symbolic link by name, without reading the file it points to', async () => {
    const root = await emptyCollection();
    const outside = join(root, 'secret.env');
    await writeFile(outside, `---\ntitle: ${SECRET}\nGITHUB_TOKEN: ${SECRET}\n---\n`);
    await symlink(outside, join(root, FILE));
    const result = await check(root);
    expect(result.code).toBe(1);
    expect(result.stdout).toContainEqual(expect.stringMatching(new RegExp(`^${FILE}:1:1  \\(file\\)  a symbolic link is not read`)));
    expect(result.output.join('\n')).not.toContain(SECRET);
  });

  it('refuses a folder, a pipe and a hidden file by name, without waiting on the pipe', async () => {
    const root = await emptyCollection();
    await mkdir(join(root, 'content/incidents/2021-03-05-folder.mdx'));
    await promisify(execFile)('mkfifo', [join(root, 'content/incidents/2021-03-06-pipe.mdx')]);
    await writeFile(join(root, 'content/incidents/.2021-03-07-hidden.mdx'), VALID);
    const result = await check(root);
    expect(result.code).toBe(1);
    expect(result.ms).toBeLessThan(TIME_BOUND_MS);
    expect(result.stdout).toEqual(expect.arrayContaining([
      expect.stringMatching(/^content\/incidents\/2021-03-05-folder\.mdx:1:1  \(file\)  folders inside a content folder are not read/),
      expect.stringMatching(/^content\/incidents\/2021-03-06-pipe\.mdx:1:1  \(file\)  only regular files are read; this is a device, pipe or socket/),
      expect.stringMatching(/^content\/incidents\/\.2021-03-07-hidden\.mdx:1:1  \(file\)  hidden files are not published/),
    ]));
  });

  it('refuses a link to a device without opening it', async () => {
    const root = await emptyCollection();
    await symlink('/dev/zero', join(root, FILE));
    const result = await check(root);
    expect(result.stdout).toContainEqual(expect.stringMatching(/\(file\)  a symbolic link is not read/));
    expect(result.ms).toBeLessThan(TIME_BOUND_MS);
  });
});
