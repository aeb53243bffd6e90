/**
 * Content folders for fixture sites: the project's real patterns plus generated writeups, so
 * browser tests and benchmarks never depend on the content others own (see
 * src/node/content-dirs.ts for KB_CONTENT_DIR).
 */
import { cp, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFrontMatter } from '../../src/lib/front-matter';
import type { Impact } from '../../src/lib/impact';
import { PROJECT_ROOT } from './site-build';

export interface FixtureIncident {
  slug: string;
  title: string;
  /** As a writer would put it in front matter: `2025-01-06T09:00:00Z`, `2025-03`, `unknown`. */
  started: string;
  /** `45m`, `PT30S`, `unknown`…; leave out when `ended` gives it. */
  duration?: string;
  ended?: string;
  impact: Impact;
  patterns: string[];
  services?: string[];
  organization?: string;
  /** Default: the title, as one sentence. */
  summary?: string;
  /** The MDX body; default a one-line summary section. */
  body?: string;
}

const BODY = '\n## Summary\n\nA generated writeup for a fixture site.\n';

/** Writes `dir/patterns` (copied from content/) and one writeup per incident in `dir/incidents`. */
export async function writeFixtureContent(dir: string, incidents: readonly FixtureIncident[]): Promise<void> {
  await mkdir(join(dir, 'incidents'), { recursive: true });
  await cp(join(PROJECT_ROOT, 'content/patterns'), join(dir, 'patterns'), { recursive: true });
  await Promise.all(
    incidents.map(({ slug, body = BODY, ...data }) =>
      writeFile(join(dir, 'incidents', `${slug}.mdx`), writeFrontMatter(body, { summary: `${data.title}.`, ...data })),
    ),
  );
}
