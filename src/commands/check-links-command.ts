/**
 * What `npm run check:links` does: reads a built site and reports every broken internal link and
 * anchor; with `external`, also every link to another site that does not answer. Returns the lines
 * to print and the exit code, so tests can run it without a child process.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { brokenLinks, linkIssue, resolveInternal, siteAddress, siteLinks, type FoundLink, type SiteFiles } from './link-scan';
import { mapWithLimit } from '../lib/concurrency';
import { byLocation, formatIssue, githubAnnotation } from '../lib/validate/issue';
import type { CommandResult } from './command-result';

export interface CheckLinksOptions {
  /** The built site, e.g. `dist`; reports name pages under it. */
  dir: string;
  /** Also request every external link (needs the network). */
  external?: boolean;
  /** Also print GitHub Actions annotations. */
  annotate?: boolean;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

export async function checkLinks(options: CheckLinksOptions): Promise<CommandResult> {
  const { dir } = options;
  let site: SiteFiles;
  try {
    site = await readSite(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    return { code: 2, stdout: [], stderr: [`${dir}: no built site here; run npm run build first`] };
  }
  const label = dir.replace(/\/+$/, '');
  const scan = siteLinks(site);
  const issues = brokenLinks(site, label, scan);
  const { origin } = siteAddress(site);
  const outside = new Map<string, FoundLink>();
  for (const found of scan.links) {
    const { url } = found.link;
    if (/^https?:\/\//i.test(url) && !resolveInternal(url, '/', origin) && !outside.has(url)) outside.set(url, found);
  }
  if (options.external) {
    const problems = await mapWithLimit([...outside.keys()], 8, (url) => externalProblem(url, options));
    [...outside.values()].forEach(({ file, html, link }, index) => {
      const problem = problems[index];
      if (problem) issues.push(linkIssue(label, file, html, link, problem));
    });
  }
  const external = options.external ? `${outside.size} external links checked` : `${outside.size} external links not checked (add --external)`;
  return {
    code: issues.length > 0 ? 1 : 0,
    stdout: [
      ...issues.sort(byLocation).map(formatIssue),
      ...(options.annotate ? issues.map(githubAnnotation) : []),
      `${site.pages.size} pages checked: ${plural(issues.length)}; ${external}`,
    ],
    stderr: [],
  };
}

const plural = (count: number) => `${count} broken link${count === 1 ? '' : 's'}`;

/** Every file under `dir` as a site path, and the text of every HTML page. */
async function readSite(dir: string): Promise<SiteFiles> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries.filter((entry) => entry.isFile()).map((entry) => `/${relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/')}`);
  const html = files.filter((file) => file.endsWith('.html'));
  const texts = await Promise.all(html.map((file) => readFile(join(dir, file), 'utf8')));
  return { files: new Set(files), pages: new Map(html.map((file, index) => [file, texts[index]!])) };
}

/** Why an external URL does not answer, or undefined when it does. */
export async function externalProblem(url: string, options: Pick<CheckLinksOptions, 'fetch' | 'timeoutMs'> = {}): Promise<string | undefined> {
  const { fetch: request = fetch, timeoutMs = 10_000 } = options;
  const status = async (method: string) => {
    const response = await request(url, { method, redirect: 'follow', signal: AbortSignal.timeout(timeoutMs) });
    await response.body?.cancel();
    return response.status;
  };
  try {
    let code = await status('HEAD');
    // Some servers refuse HEAD; ask again with GET before calling the link broken.
    if ([403, 405, 501].includes(code)) code = await status('GET');
    return code < 400 ? undefined : `answers ${code}`;
  } catch (error) {
    if ((error as Error).name === 'TimeoutError') return `no answer within ${timeoutMs / 1000} s`;
    return `unreachable (${((error as Error).cause as Error | undefined)?.message ?? (error as Error).message})`;
  }
}
