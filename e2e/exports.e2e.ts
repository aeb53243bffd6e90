/**
 * The feed, the JSON and CSV exports, the patterns JSON and the OpenSearch description, read from
 * a build of our writeups plus a draft (which must be absent everywhere) and a writeup whose title
 * tries to break CSV and XML.
 */
import { describe, expect, it } from 'vitest';
import { cp, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { useBuiltSite } from './support/built-site';
import { PROJECT_ROOT } from './support/build';
import { parseCsv } from './support/csv';
import { useBrowser } from './support/page';

const DRAFT = '2026-11-01-draft-that-must-not-be-exported';
const TRICKY = '2026-11-02-title-that-tries-to-break-csv-and-xml';
const TRICKY_TITLE = '=SUM(1,2) in a title, with "quotes" & <tags>';

const built = useBuiltSite('exports', async (workDir) => {
  const content = join(workDir, 'content');
  await cp(join(PROJECT_ROOT, 'content'), content, { recursive: true });
  const model = await readFile(join(content, 'incidents/2025-01-16-failed-api-deploy-returns-503s.mdx'), 'utf8');
  const dated = (day: string) => model.replace(/^started: .*$/m, `started: "2026-11-${day}T10:00:00Z"`);
  await writeFile(join(content, `incidents/${DRAFT}.mdx`), dated('01').replace(/^title: .*$/m, 'title: A draft that must not be exported').replace(/^impact: /m, 'draft: true\nimpact: '));
  await writeFile(join(content, `incidents/${TRICKY}.mdx`), dated('02').replace(/^title: .*$/m, `title: ${JSON.stringify(TRICKY_TITLE)}`));
  return content;
});
const site = useBrowser(() => built.url);

/** Slugs of the incident pages in the build: what every export must cover. */
async function builtIncidentSlugs(): Promise<string[]> {
  const entries = await readdir(join(built.outDir, 'incidents'), { withFileTypes: true });
  return entries.filter((e) => e.isDirectory() && !/^\d+$/.test(e.name)).map((e) => e.name).sort();
}

const read = (file: string) => readFile(join(built.outDir, file), 'utf8');

describe('the exports', () => {
  it('incidents.json has a version and every published incident, with no draft', async () => {
    const json = JSON.parse(await read('incidents.json')) as { version: number; count: number; incidents: { slug: string; url: string; title: string; duration: { kind: string } }[] };
    const slugs = await builtIncidentSlugs();
    expect(json.version).toBe(1);
    expect(json.count).toBe(json.incidents.length);
    expect(json.incidents.map((i) => i.slug).sort()).toEqual(slugs);
    expect(slugs).toContain(TRICKY);
    expect(slugs).not.toContain(DRAFT);
    expect(json.incidents.find((i) => i.slug === TRICKY)?.title).toBe(TRICKY_TITLE);
    expect(json.incidents.every((i) => i.url === new URL(`/incidents/${i.slug}/`, 'https://incidents.example.org').href)).toBe(true);
  });

  it('incidents.csv parses as RFC 4180, one row per published incident, a title that looks like a formula defused', async () => {
    const [header, ...rows] = parseCsv(await read('incidents.csv'));
    expect(header!.slice(0, 3)).toEqual(['slug', 'url', 'title']);
    expect(rows.every((row) => row.length === header!.length)).toBe(true);
    expect(rows.map((row) => row[0]).sort()).toEqual(await builtIncidentSlugs());
    expect(rows.find((row) => row[0] === TRICKY)?.[2]).toBe(`'${TRICKY_TITLE}`);
  });

  it('the Atom feed parses, lists every published incident newest first, each with its patterns and impact', async () => {
    const page = await site.open('/feed.xml');
    const feed = await page.evaluate(async () => {
      const xml = new DOMParser().parseFromString(await (await fetch('/feed.xml')).text(), 'application/xml');
      const error = xml.querySelector('parsererror')?.textContent;
      const entries = [...xml.querySelectorAll('entry')].map((entry) => ({
        id: entry.querySelector('id')?.textContent ?? '',
        title: entry.querySelector('title')?.textContent ?? '',
        published: entry.querySelector('published')?.textContent ?? '',
        categories: [...entry.querySelectorAll('category')].map((c) => c.getAttribute('term') ?? ''),
        summary: entry.querySelector('summary')?.textContent ?? '',
      }));
      return { error, root: xml.documentElement.namespaceURI, entries };
    });
    expect(feed.error).toBeUndefined();
    expect(feed.root).toBe('http://www.w3.org/2005/Atom');
    const slugs = feed.entries.map((e) => /\/incidents\/([^/]+)\/$/.exec(e.id)?.[1]);
    expect([...slugs].sort()).toEqual(await builtIncidentSlugs());
    const dated = feed.entries.map((e) => e.published).filter(Boolean);
    expect(dated.length).toBeGreaterThan(feed.entries.length - 3);
    expect(dated).toEqual([...dated].sort().reverse());
    expect(feed.entries[0]!.title).toBe(TRICKY_TITLE);
    expect(feed.entries.every((e) => e.summary.length > 0 && e.categories.some((c) => c.startsWith('impact:')) && e.categories.length >= 2)).toBe(true);
  });

  it('patterns.json lists every pattern with its page, signals, mitigations and published incidents', async () => {
    const json = JSON.parse(await read('patterns.json')) as { version: number; patterns: { id: string; url: string; signals: string[]; mitigations: string[]; incidents: string[] }[] };
    const pages = (await readdir(join(built.outDir, 'patterns'), { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name).sort();
    expect(json.version).toBe(1);
    expect(json.patterns.map((p) => p.id).sort()).toEqual(pages);
    expect(json.patterns.every((p) => p.signals.length > 0 && p.mitigations.length > 0)).toBe(true);
    const published = new Set(await builtIncidentSlugs());
    expect(json.patterns.flatMap((p) => p.incidents).every((slug) => published.has(slug))).toBe(true);
    expect(json.patterns.find((p) => p.id === 'bad-deploy')?.incidents).toContain(TRICKY);
  });

  it('every page links the OpenSearch description and the feed, and a query from the address bar lands on search results', async () => {
    const htmlFiles = (await readdir(built.outDir, { recursive: true })).filter((file) => file.endsWith('.html'));
    for (const file of htmlFiles) {
      const html = await read(file);
      expect(html, file).toContain('<link rel="search" type="application/opensearchdescription+xml" title="Incidents" href="/opensearch.xml">');
      expect(html, file).toMatch(/<link rel="alternate" type="application\/atom\+xml" title="[^"]+" href="\/feed.xml">/);
    }
    const description = await read('opensearch.xml');
    const template = /<Url type="text\/html" method="get" template="([^"]+)"/.exec(description)?.[1];
    expect(template).toBe('https://incidents.example.org/search/?q={searchTerms}');
    const page = await site.open(new URL(template!.replace('{searchTerms}', encodeURIComponent('leap second'))).pathname + '?q=leap%20second');
    await page.waitForFunction(() => /found/.test(document.getElementById('search-status')?.textContent ?? ''));
    expect(await page.locator('[data-search-results] > li').count()).toBeGreaterThan(0);
  });
});
