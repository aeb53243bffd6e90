/**
 * The shared corpora of real incidents: where they are, where they come from, whether a suite
 * that reads them runs. And an import of them into a fresh content folder beside the real
 * patterns, with the real importer: the postmortems-app corpus, and with `statuspage` GitHub's
 * status history after it. With `ownWriteups`, on top of our writeups, as a maintainer would
 * bootstrap the site.
 */
import { existsSync } from 'node:fs';
import { cp, mkdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { findCopies } from '../../src/lib/copies';
import { estimateMinutes } from '../../src/lib/duration';
import { readFrontMatter } from '../../src/lib/front-matter';
import type { Impact } from '../../src/lib/impact';
import { incidentDuration } from '../../src/lib/incidents';
import { readCorpusFile, recordUrlsIn } from '../../src/commands/import/postmortems-app';
import { incidentSchema } from '../../src/lib/schema';
import { isKnown } from '../../src/lib/time-point';
import { entryId } from '../../src/lib/validate/content';
import { readSourceFiles } from '../../src/node/read-content';
import { skipOrFail } from '../helpers/skip-or-fail';
import { runInProcessGroup } from './process-group';
import { PROJECT_ROOT } from './site-build';

/** Where the corpora are unless `KB_SHARED_CORPUS` names another folder: beside the repository. */
export const SHARED_CORPORA_DEFAULT = '../shared/corpus';
export const SHARED_CORPORA = resolve(PROJECT_ROOT, process.env.KB_SHARED_CORPUS || SHARED_CORPORA_DEFAULT);

/**
 * Each corpus comes from a folder (`folder`) of a public repository at a pinned commit.
 * .github/workflows/ci.yml fetches them at these commits (tests/ci-workflow.test.ts holds it to them).
 */
export const CORPORA = {
  'postmortems-app': {
    repository: 'icco/postmortems',
    commit: 'f901e76eb5f41ccd62bbb0eb1bbad705acfa8f4c',
    folder: 'data',
    files: 'the files of data/ and the LICENSE',
  },
  'statuspage-github': {
    repository: 'GitHub-Incident-History/GitHub-Incident-History',
    commit: '8016f1caba3eafbaa88d63d4973a334fbb99aea4',
    folder: 'incidents',
    files: 'the folder incidents/ and the LICENSE',
  },
} as const;
export type CorpusName = keyof typeof CORPORA;

const corpusFolder = (name: CorpusName) => join(SHARED_CORPORA, name);
export const SHARED_CORPUS = corpusFolder('postmortems-app');
export const SHARED_STATUSPAGE = corpusFolder('statuspage-github');

function howToGet(name: CorpusName): string {
  const { repository, commit, files } = CORPORA[name];
  return (
    `the shared corpus ${corpusFolder(name)} does not exist: put there, from https://github.com/${repository} at commit ${commit}, ` +
    `${files} (as the step "Lay out the shared corpora" of .github/workflows/ci.yml does), ` +
    `or set KB_SHARED_CORPUS to the folder that holds ${name}/`
  );
}

/**
 * Whether a suite that reads these corpora skips: where one is missing, outside CI; in CI a
 * missing corpus fails the test file, saying where to get it.
 */
export function skipWithoutCorpora(...names: CorpusName[]): boolean {
  const missing = names.filter((name) => !existsSync(corpusFolder(name)));
  return skipOrFail(missing.length > 0 ? missing.map(howToGet).join('; and ') : undefined);
}

export interface ImportedCorpus {
  contentDir: string;
  /**
   * Incident slug by the corpus record's URL field. A record skipped as the same incident as a
   * writeup maps to that writeup, which is where a search for it should lead.
   */
  slugByUrl: Map<string, string>;
  writeups: { slug: string; title: string; text: string }[];
  /** What each import printed, in order. */
  output: string[];
}

export interface CorpusOptions {
  ownWriteups?: boolean;
  statuspage?: boolean;
}

const SAME_INCIDENT = /^(.+): skipped, the same incident as (.+)\.mdx /;
/** Far above an import of both corpora (about a minute); past it the import is hung. */
const IMPORT_TIMEOUT_MS = 15 * 60_000;

export async function importCorpus(workDir: string, options: CorpusOptions = {}): Promise<ImportedCorpus> {
  const contentDir = join(workDir, 'content');
  await cp(join(PROJECT_ROOT, 'content/patterns'), join(contentDir, 'patterns'), { recursive: true });
  await mkdir(join(contentDir, 'incidents'), { recursive: true });
  if (options.ownWriteups) await cp(join(PROJECT_ROOT, 'content/incidents'), join(contentDir, 'incidents'), { recursive: true });
  const tsx = join(PROJECT_ROOT, 'node_modules/tsx/dist/cli.mjs');
  const output: string[] = [];
  const slugByUrl = new Map<string, string>();
  const imports: [string, string][] = [['postmortems-app', SHARED_CORPUS], ...(options.statuspage ? [['statuspage', SHARED_STATUSPAGE] as [string, string]] : [])];
  for (const [format, input] of imports) {
    const run = await runInProcessGroup([process.execPath, tsx, 'scripts/import.ts', format, input], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, KB_CONTENT_DIR: contentDir },
      timeoutMs: IMPORT_TIMEOUT_MS,
      what: `npm run import ${format}`,
    });
    if (run.code !== 0) throw new Error(`npm run import ${format} ${input} failed:\n${run.output}`);
    const { stdout } = run;
    output.push(stdout);
    if (format !== 'postmortems-app') continue;
    for (const line of stdout.split('\n')) {
      const [, record, writeup] = SAME_INCIDENT.exec(line) ?? [];
      if (!record || !writeup) continue;
      const { url } = readCorpusFile(await readFile(record, 'utf8')).record;
      if (url) slugByUrl.set(url, entryId(`${writeup}.mdx`));
    }
  }
  const files = await readSourceFiles(PROJECT_ROOT, join(contentDir, 'incidents'));
  const writeups = files.map((file) => {
    const { data, content } = readFrontMatter(file.text);
    const slug = entryId(file.path);
    for (const url of recordUrlsIn(content)) slugByUrl.set(url, slug);
    const text = [data.summary, ...((data.signals ?? []) as string[]), content].join('\n');
    return { slug, title: String(data.title), text };
  });
  return { contentDir, slugByUrl, writeups, output };
}

/** A writeup the calendar draws: how long it lasted (a range by its middle), its impact, where it came from. */
const STATUSPAGE_MARK = 'Imported from the Statuspage incident history';

export interface DrawnWriteup {
  minutes: number | null;
  impact: Impact;
  origin: 'statuspage' | 'postmortems' | 'ours';
}

/**
 * The writeups of a content folder that the calendar draws (dated, and not a copy of another),
 * by slug, each marked with where it came from: our own content/, a status page, or the corpus.
 */
export async function drawnWriteups(contentDir: string): Promise<Map<string, DrawnWriteup>> {
  const ours = new Set((await readSourceFiles(PROJECT_ROOT, 'content/incidents')).map((file) => entryId(file.path)));
  const writeups = (await readSourceFiles(PROJECT_ROOT, join(contentDir, 'incidents'))).map((file) => {
    const { data, content } = readFrontMatter(file.text);
    return { id: entryId(file.path), data: incidentSchema.parse(data), body: content };
  });
  const copies = findCopies(writeups);
  const drawn = new Map<string, DrawnWriteup>();
  for (const { id, data, body } of writeups) {
    if (!isKnown(data.started) || copies.has(id)) continue;
    // The importer says which format a writeup came from at the head of its "Imported from" section.
    const origin = ours.has(id) ? 'ours' : body.includes(STATUSPAGE_MARK) ? 'statuspage' : 'postmortems';
    drawn.set(id, { minutes: estimateMinutes(incidentDuration(data)), impact: data.impact, origin });
  }
  return drawn;
}
