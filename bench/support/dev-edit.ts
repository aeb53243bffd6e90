/**
 * The contributor's loop in `npm run dev`: how long the dev server takes to answer at all, to
 * serve a writeup the first time, and to serve it with an edit in it once the file is saved.
 * The server runs in its own process group (tests/harness/process-group.ts), which is killed
 * whatever happens.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { startInProcessGroup } from '../../tests/harness/process-group';
import { PROJECT_ROOT } from '../../tests/harness/site-build';

export interface DevEditTimes {
  /** From starting the server to its first answer. */
  readySeconds: number;
  /** The writeup's first request, which compiles it. */
  firstPageSeconds: number;
  /** From saving each edit to the first response that shows it. */
  editSeconds: number[];
}

const POLL_EVERY_MS = 100;
/**
 * The pause before each save. Saved a few milliseconds after the page showed the last edit,
 * while the dev server was still reloading that one, an edit was missed about every other run
 * and the wait for it timed out; a contributor does not save again that fast.
 */
const BETWEEN_EDITS_MS = 1000;

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Polls `url` until its body passes `shows`; fails past `timeoutMs`. */
async function waitFor(url: string, shows: (body: string) => boolean, timeoutMs: number): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline) {
    const body = await fetch(url).then((response) => (response.ok ? response.text() : ''), () => '');
    if (shows(body)) return;
    await sleep(POLL_EVERY_MS);
  }
  throw new Error(`${url} did not show the expected text within ${timeoutMs} ms`);
}

/**
 * Starts `astro dev` over `contentDir`, opens the writeup `slug`, then `edits` times appends a
 * new sentence to its file and waits for the page to show it. The file is restored afterwards.
 */
export async function devEditTimes(options: { contentDir: string; slug: string; edits: number; timeoutMs: number }): Promise<DevEditTimes> {
  const { contentDir, slug, edits, timeoutMs } = options;
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const file = `${contentDir}/incidents/${slug}.mdx`;
  const original = await readFile(file, 'utf8');
  const started = performance.now();
  const server = startInProcessGroup([process.execPath, 'node_modules/astro/bin/astro.mjs', 'dev', '--host', '127.0.0.1', '--port', String(port)], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, KB_CONTENT_DIR: contentDir, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1' },
    // Each wait below has its own bound, but a request the server never answers would hold one:
    // past all of them together the server is killed, which ends it.
    timeoutMs: timeoutMs * (edits + 2),
  });
  server.stdout.resume();
  server.stderr.resume();
  try {
    await waitFor(`${origin}/`, (body) => body.length > 0, timeoutMs);
    const readySeconds = (performance.now() - started) / 1000;
    const page = `${origin}/incidents/${slug}/`;
    const opened = performance.now();
    await waitFor(page, (body) => body.includes('</article>'), timeoutMs);
    const firstPageSeconds = (performance.now() - opened) / 1000;
    const editSeconds: number[] = [];
    for (let edit = 1; edit <= edits; edit++) {
      await sleep(BETWEEN_EDITS_MS);
      const marker = `Edited for the benchmark, round ${edit} of ${Date.now()}.`;
      const saved = performance.now();
      await writeFile(file, `${original.trimEnd()}\n\n${marker}\n`);
      await waitFor(page, (body) => body.includes(marker), timeoutMs);
      editSeconds.push((performance.now() - saved) / 1000);
    }
    return { readySeconds, firstPageSeconds, editSeconds };
  } finally {
    server.stop();
    await server.exited;
    await writeFile(file, original);
  }
}
