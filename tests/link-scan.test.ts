import { describe, expect, it, vi } from 'vitest';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { brokenLinks, extractLinks, resolveInternal, type SiteFiles } from '../src/commands/link-scan';
import { checkLinks, externalProblem } from '../src/commands/check-links-command';
import { temporaryFolders } from './helpers/temporary-folders';

const HOME = '<html><head><link rel="canonical" href="https://kb.example.org/"></head><body><h1 id="top-stories">Home</h1></body></html>';

/** A built site in memory: pages by path, plus any other files. */
function site(pages: Record<string, string>, others: string[] = []): SiteFiles {
  return { pages: new Map(Object.entries({ '/index.html': HOME, ...pages })), files: new Set([...Object.keys(pages), '/index.html', ...others]) };
}

/** Each broken link as `file:line:column  attribute  url: problem`. */
const broken = (files: SiteFiles) => brokenLinks(files, 'dist').map((i) => `${i.file}:${i.line}:${i.column}  ${i.field}  ${i.message}`);

describe('brokenLinks', () => {
  it('accepts links to pages, files, anchors on the same page and on another page', () => {
    const page = '<a href="/patterns/retry-storm/">p</a> <a href="../">up</a> <img src="/favicon.svg" srcset="/favicon.svg 1x, /favicon.svg 2x"> '
      + '<a href="#lessons">l</a><h2 id="lessons">Lessons</h2> <a href="/patterns/retry-storm/#signals">s</a> <a href="#">top</a> <a href="/#top">home</a>';
    expect(broken(site({
      '/incidents/x/index.html': page,
      '/incidents/index.html': '<h1>Incidents</h1>',
      '/patterns/retry-storm/index.html': '<h2 id="signals">Signals</h2>',
    }, ['/favicon.svg']))).toEqual([]);
  });

  it('reports a link to a page that does not exist, at its line and column', () => {
    expect(broken(site({ '/incidents/x/index.html': '<p>\n  <a href="/incidents/y/">y</a></p>' }))).toEqual([
      'dist/incidents/x/index.html:2:6  href  /incidents/y/: no page or file at /incidents/y/',
    ]);
  });

  it('resolves a relative link against the page it is on', () => {
    expect(broken(site({ '/incidents/x/index.html': '<a href="../y/">y</a>' }))).toEqual([
      'dist/incidents/x/index.html:1:4  href  ../y/: no page or file at /incidents/y/',
    ]);
  });

  it('reports a missing anchor on the same page and on another page', () => {
    const files = site({ '/incidents/x/index.html': '<a href="#lesons">a</a><h2 id="lessons">L</h2><a href="/patterns/p/#signal">b</a>', '/patterns/p/index.html': '<h2 id="signals">S</h2>' });
    expect(broken(files)).toEqual([
      'dist/incidents/x/index.html:1:4  href  #lesons: no element with id "lesons" on /incidents/x/',
      'dist/incidents/x/index.html:1:50  href  /patterns/p/#signal: no element with id "signal" on /patterns/p/',
    ]);
  });

  it('checks links to the site’s own address, as its canonical link names it', () => {
    expect(broken(site({ '/a/index.html': '<link rel="alternate" href="https://kb.example.org/feed.xml">' }))).toEqual([
      'dist/a/index.html:1:23  href  https://kb.example.org/feed.xml: no page or file at /feed.xml',
    ]);
  });

  it('checks a site built under a base against its files, and reports links outside the base', () => {
    const home = '<html><head><link rel="canonical" href="https://org.example.io/kb/"></head><body></body></html>';
    const files: SiteFiles = {
      pages: new Map([
        ['/index.html', home],
        ['/incidents/x/index.html', '<a href="/kb/patterns/p/">p</a><a href="../../patterns/p/">r</a><a href="/patterns/p/">root</a>\n<a href="/kb/gone/">g</a><a href="https://org.example.io/kb/feed.xml">f</a>'],
        ['/patterns/p/index.html', '<h1>P</h1>'],
      ]),
      files: new Set(['/index.html', '/incidents/x/index.html', '/patterns/p/index.html', '/feed.xml']),
    };
    expect(broken(files)).toEqual([
      'dist/incidents/x/index.html:1:68  href  /patterns/p/: outside the site, which is served under /kb/',
      'dist/incidents/x/index.html:2:4  href  /kb/gone/: no page or file at /kb/gone/',
    ]);
  });

  it('leaves links to other sites and other schemes to the external check', () => {
    expect(broken(site({ '/a/index.html': '<a href="https://example.com/nope">x</a><a href="mailto:a@example.com">m</a>' }))).toEqual([]);
  });

  it('ignores what looks like links inside comments and scripts, and decodes entities and percent-encoding', () => {
    const page = '<!-- <a href="/gone/">x</a> --><script>const a = \'<a href="/gone/">\';</script><a href="/b/?x=1&amp;y=2#caf%C3%A9">b</a>';
    expect(broken(site({ '/a/index.html': page, '/b/index.html': '<h2 id="café">C</h2>' }))).toEqual([]);
  });
});

describe('reading tags as a browser does', () => {
  it('decodes named and numeric entities in URLs and ids', () => {
    const page = '<a href="/caf&eacute;/#r&eacute;sum&eacute;">c</a><a href="&#x2F;b&#47;#d&Eacute;j&agrave;">b</a>';
    const files = site({ '/a/index.html': page, '/café/index.html': '<h2 id="résumé">R</h2>', '/b/index.html': '<p id="d&#xC9;j&#224;">D</p>' });
    expect(broken(files)).toEqual([]);
  });

  it('reports a link with an entity at the URL it decodes to', () => {
    expect(broken(site({ '/a/index.html': '<a href="/caf&eacute;/">c</a>' }))).toEqual(['dist/a/index.html:1:4  href  /café/: no page or file at /café/']);
  });

  it('leaves a query parameter that only looks like an entity as written', () => {
    expect(extractLinks('<a href="/b/?x=1&copy=2&amp;y=3">b</a>').map((l) => l.url)).toEqual(['/b/?x=1&copy=2&y=3']);
  });

  it('reads an unquoted value whole, up to the space or the end of the tag', () => {
    const files = site({ '/a/index.html': '<a class=x href=/b/?x=1#gone>b</a>', '/b/index.html': '<h2 id="here">H</h2>' });
    expect(broken(files)).toEqual(['dist/a/index.html:1:12  href  /b/?x=1#gone: no element with id "gone" on /b/']);
  });

  it('reads tag and attribute names in any case', () => {
    const files = site({ '/a/index.html': '<A HREF="/gone/">g</A><IMG Src="/b.png"><A HREF="#There">t</A><H2 ID="There">T</H2>' });
    expect(broken(files)).toEqual([
      'dist/a/index.html:1:4  href  /gone/: no page or file at /gone/',
      'dist/a/index.html:1:28  src  /b.png: no page or file at /b.png',
    ]);
  });

  it('reads a quoted value holding > and the attributes after it', () => {
    const files = site({ '/a/index.html': '<a title="5 > 4" data-x=\'<a href="/x/">\' href="/gone/">g</a>' });
    expect(broken(files)).toEqual(['dist/a/index.html:1:42  href  /gone/: no page or file at /gone/']);
  });

  it('ignores what looks like links in the text of title and textarea', () => {
    const page = '<title><a href="/gone/"></title><textarea><img src="/gone.png"></textarea><a href="/b/">b</a>';
    expect(extractLinks(page).map((l) => l.url)).toEqual(['/b/']);
  });
});

describe('extractLinks', () => {
  it('reads href, src and every srcset candidate', () => {
    expect(extractLinks('<a href=/a>a</a><img src="/b.png" srcset="/b.png 1x, /b@2x.png 2x">').map((l) => `${l.attribute} ${l.url}`)).toEqual([
      'href /a', 'src /b.png', 'srcset /b.png', 'srcset /b@2x.png',
    ]);
  });
});

describe('resolveInternal', () => {
  it('gives nothing for another site, a protocol-relative link or another scheme', () => {
    for (const url of ['https://example.com/', '//example.com/x', 'mailto:a@example.com', 'javascript:void(0)']) expect(resolveInternal(url, '/')).toBeUndefined();
  });
});

describe('externalProblem, with the network mocked', () => {
  const answer = (...statuses: number[]) => vi.fn(async () => new Response(null, { status: statuses.shift() ?? 200 }));

  it('accepts a link that answers', async () => {
    expect(await externalProblem('https://example.com/', { fetch: answer(200) })).toBeUndefined();
  });

  it('reports the status of a link that is gone', async () => {
    expect(await externalProblem('https://example.com/', { fetch: answer(404) })).toBe('answers 404');
  });

  it('asks again with GET when a server refuses HEAD', async () => {
    const fetch = answer(405, 200);
    expect(await externalProblem('https://example.com/', { fetch })).toBeUndefined();
    expect(fetch.mock.calls.map((call) => (call as unknown as [string, RequestInit])[1].method)).toEqual(['HEAD', 'GET']);
  });

  it('gives up after the timeout', async () => {
    const fetch = vi.fn((_url: string | URL | Request, init?: RequestInit) => new Promise<Response>((_, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal!.reason))));
    expect(await externalProblem('https://example.com/', { fetch: fetch as typeof globalThis.fetch, timeoutMs: 20 })).toBe('no answer within 0.02 s');
  });

  it('reports a host that cannot be reached', async () => {
    const fetch = vi.fn(async () => {
      throw new TypeError('fetch failed', { cause: new Error('getaddrinfo ENOTFOUND example.invalid') });
    });
    expect(await externalProblem('https://example.invalid/', { fetch })).toBe('unreachable (getaddrinfo ENOTFOUND example.invalid)');
  });
});

describe('npm run check:links', () => {
  const newSiteDir = temporaryFolders('kb-links-');
  async function builtSite(pages: Record<string, string>): Promise<string> {
    const dir = await newSiteDir();
    for (const [path, html] of Object.entries({ '/index.html': HOME, ...pages })) {
      await mkdir(dirname(join(dir, path)), { recursive: true });
      await writeFile(join(dir, path), html);
    }
    return dir;
  }

  it('exits 1 listing each broken link, and leaves external links alone unless asked', async () => {
    const dir = await builtSite({ '/a/index.html': '<a href="/b/">b</a><a href="https://example.com/">e</a>' });
    const fetch = vi.fn();
    const result = await checkLinks({ dir, fetch });
    expect(result.code).toBe(1);
    expect(result.stdout).toEqual([`${dir}/a/index.html:1:4  href  /b/: no page or file at /b/`, '2 pages checked: 1 broken link; 1 external links not checked (add --external)']);
    expect(fetch).not.toHaveBeenCalled();
  });

  it('requests external links with --external and reports those that fail', async () => {
    const dir = await builtSite({ '/a/index.html': '<a href="https://example.com/gone">e</a>' });
    const result = await checkLinks({ dir, external: true, fetch: vi.fn(async () => new Response(null, { status: 410 })) });
    expect(result).toMatchObject({ code: 1, stdout: [`${dir}/a/index.html:1:4  href  https://example.com/gone: answers 410`, '2 pages checked: 1 broken link; 1 external links checked'] });
  });

  it('adds a GitHub annotation per broken link when asked', async () => {
    const dir = await builtSite({ '/a/index.html': '<a href="/b/">b</a>' });
    expect((await checkLinks({ dir, annotate: true })).stdout).toContain(`::error file=${dir}/a/index.html,line=1,col=4,title=href::/b/: no page or file at /b/`);
  });

  it('exits 2 when there is no built site', async () => {
    expect(await checkLinks({ dir: '/nonexistent/dist' })).toEqual({ code: 2, stdout: [], stderr: ['/nonexistent/dist: no built site here; run npm run build first'] });
  });
});
