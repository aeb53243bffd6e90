/**
 * Serves a built site the way a static host does: `/x/` → `x/index.html`, unknown paths → the
 * site's 404.html with status 404. Port 0, so parallel runs never collide. The path resolution
 * and content types are exported for the benchmark's host (bench/support/throttled-server.ts).
 */
import { createServer, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { withBase, withoutBase } from '../../src/lib/site-paths';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml',
  '.wasm': 'application/wasm',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
  // Pagefind's index files: gzip inside, which Pagefind's own code decompresses.
  '.pagefind': 'application/octet-stream',
  '.pf_meta': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.pf_filter': 'application/octet-stream',
};

export function contentTypeOf(file: string): string {
  return TYPES[extname(file)] ?? 'application/octet-stream';
}

export interface StaticSite {
  url: string;
  close(): Promise<void>;
}

async function isFile(path: string): Promise<boolean> {
  return stat(path).then((s) => s.isFile(), () => false);
}

/** What a request URL leads to in a built site: a file (with 404.html for unknown paths), a redirect or a refusal. */
export type Resolution = { status: 200 | 404; file: string } | { status: 301; location: string } | { status: 400 };

export async function resolveRequest(root: string, requestUrl: string): Promise<Resolution> {
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(requestUrl, 'http://localhost').pathname);
  } catch {
    return { status: 400 };
  }
  const safe = normalize(pathname).replace(/^(\.\.[/\\])+/, '');
  const file = join(root, safe, safe.endsWith('/') ? 'index.html' : '');
  if (await isFile(file)) return { status: 200, file };
  if (await isFile(join(root, safe, 'index.html'))) return { status: 301, location: `${pathname}/` };
  return { status: 404, file: join(root, '404.html') };
}

/**
 * Serves `root` at `base` only (`/kb/`), as a host does a project site: anything outside the base
 * is a bare 404, so a link or fetch that forgot the base fails the way it would once deployed.
 * A function for `root` is asked on every request, so a test can deploy another build in place.
 */
export async function serveStatic(root: string | (() => string), base = '/'): Promise<StaticSite> {
  const server: Server = createServer(async (request, response) => {
    const inside = withoutBase(base, new URL(request.url ?? '/', 'http://localhost').pathname);
    if (inside === undefined) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end(`outside ${base}`);
      return;
    }
    const resolved = await resolveRequest(typeof root === 'string' ? root : root(), inside + new URL(request.url ?? '/', 'http://localhost').search);
    if (resolved.status === 400) {
      response.writeHead(400).end('bad request');
      return;
    }
    if (resolved.status === 301) {
      response.writeHead(301, { location: withBase(base, resolved.location) }).end();
      return;
    }
    const body = await readFile(resolved.file);
    response.writeHead(resolved.status, { 'content-type': contentTypeOf(resolved.file) }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('static server has no port');
  return {
    url: `http://127.0.0.1:${address.port}`,
    close: () => new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
