/**
 * `npm run check:content -- FILE` on writeups someone else wrote: one fixture per kind of bad
 * writeup (tests/fixtures/writeups/), each dropped into a small valid collection
 * (tests/fixtures/content/) and checked on its own, as a pull request would be.
 */
import { describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { copyFile, cp } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { checkContent } from '../src/commands/check-content-command';
import { temporaryFolders } from './helpers/temporary-folders';

const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));
const PROJECT_ROOT = fileURLToPath(new URL('../', import.meta.url));
const SLUG = '2021-03-04-writes-time-out-after-failover';

const newRoot = temporaryFolders('kb-check-');

/** A project root holding the fixture collection plus one writeup; returns the writeup's path. */
async function collectionWith(fixture: string, name = `${SLUG}.mdx`): Promise<{ root: string; file: string }> {
  const root = await newRoot();
  await cp(join(FIXTURES, 'content'), join(root, 'content'), { recursive: true });
  const file = `content/incidents/${name}`;
  await copyFile(join(FIXTURES, 'writeups', `${fixture}.mdx`), join(root, file));
  return { root, file };
}

/** Every bad writeup: where the problem must be reported, the field named and what the message says. */
const BAD: { fixture: string; at: string; field: string; message: RegExp; name?: string }[] = [
  { fixture: 'yaml-does-not-parse', at: '7:1', field: 'impact', message: /not valid YAML: unexpected end of the stream within a flow collection/ },
  { fixture: 'no-front-matter', at: '1:1', field: '(front matter)', message: /the file has no front matter/ },
  { fixture: 'mdx-does-not-compile', at: '24:1', field: '(body)', message: /MDX does not compile: Expected a closing tag for `<Timeline>`/ },
  { fixture: 'missing-required-field', at: '2:1', field: 'impact', message: /"impact" is required  \(one of: unknown, none, minor, major, critical\)/ },
  { fixture: 'mistyped-required-field', at: '8:1', field: 'patterns', message: /must be a list, not number 3/ },
  { fixture: 'misspelled-key', at: '3:1', field: 'sumary', message: /unknown field "sumary"  \(did you mean "summary"\?\)/ },
  { fixture: 'bad-enum', at: '7:1', field: 'impact', message: /"severe" is not one of: unknown, none, minor, major, critical/ },
  { fixture: 'impossible-date', at: '4:1', field: 'started', message: /"2021-02-30T10:00:00Z" is not a real calendar date/ },
  { fixture: 'ended-before-started', at: '5:1', field: 'ended', message: /"ended" \(2021-03-04T09:20:00Z\) must be after "started"/ },
  { fixture: 'duration-contradicts-ended', at: '6:1', field: 'duration', message: /"duration" 2h contradicts started\/ended, which span 20 minutes/ },
  { fixture: 'unknown-pattern', at: '9:5', field: 'patterns[0]', message: /no pattern "retry-strom" exists  \(did you mean "retry-storm"\?\)/ },
  { fixture: 'unknown-related-slug', at: '15:5', field: 'related[0]',
    message: /no incident "2021-03-01-connection-pool-exhausted" exists  \(did you mean "2021-03-01-connection-pool-exhausted-on-primary"\?\)/ },
  { fixture: 'non-http-source-url', at: '13:5', field: 'sources[0].url', message: /must be a full http\(s\) URL/ },
  { fixture: 'bad-file-name', name: '2021-03-04_Writes_Time_Out.mdx', at: '1:1', field: '(file name)', message: /must be YYYY-MM-DD-short-title in lowercase/ },
  { fixture: 'esm-import', at: '20:1', field: '(body)', message: /"import" is not allowed: a writeup is content, not code/ },
  { fixture: 'esm-export-over-lines', at: '31:1', field: '(body)', message: /"export" is not allowed/ },
  { fixture: 'expression', at: '20:143', field: '(body)', message: /a JavaScript expression \{…\} is not allowed/ },
  // Forty comment blocks before the code once made the comment check backtrack for ever.
  { fixture: 'expression-after-many-comments', at: '20:143', field: '(body)', message: /a JavaScript expression \{…\} is not allowed/ },
  { fixture: 'expression-in-attribute', at: '31:10', field: '(body)', message: /attribute "kind" must be plain text in quotes, not a JavaScript expression/ },
  { fixture: 'script-element', at: '31:1', field: '(body)', message: /<ScRiPt> is not allowed: a writeup cannot run, embed or restyle anything/ },
  { fixture: 'iframe-element', at: '31:1', field: '(body)', message: /<iframe> is not allowed/ },
  { fixture: 'object-embed-elements', at: '31:1', field: '(body)', message: /<object> is not allowed/ },
  { fixture: 'object-embed-elements', at: '33:1', field: '(body)', message: /<embed> is not allowed/ },
  { fixture: 'event-handler-attribute', at: '31:24', field: '(body)', message: /event-handler attribute "onMouseOver" is not allowed: it runs JavaScript/ },
  { fixture: 'javascript-link', at: '20:135', field: '(body)', message: /a "javascript:" URL is not allowed in a link/ },
  { fixture: 'javascript-reference-link', at: '22:1', field: '(body)', message: /a "javascript:" URL is not allowed in a link/ },
  { fixture: 'entity-encoded-javascript-url', at: '20:138', field: '(body)', message: /a "javascript:" URL is not allowed in a link/ },
  { fixture: 'data-url-image', at: '24:1', field: '(body)', message: /a "data:" URL is not allowed in an image/ },
  { fixture: 'unknown-component', at: '31:1', field: '(body)', message: /<LatencyChart> is not an allowed component/ },
];

describe('npm run check:content -- FILE on a writeup written by someone else', () => {
  it('passes a valid writeup with exit code 0', async () => {
    const { root, file } = await collectionWith('valid');
    const result = await checkContent({ root, files: [file] });
    expect(result.stdout).toEqual(['1 file checked: 0 errors, 0 warnings']);
    expect(result.code).toBe(0);
  });

  it.each(BAD)('rejects $fixture with exit code 1, naming the file, line $at and field $field', async ({ fixture, name, at, field, message }) => {
    const { root, file } = await collectionWith(fixture, name);
    const result = await checkContent({ root, files: [file] });
    expect(result.code).toBe(1);
    const line = result.stdout.find((l) => l.startsWith(`${file}:${at}  ${field}  `));
    expect(line, result.stdout.join('\n')).toBeDefined();
    expect(line).toMatch(message);
  });

  it('reports every problem in a file, in the front matter, the references and the body, not only the first', async () => {
    const { root, file } = await collectionWith('many-problems');
    const result = await checkContent({ root, files: [file] });
    expect(result.stdout.map((l) => l.split('  ').slice(0, 2).join('  '))).toEqual([
      `${file}:7:1  impact`,
      `${file}:9:5  patterns[0]`,
      `${file}:31:1  (body)`,
      `${file}:33:1  (body)`,
      '1 file checked: 4 errors, 0 warnings',
    ]);
  });

  it('reports only on the files given, while checking them against the whole collection', async () => {
    const { root } = await collectionWith('unknown-pattern');
    const result = await checkContent({ root, files: ['content/incidents/2021-03-01-connection-pool-exhausted-on-primary.mdx'] });
    expect(result).toMatchObject({ code: 0, stdout: ['1 file checked: 0 errors, 0 warnings'] });
    expect((await checkContent({ root })).code).toBe(1);
  });

  it('refuses a file that is not in the content folders with exit code 2', async () => {
    const { root } = await collectionWith('valid');
    const result = await checkContent({ root, files: ['README.md'] });
    expect(result).toEqual({ code: 2, stdout: [], stderr: ['README.md: not a file in content/incidents or content/patterns'] });
  });

  it('adds a GitHub annotation per problem when asked', async () => {
    const { root, file } = await collectionWith('bad-enum');
    const result = await checkContent({ root, files: [file], annotate: true });
    expect(result.stdout).toContain(`::error file=${file},line=7,col=1,title=impact::"severe" is not one of: unknown, none, minor, major, critical`);
  });
});

describe('npm run check:content on a likely duplicate', () => {
  const TEXT_COPY = '2021-03-01-batch-job-holds-every-pooled-connection.mdx';

  it('warns, naming the writeup that cites the same source under another spelling, and exits 0', async () => {
    const { root, file } = await collectionWith('duplicate-source-url');
    const result = await checkContent({ root, files: [file] });
    expect(result.code).toBe(0);
    expect(result.stdout[0]).toBe(
      `${file}:13:5  sources[0].url  warning: cites the same source as "2021-03-01-connection-pool-exhausted-on-primary" ` +
        `(http://www.status.example.com/incidents/42/?utm_source=newsletter): likely the same incident  ` +
        `(merge the two, or if they are different incidents, list each under the other's related)`,
    );
  });

  it('warns, naming the writeup whose text it repeats', async () => {
    const { root, file } = await collectionWith('duplicate-text', TEXT_COPY);
    const result = await checkContent({ root, files: [file] });
    expect(result.code).toBe(0);
    expect(result.stdout[0]).toMatch(
      new RegExp(`^${file}:2:1  \\(duplicate\\)  warning: reads like "2021-03-01-connection-pool-exhausted-on-primary": \\d+% of the shorter one's wording is in both`),
    );
  });

  it('makes a duplicate an error with --strict', async () => {
    const { root, file } = await collectionWith('duplicate-text', TEXT_COPY);
    const result = await checkContent({ root, files: [file], strict: true });
    expect(result.code).toBe(1);
    expect(result.stdout.at(-1)).toBe('1 file checked: 1 error, 0 warnings');
  });
});

describe('the check:content command', () => {
  it('exits 1 and prints the problem and its GitHub annotation when GITHUB_ACTIONS is set', async () => {
    const { root, file } = await collectionWith('script-element');
    const run = promisify(execFile)(join(PROJECT_ROOT, 'node_modules/.bin/tsx'), [join(PROJECT_ROOT, 'scripts/check-content.ts'), file], {
      cwd: root,
      env: { ...process.env, GITHUB_ACTIONS: 'true', KB_CONTENT_DIR: '', INIT_CWD: root },
    });
    const failure = await run.then(() => undefined, (error: { code: number; stdout: string }) => error);
    expect(failure?.code).toBe(1);
    expect(failure?.stdout).toContain(`${file}:31:1  (body)  <ScRiPt> is not allowed`);
    expect(failure?.stdout).toContain(`::error file=${file},line=31,col=1,title=(body)::<ScRiPt> is not allowed`);
  });
});
