/**
 * What `npm run archive` does: packs a built site into one .tar.gz that a responder can unpack and
 * serve with any static server, even when every host of ours is down. The archive holds one
 * folder, `incident-kb-<build date>/`, with a README.txt saying how to serve it; a site built
 * under a base path (`/kb/`) sits in that sub-folder, so served from the top folder it answers at
 * the address it was built for.
 */
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { siteAddress } from './link-scan';
import { formatBytes } from '../lib/offline/save-plan';
import { SITE_NAME } from '../lib/site-name';
import type { CommandResult } from './command-result';

export interface ArchiveOptions {
  /** The built site. */
  dir: string;
  /** The archive to write. */
  out: string;
  /** Runs tar; tests pass a stand-in to see what happens when tar fails. */
  tar?: (args: string[]) => Promise<void>;
}

/** System tar (GNU or BSD: only flags both know); what it says on failure goes into the error. */
function systemTar(args: string[]): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn('tar', args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', (error) => fail(new Error('could not run tar; it is in every Linux and macOS install', { cause: error })));
    child.on('close', (code) => (code === 0 ? done() : fail(new Error(`tar ${args.join(' ')} exited ${code}: ${stderr.trim()}`))));
  });
}

/** When the site was built, from its offline manifest (src/integrations/offline.ts); undefined for an older build. */
async function builtAt(dir: string): Promise<string | undefined> {
  const manifest = (await readdir(join(dir, 'offline')).catch(() => [])).find((name) => name.startsWith('manifest.'));
  if (!manifest) return undefined;
  return (JSON.parse(await readFile(join(dir, 'offline', manifest), 'utf8')) as { builtAt?: string }).builtAt;
}

function archiveReadme(options: { folder: string; base: string; builtAt: string | undefined }): string {
  const address = `http://localhost:8000${options.base}`;
  return [
    `${SITE_NAME}: a copy of the site${options.builtAt ? `, built ${options.builtAt}` : ''}.`,
    '',
    'Serve this folder with any static web server, then open the address below. Search needs',
    'the pages served over http; opening index.html as a file shows pages but cannot search.',
    '',
    `  cd ${options.folder}`,
    '  python3 -m http.server 8000        # or: npx serve -l 8000 .   or: busybox httpd -f -p 8000',
    '',
    `  then open ${address}`,
    '',
  ].join('\n');
}

/** Why the archive cannot be written at `out`, in words naming the flag; undefined when it can. */
async function outProblem(dir: string, out: string, given: string): Promise<string | undefined> {
  const inside = relative(dir, out);
  // tar would read the archive while writing it, and the next archive would hold the last one.
  if (inside && inside !== '..' && !inside.startsWith(`..${sep}`) && !isAbsolute(inside)) return `--out ${given} is inside the site being packed; write it elsewhere (and move it in afterwards to publish it with the site)`;
  const folder = await stat(dirname(out)).catch(() => undefined);
  if (!folder?.isDirectory()) return `--out ${given}: there is no folder ${dirname(out)} to write it in`;
  return undefined;
}

async function countFiles(dir: string): Promise<number> {
  return (await readdir(dir, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile()).length;
}

export async function createArchive(options: ArchiveOptions): Promise<CommandResult> {
  const dir = resolve(options.dir);
  const out = resolve(options.out);
  const home = await readFile(join(dir, 'index.html'), 'utf8').catch(() => undefined);
  if (home === undefined) return { code: 2, stdout: [], stderr: [`${options.dir}: no built site here (no index.html); run npm run build first`] };
  const problem = await outProblem(dir, out, options.out);
  if (problem) return { code: 2, stdout: [], stderr: [problem] };
  const { base } = siteAddress({ pages: new Map([['/index.html', home]]), files: new Set() });
  const built = await builtAt(dir);
  const folder = `incident-kb-${(built ?? new Date((await stat(join(dir, 'index.html'))).mtime).toISOString()).slice(0, 10)}`;
  const files = await countFiles(dir);
  const staging = await mkdtemp(join(tmpdir(), 'kb-archive-'));
  try {
    // The site goes in by links that tar follows (-h): no copy of a site that may be hundreds of MB.
    const top = join(staging, folder);
    const siteIn = join(top, ...base.split('/').filter(Boolean));
    await mkdir(siteIn, { recursive: true });
    for (const entry of await readdir(dir)) await symlink(join(dir, entry), join(siteIn, entry));
    await writeFile(join(top, 'README.txt'), archiveReadme({ folder, base, builtAt: built }));
    await (options.tar ?? systemTar)(['-czhf', out, '-C', staging, folder]);
    const size = (await stat(out)).size;
    const at = base === '/' ? `${folder}/` : `${folder}${base}`;
    return {
      code: 0,
      stdout: [`${options.out}: ${formatBytes(size)}, ${files} files of the site built ${built ?? 'at an unknown time'} for ${base}, in ${at}; ${folder}/README.txt says how to serve it`],
      stderr: [],
    };
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}
