import { describe, expect, it } from 'vitest';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { calendarHref, incidentHref, incidentListHref, normalizeBase, patternHref, searchHref, withBase, withoutBase } from '../src/lib/site-paths';

describe('normalizeBase', () => {
  it('gives one leading and one trailing slash whatever was configured', () => {
    expect(normalizeBase(undefined)).toBe('/');
    expect(normalizeBase('')).toBe('/');
    expect(normalizeBase('/')).toBe('/');
    expect(normalizeBase('kb')).toBe('/kb/');
    expect(normalizeBase('/kb')).toBe('/kb/');
    expect(normalizeBase('/kb/')).toBe('/kb/');
    expect(normalizeBase('//team/kb//')).toBe('/team/kb/');
  });
});

describe('withBase and withoutBase', () => {
  it('put a root-relative path under the base and take it off again', () => {
    expect(withBase('/', '/incidents/x/')).toBe('/incidents/x/');
    expect(withBase('/kb/', '/incidents/x/')).toBe('/kb/incidents/x/');
    expect(withBase('/kb', '/')).toBe('/kb/');
    expect(withoutBase('/kb/', '/kb/incidents/x/')).toBe('/incidents/x/');
    expect(withoutBase('/kb/', '/kb')).toBe('/');
    expect(withoutBase('/', '/pagefind/x.js')).toBe('/pagefind/x.js');
  });

  it('refuse a relative path and report a path outside the base', () => {
    expect(() => withBase('/kb/', 'incidents/')).toThrow(/must start with "\/"/);
    expect(withoutBase('/kb/', '/kbx/incidents/')).toBeUndefined();
    expect(withoutBase('/kb/', '/incidents/')).toBeUndefined();
  });
});

describe('route helpers (built at the root in unit tests)', () => {
  it('give every page path with a trailing slash', () => {
    expect(incidentHref('2017-01-31-a')).toBe('/incidents/2017-01-31-a/');
    expect(patternHref('retry-storm')).toBe('/patterns/retry-storm/');
    expect(incidentListHref()).toBe('/incidents/');
    expect(incidentListHref(3)).toBe('/incidents/3/');
  });

  it('page the newest calendar year at /calendar/ and every other year at /calendar/<year>/', () => {
    expect(calendarHref()).toBe('/calendar/');
    expect(calendarHref(2021, 2021)).toBe('/calendar/');
    expect(calendarHref(2013, 2021)).toBe('/calendar/2013/');
  });

  it('carry a search query, encoded', () => {
    expect(searchHref()).toBe('/search/');
    expect(searchHref('503 & retry')).toBe('/search/?q=503%20%26%20retry');
  });
});

/** Files under `dir` whose names end in one of `extensions`. */
async function sourceFiles(dir: string, extensions: readonly string[]): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile() && extensions.some((x) => e.name.endsWith(x))).map((e) => join(e.parentPath, e.name));
}

describe('the sources', () => {
  it('write no root-relative internal link by hand: every one goes through src/lib/site-paths.ts', async () => {
    const offenders: string[] = [];
    for (const file of await sourceFiles('src', ['.astro', '.ts'])) {
      if (file.endsWith('site-paths.ts')) continue;
      const lines = (await readFile(file, 'utf8')).split('\n');
      lines.forEach((line, i) => {
        // An attribute or a string that starts a page's path: href="/x", action="/x", '/incidents/…', `/search/?q=…`.
        const code = line.replace(/^\s*(\/\*\*?|\*|\/\/).*$/, '');
        if (/\b(href|src|action)="\/(?!\/)/.test(code) || /['"`]\/((incidents|patterns|calendar)\/|search\/['"`?])/.test(code)) {
          offenders.push(`${file}:${i + 1}: ${line.trim()}`);
        }
      });
    }
    expect(offenders).toEqual([]);
  });
});
