/**
 * The feed, the JSON and CSV exports, the patterns JSON and the OpenSearch description, read from
 * the shared build of our writeups and from a fixture build of them plus a draft (which must be
 * absent everywhere), an imported copy of one writeup, and a writeup whose title tries to break
 * CSV and XML. Each export must cover exactly the incident pages the build has.
 */
import { describe, expect, inject, it } from 'vitest';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { useBuiltSite } from './support/fixture-site';
import { copyOurContent, writeVariant } from './support/content-variants';
import { parseCsv } from './support/strict-csv';
import { useBrowser } from './support/page';
import { FEED_ENTRIES } from '../src/lib/exports/atom';

const MODEL = '2025-01-16-failed-api-deploy-returns-503s';
const DRAFT = '2026-11-01-draft-that-must-not-be-exported';
const TRICKY = '2026-11-02-title-that-tries-to-break-csv-and-xml';
const TRICKY_TITLE = '=SUM(1,2) in a title, with "quotes" & <tags>';
const COPY = '2025-01-16-imported-copy-of-failed-api-deploy';
/** The address `astro build` gives the site when SITE is not set (astro.config.mjs). */
const SITE = 'https://incidents.example.org/';

let fixtureContent = '';
const fixture = useBuiltSite('exports', async (workDir) => {
  fixtureContent = await copyOurContent(join(workDir, 'content'));
  await writeVariant(fixtureContent, MODEL, DRAFT, { title: 'A draft that must not be exported', started: '2026-11-01T10:00:00Z', draft: true });
  await writeVariant(fixtureContent, MODEL, TRICKY, { title: TRICKY_TITLE, started: '2026-11-02T10:00:00Z' });
  const model = await readFile(join(fixtureContent, `incidents/${MODEL}.mdx`), 'utf8');
  // An importer's record of the same incident (src/lib/copies.ts): published, and marked as a copy.
  await writeFile(join(fixtureContent, `incidents/${COPY}.mdx`), `${model}\n## Imported from\n\n- Source: https://fly.io/infra-log/2025-01-18/\n`);
  return fixtureContent;
});
const browser = useBrowser();

interface Site {
  url: string;
  outDir: string;
}
const sharedSite: Site = {
  get url() {
    return inject('siteUrl');
  },
  get outDir() {
    return inject('siteDir');
  },
};

interface IncidentsJson {
  version: number;
  site: string;
  generated: string;
  count: number;
  incidents: {
    slug: string;
    url: string;
    title: string;
    summary: string;
    started: { text: string; precision: string; iso?: string };
    ended?: { text: string; precision: string; iso?: string };
    duration: { kind: string; text: string; minMinutes?: number; maxMinutes?: number };
    impact: string;
    patterns: { id: string; title: string }[];
    services: string[];
    copyOf?: string;
  }[];
}

interface PatternsJson {
  version: number;
  site: string;
  generated: string;
  count: number;
  patterns: { id: string; url: string; title: string; signals: string[]; mitigations: string[]; incidents: string[] }[];
}

const readSiteFile = (site: Site, file: string) => readFile(join(site.outDir, file), 'utf8');
const incidentsJson = async (site: Site) => JSON.parse(await readSiteFile(site, 'incidents.json')) as IncidentsJson;

/** Slugs of the incident pages in the build (numbered folders are the list's later pages). */
async function builtIncidentSlugs(site: Site): Promise<string[]> {
  const entries = await readdir(join(site.outDir, 'incidents'), { withFileTypes: true });
  return entries.filter((e) => e.isDirectory() && !/^\d+$/.test(e.name)).map((e) => e.name).sort();
}

/** The writeups in a content folder minus its drafts, read from the files, not from the build. */
async function publishedInContent(contentDir: string): Promise<string[]> {
  const files = (await readdir(join(contentDir, 'incidents'))).filter((file) => file.endsWith('.mdx'));
  const published = await Promise.all(
    files.map(async (file) => {
      const frontMatter = /^---\n([\s\S]*?)\n---/.exec(await readFile(join(contentDir, 'incidents', file), 'utf8'))?.[1] ?? '';
      return /^draft:\s*true\s*$/m.test(frontMatter) ? undefined : file.replace(/\.mdx$/, '');
    }),
  );
  return published.filter((slug) => slug !== undefined).sort();
}

/** The feed as the browser's own XML parser reads it. */
async function parseFeed(site: Site) {
  const page = await browser.blank();
  await page.goto(new URL('feed.xml', site.url).href);
  return page.evaluate(async () => {
    const xml = new DOMParser().parseFromString(await (await fetch('feed.xml')).text(), 'application/xml');
    const text = (parent: Element | Document, selector: string) => parent.querySelector(selector)?.textContent ?? '';
    const feed = xml.documentElement;
    const entries = [...xml.querySelectorAll('feed > entry')].map((entry) => ({
      id: text(entry, 'id'),
      title: text(entry, 'title'),
      link: entry.querySelector('link[rel="alternate"]')?.getAttribute('href') ?? '',
      related: entry.querySelector('link[rel="related"]')?.getAttribute('href') ?? '',
      published: text(entry, 'published'),
      updated: text(entry, 'updated'),
      summary: text(entry, 'summary'),
      categories: [...entry.querySelectorAll('category')].map((c) => c.getAttribute('term') ?? ''),
    }));
    return {
      error: xml.querySelector('parsererror')?.textContent,
      namespace: feed.namespaceURI,
      root: feed.localName,
      id: text(feed, ':scope > id'),
      title: text(feed, ':scope > title'),
      updated: text(feed, ':scope > updated'),
      self: feed.querySelector(':scope > link[rel="self"]')?.getAttribute('href') ?? '',
      author: text(feed, ':scope > author > name'),
      entries,
    };
  });
}

/** What a spreadsheet-safe export makes of a value (README → Feeds and exports). */
const defused = (value: string) => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);

function coverageTests(name: string, site: Site) {
  describe(`the exports of ${name}`, () => {
    it('incidents.json has a version, the site, when it was generated, and exactly the incident pages the build has', async () => {
      const json = await incidentsJson(site);
      expect(json.version).toBe(1);
      expect(json.site).toBe(SITE);
      expect(new Date(json.generated).toISOString()).toBe(json.generated);
      expect(json.count).toBe(json.incidents.length);
      expect(json.incidents.map((i) => i.slug).sort()).toEqual(await builtIncidentSlugs(site));
      for (const incident of json.incidents) {
        expect(incident.url).toBe(new URL(`incidents/${incident.slug}/`, SITE).href);
        // A duration from dates is a range: its bounds differ and its text never reads as one figure.
        if (incident.duration.kind === 'range') {
          expect(incident.duration.minMinutes!, incident.slug).toBeLessThan(incident.duration.maxMinutes!);
          expect(incident.duration.text, incident.slug).toMatch(/from (dates|months|years)$/);
        }
        if (incident.duration.kind === 'exact') expect(incident.duration.minMinutes, incident.slug).toBe(incident.duration.maxMinutes);
      }
    });

    it('incidents.csv parses as strict RFC 4180, one row per incident page, each agreeing with incidents.json', async () => {
      const [header, ...rows] = parseCsv(await readSiteFile(site, 'incidents.csv'));
      expect(header).toEqual(['slug', 'url', 'title', 'organization', 'started', 'started_precision', 'ended', 'ended_precision', 'duration', 'duration_min_minutes', 'duration_max_minutes', 'impact', 'patterns', 'services', 'trigger', 'detection', 'copy_of', 'summary']);
      expect(rows.every((row) => row.length === header!.length)).toBe(true);
      expect(rows.map((row) => row[0]).sort()).toEqual(await builtIncidentSlugs(site));
      // A second reading: each row must say what the JSON export says of the same incident.
      const bySlug = new Map((await incidentsJson(site)).incidents.map((incident) => [incident.slug, incident]));
      for (const row of rows) {
        const cell = (column: string) => row[header!.indexOf(column)];
        const incident = bySlug.get(row[0]!)!;
        expect(
          [cell('url'), cell('title'), cell('started'), cell('started_precision'), cell('ended'), cell('duration'), cell('impact'), cell('patterns'), cell('services'), cell('copy_of'), cell('summary')],
          incident.slug,
        ).toEqual([
          incident.url,
          defused(incident.title),
          incident.started.iso ?? '',
          incident.started.precision,
          incident.ended?.iso ?? '',
          incident.duration.text,
          incident.impact,
          incident.patterns.map((p) => p.id).join(';'),
          incident.services.join(';'),
          incident.copyOf ?? '',
          defused(incident.summary),
        ]);
      }
    });

    it('the Atom feed parses as Atom 1.0 and has one entry per incident page (fewer than FEED_ENTRIES here), newest first, each with its patterns and impact', async () => {
      expect((await builtIncidentSlugs(site)).length).toBeLessThan(FEED_ENTRIES);
      const feed = await parseFeed(site);
      expect(feed.error).toBeUndefined();
      expect([feed.namespace, feed.root]).toEqual(['http://www.w3.org/2005/Atom', 'feed']);
      expect([feed.id, feed.self]).toEqual([SITE, new URL('feed.xml', SITE).href]);
      expect(feed.title).not.toBe('');
      expect(feed.author).not.toBe('');
      expect(feed.entries.map((e) => /\/incidents\/([^/]+)\/$/.exec(e.id)?.[1]).sort()).toEqual(await builtIncidentSlugs(site));
      const json = await incidentsJson(site);
      const bySlug = new Map(json.incidents.map((incident) => [incident.url, incident]));
      for (const entry of feed.entries) {
        const incident = bySlug.get(entry.id)!;
        expect(entry.link, entry.id).toBe(entry.id);
        expect(entry.title, entry.id).toBe(incident.title);
        expect(entry.summary, entry.id).toBe(incident.summary);
        expect(entry.categories, entry.id).toEqual([...incident.patterns.map((p) => p.id), `impact:${incident.impact}`]);
        expect(new Date(entry.updated).toISOString(), entry.id).toBe(entry.updated);
        expect(entry.updated <= feed.updated, entry.id).toBe(true);
        expect(entry.related, entry.id).toBe(incident.copyOf ? new URL(`incidents/${incident.copyOf}/`, SITE).href : '');
      }
      // Newest first: dated entries by start, latest first, then the undated ones.
      const published = feed.entries.map((e) => e.published);
      const dated = published.filter(Boolean);
      expect(published.slice(0, dated.length)).toEqual(dated);
      expect(dated).toEqual(dated.toSorted().reverse());
      expect(dated.length).toBeGreaterThan(feed.entries.length - 3);
    });

    it('patterns.json lists every pattern page with its signals, mitigations and the incidents that page lists', async () => {
      const json = JSON.parse(await readSiteFile(site, 'patterns.json')) as PatternsJson;
      const pages = (await readdir(join(site.outDir, 'patterns'), { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name).sort();
      expect([json.version, json.site, json.count]).toEqual([1, SITE, pages.length]);
      expect(json.patterns.map((p) => p.id).sort()).toEqual(pages);
      const incidents = (await incidentsJson(site)).incidents;
      const copies = new Set(incidents.filter((i) => i.copyOf).map((i) => i.slug));
      for (const pattern of json.patterns) {
        expect(pattern.url, pattern.id).toBe(new URL(`patterns/${pattern.id}/`, SITE).href);
        expect(pattern.signals.length > 0 && pattern.mitigations.length > 0, pattern.id).toBe(true);
        const showing = incidents.filter((i) => !copies.has(i.slug) && i.patterns.some((p) => p.id === pattern.id)).map((i) => i.slug);
        expect(pattern.incidents, pattern.id).toEqual(showing);
      }
    });

    it('every page links the OpenSearch description, the feed and the exports, and a query from the address bar lands on search results', async () => {
      const htmlFiles = (await readdir(site.outDir, { recursive: true })).filter((file) => file.endsWith('.html'));
      expect(htmlFiles.length).toBeGreaterThan(10);
      for (const file of htmlFiles) {
        const html = await readSiteFile(site, file);
        expect(html, file).toContain('<link rel="search" type="application/opensearchdescription+xml" title="Incidents" href="/opensearch.xml">');
        expect(html, file).toMatch(/<link rel="alternate" type="application\/atom\+xml" title="[^"]+" href="\/feed.xml">/);
        for (const exported of ['/incidents.json', '/incidents.csv', '/patterns.json']) expect(html, file).toContain(`href="${exported}"`);
      }
      const description = await readSiteFile(site, 'opensearch.xml');
      const template = /<Url type="text\/html" method="get" template="([^"]+)"/.exec(description)?.[1];
      expect(template).toBe(`${SITE}search/?q={searchTerms}`);
      const landing = new URL(template!.replace('{searchTerms}', encodeURIComponent('leap second')));
      const page = await browser.blank();
      await page.goto(new URL(`${landing.pathname}${landing.search}`, site.url).href);
      await page.waitForFunction(() => /found/.test(document.getElementById('search-status')?.textContent ?? ''));
      expect(await page.locator('[data-search-results] > li').count()).toBeGreaterThan(0);
    });
  });
}

coverageTests('the shared build', sharedSite);
coverageTests('a build with a draft, a copy and a title that tries to break CSV and XML', fixture);

describe('the exports of the fixture build', () => {
  it('cover exactly the writeups in its content folder that are not drafts', async () => {
    const published = await publishedInContent(fixtureContent);
    expect(published).toContain(TRICKY);
    expect(published).toContain(COPY);
    expect(published).not.toContain(DRAFT);
    expect(await builtIncidentSlugs(fixture)).toEqual(published);
    expect((await incidentsJson(fixture)).incidents.map((i) => i.slug).sort()).toEqual(published);
  });

  it('leave the draft out of every file, even by name', async () => {
    for (const file of ['incidents.json', 'incidents.csv', 'feed.xml', 'patterns.json']) {
      const text = await readSiteFile(fixture, file);
      expect(text, file).not.toContain(DRAFT);
      expect(text, file).not.toContain('A draft that must not be exported');
    }
  });

  it('carry a hostile title intact in JSON and XML, and defused in CSV', async () => {
    expect((await incidentsJson(fixture)).incidents.find((i) => i.slug === TRICKY)?.title).toBe(TRICKY_TITLE);
    expect((await parseFeed(fixture)).entries[0]!.title).toBe(TRICKY_TITLE);
    const [, ...rows] = parseCsv(await readSiteFile(fixture, 'incidents.csv'));
    expect(rows.find((row) => row[0] === TRICKY)?.[2]).toBe(`'${TRICKY_TITLE}`);
  });

  it('mark the imported copy as a copy of its original everywhere, and leave it off the pattern lists', async () => {
    const incidents = (await incidentsJson(fixture)).incidents;
    expect(incidents.filter((i) => i.copyOf).map((i) => [i.slug, i.copyOf])).toEqual([[COPY, MODEL]]);
    const [header, ...rows] = parseCsv(await readSiteFile(fixture, 'incidents.csv'));
    expect(rows.find((row) => row[0] === COPY)?.[header!.indexOf('copy_of')]).toBe(MODEL);
    const entry = (await parseFeed(fixture)).entries.find((e) => e.id.endsWith(`/${COPY}/`));
    expect(entry?.related).toBe(new URL(`incidents/${MODEL}/`, SITE).href);
    const patterns = (JSON.parse(await readSiteFile(fixture, 'patterns.json')) as PatternsJson).patterns;
    expect(patterns.find((p) => p.id === 'bad-deploy')?.incidents).toEqual(expect.arrayContaining([MODEL, TRICKY]));
    expect(patterns.flatMap((p) => p.incidents)).not.toContain(COPY);
  });
});
