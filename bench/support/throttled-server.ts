/**
 * The first-search benchmark's static host. It serves a built site as a CDN would, so a cold
 * load costs what it costs in production: content types, validators, `no-cache` on HTML and an
 * hour's caching for everything else (so a preloaded file is reused by the fetch that follows),
 * gzip for text. It records every request and the body bytes it actually sent, and can hold
 * every response to a slow link (./slow-link.ts).
 */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { extname } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { gzipSync } from 'node:zlib';
import { contentTypeOf, resolveRequest } from '../../tests/harness/static-server';
import { TokenBucket, type LinkProfile } from './slow-link';

/** Text compresses well; Pagefind's own files are gzip already, so they are sent as they are. */
const GZIP_EXTENSIONS = new Set(['.html', '.js', '.css', '.json', '.svg']);
/** On the slow link bodies go out in chunks this size, so parallel responses interleave. */
const CHUNK_BYTES = 8_000;

export interface ServedRequest {
  /** Path and query, as requested. */
  url: string;
  status: number;
  /** Body bytes sent so far, compressed when gzipped; headers are not counted. */
  bytes: number;
}

export interface BenchServerOptions {
  /** Hold every response to this link; without it, loopback speed. */
  link?: LinkProfile | undefined;
  /** HTML pages served from memory at exact paths beside the site (the floor page). */
  pages?: Record<string, string>;
}

export interface BenchServer {
  url: string;
  /** The requests since the last reset, copied as they stand now. */
  requests(): ServedRequest[];
  resetRequests(): void;
  /** Resolves once no response has been in flight for `quietMs`; rejects after `timeoutMs`. */
  whenQuiet(quietMs: number, timeoutMs: number): Promise<void>;
  close(): Promise<void>;
}

interface Representation {
  type: string;
  body: Buffer;
  /** Only for text types. */
  gzipped?: Buffer;
  etag: string;
  lastModified: string;
}

function represent(name: string, body: Buffer, modified: Date): Representation {
  return {
    type: contentTypeOf(name),
    body,
    ...(GZIP_EXTENSIONS.has(extname(name)) && { gzipped: gzipSync(body) }),
    // Weak, because the plain and gzipped bodies share it (as nginx does).
    etag: `W/"${createHash('sha1').update(body).digest('base64url').slice(0, 16)}"`,
    lastModified: modified.toUTCString(),
  };
}

type Found = { status: 200 | 404; representation: Representation } | { status: 301; location: string } | { status: 400 };

export async function serveBench(root: string, options: BenchServerOptions = {}): Promise<BenchServer> {
  const { link } = options;
  const bucket = link && new TokenBucket(link.bytesPerSecond, CHUNK_BYTES);
  const started = new Date();
  const pages = new Map(Object.entries(options.pages ?? {}).map(([path, html]) => [path, represent('page.html', Buffer.from(html), started)]));
  // The build does not change while it is served, so each file is read and compressed once, as a CDN caches it.
  const files = new Map<string, Promise<Representation>>();
  const fileRepresentation = (file: string) => {
    let representation = files.get(file);
    if (!representation) {
      representation = Promise.all([readFile(file), stat(file)]).then(([body, stats]) => represent(file, body, stats.mtime));
      files.set(file, representation);
    }
    return representation;
  };

  async function find(url: string): Promise<Found> {
    const page = pages.get(new URL(url, 'http://localhost').pathname);
    if (page) return { status: 200, representation: page };
    const resolved = await resolveRequest(root, url);
    if (resolved.status === 400 || resolved.status === 301) return resolved;
    return { status: resolved.status, representation: await fileRepresentation(resolved.file) };
  }

  async function send(response: ServerResponse, body: Buffer, served: ServedRequest): Promise<void> {
    if (!bucket) {
      served.bytes = body.length;
      response.end(body);
      return;
    }
    for (let at = 0; at < body.length; at += CHUNK_BYTES) {
      const chunk = body.subarray(at, at + CHUNK_BYTES);
      await bucket.take(chunk.length);
      if (response.destroyed) return;
      // No need to wait for 'drain': the link is far slower than the loopback socket.
      response.write(chunk);
      served.bytes += chunk.length;
    }
    response.end();
  }

  async function respond(request: IncomingMessage, response: ServerResponse, served: ServedRequest): Promise<void> {
    if (link) await sleep(link.firstByteMs);
    const found = await find(served.url);
    served.status = found.status;
    if (found.status === 400 || found.status === 301) {
      response.writeHead(found.status, found.status === 301 ? { location: found.location } : {}).end();
      return;
    }
    const { type, body, gzipped, etag, lastModified } = found.representation;
    const headers = { 'content-type': type, 'cache-control': type.startsWith('text/html') ? 'no-cache' : 'max-age=3600', etag, 'last-modified': lastModified };
    if (found.status === 200 && request.headers['if-none-match'] === etag) {
      served.status = 304;
      response.writeHead(304, headers).end();
      return;
    }
    const gzip = gzipped && /\bgzip\b/.test(request.headers['accept-encoding'] ?? '') ? gzipped : undefined;
    const sent = gzip ?? body;
    response.writeHead(found.status, {
      ...headers,
      'content-length': sent.length,
      ...(gzipped && { vary: 'Accept-Encoding' }),
      ...(gzip && { 'content-encoding': 'gzip' }),
    });
    await send(response, sent, served);
  }

  let log: ServedRequest[] = [];
  let inFlight = 0;
  let lastActivity = performance.now();
  const server = createServer((request, response) => {
    const served: ServedRequest = { url: request.url ?? '/', status: 0, bytes: 0 };
    log.push(served);
    inFlight++;
    lastActivity = performance.now();
    response.on('close', () => {
      inFlight--;
      lastActivity = performance.now();
    });
    respond(request, response, served).catch((error: unknown) => {
      console.error(`bench server: ${served.url}:`, error);
      served.status = 500;
      if (response.headersSent) response.destroy();
      else response.writeHead(500).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('bench server has no port');

  return {
    url: `http://127.0.0.1:${address.port}`,
    requests: () => log.map((served) => ({ ...served })),
    resetRequests: () => {
      log = [];
    },
    async whenQuiet(quietMs, timeoutMs) {
      const deadline = performance.now() + timeoutMs;
      while (inFlight > 0 || performance.now() - lastActivity < quietMs) {
        if (performance.now() > deadline) throw new Error(`the page was still fetching after ${timeoutMs / 1000} s`);
        await sleep(20);
      }
    },
    close: () =>
      new Promise((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
