import { describe, expect, it } from 'vitest';
import { atomFeed, FEED_ENTRIES } from '../../src/lib/exports/atom';
import type { ExportedIncident } from '../../src/lib/exports/incident-record';
import { openSearchDescription } from '../../src/lib/exports/opensearch';
import { xmlText } from '../../src/lib/exports/xml';
import { exportedIncident } from '../helpers/exported-incident';

const incident = (slug: string, started: string | undefined, title = 'Title'): ExportedIncident =>
  exportedIncident(slug, { title, started: started ? { text: started, precision: started.length > 10 ? 'minute' : 'month', iso: started } : { text: 'unknown', precision: 'unknown' } });

const feed = (incidents: ExportedIncident[]) =>
  atomFeed({ title: 'KB', homeUrl: 'https://kb.example.org/kb/', feedUrl: 'https://kb.example.org/kb/feed.xml', patternsUrl: 'https://kb.example.org/kb/patterns/', incidents, fallbackUpdated: '2026-12-04T00:00:00.000Z' });

describe('xmlText', () => {
  it('escapes markup and drops characters XML cannot carry', () => {
    expect(xmlText('a & b <c> "d" \'e\'\u0001')).toBe('a &amp; b &lt;c&gt; &quot;d&quot; &apos;e&apos;');
  });
});

describe('atomFeed', () => {
  it('lists entries in the order given with full dates, categories per pattern and the impact', () => {
    const xml = feed([incident('2021-10-04-b', '2021-10-04T15:39Z', 'Backbone <withdrawal> & DNS'), incident('2013-05-a', '2013-05')]);
    expect(xml.indexOf('2021-10-04-b')).toBeLessThan(xml.indexOf('2013-05-a'));
    expect(xml).toContain('<title>Backbone &lt;withdrawal&gt; &amp; DNS</title>');
    expect(xml).toContain('<published>2013-05-01T00:00:00.000Z</published>');
    expect(xml).toContain('<updated>2021-10-04T15:39:00.000Z</updated>\n  <link rel="self"');
    expect(xml).toContain('<category term="retry-storm" label="Retry storm" scheme="https://kb.example.org/kb/patterns/"/>');
    expect(xml).toContain('<category term="impact:major" label="Impact major"/>');
  });

  it('dates an undated incident, and a feed of undated ones, with the build time', () => {
    const xml = feed([incident('undated-x', undefined)]);
    expect(xml).toContain('<updated>2026-12-04T00:00:00.000Z</updated>');
    expect(xml).not.toContain('<published>');
  });

  it('dates the feed by its latest entry, the end of an incident when it has one', () => {
    const ended = { ...incident('2021-10-04-b', '2021-10-04T15:39Z'), ended: { text: '2021-10-04T22:00Z', precision: 'minute', iso: '2021-10-04T22:00:00Z' } };
    const xml = feed([incident('2022-01-a', '2022-01'), ended]);
    expect(xml).toContain('<published>2021-10-04T15:39:00.000Z</published>\n    <updated>2021-10-04T22:00:00.000Z</updated>');
    expect(xml).toContain('<title>KB</title>\n  <updated>2022-01-01T00:00:00.000Z</updated>');
    expect(feed([incident('2022-01-a', '2022-01'), incident('undated-x', undefined)])).toContain('<title>KB</title>\n  <updated>2026-12-04T00:00:00.000Z</updated>');
  });

  it('links a copy to the writeup it repeats, and refuses a copy whose original is missing', () => {
    const original = incident('2021-10-04-b', '2021-10-04T15:39Z', 'Backbone withdrawal');
    const copy = { ...incident('2021-10-04-imported', '2021-10-04T15:39Z'), copyOf: original.slug };
    const xml = feed([copy, original]);
    expect(xml).toContain(`<link rel="related" type="text/html" href="${original.url}" title="Backbone withdrawal"/>`);
    expect(xml).toContain(`Another writeup of the incident in &quot;Backbone withdrawal&quot;: ${original.url}`);
    expect(() => feed([copy])).toThrow(/2021-10-04-imported is a copy of 2021-10-04-b, which is not exported/);
  });

  it('holds the newest FEED_ENTRIES writeups, and links a copy in it to an original past them', () => {
    const older = Array.from({ length: FEED_ENTRIES + 5 }, (_, i) => incident(`2020-01-01-w${i}`, '2020-01-01T00:00Z'));
    const copy = { ...incident('2021-10-04-imported', '2021-10-04T15:39Z'), copyOf: older.at(-1)!.slug };
    const xml = feed([copy, ...older]);
    expect(xml.match(/<entry>/g)).toHaveLength(FEED_ENTRIES);
    expect(xml).toContain(`<id>${copy.url}</id>`);
    expect(xml).not.toContain(`<id>${older.at(-1)!.url}</id>`);
    expect(xml).toContain(`<link rel="related" type="text/html" href="${older.at(-1)!.url}"`);
  });

  it('refuses a time that is not ISO 8601 rather than dating the entry wrongly', () => {
    expect(() => feed([incident('2021-13-x', 'yesterday')])).toThrow(/"yesterday" is not an ISO 8601 time/);
  });
});

describe('openSearchDescription', () => {
  it('lands a query on the search page it is given', () => {
    const xml = openSearchDescription({ shortName: 'Incidents', description: 'Search', searchUrlTemplate: 'https://kb.example.org/kb/search/?q={searchTerms}', iconUrl: 'https://kb.example.org/kb/favicon.svg', selfUrl: 'https://kb.example.org/kb/opensearch.xml' });
    expect(xml).toContain('<Url type="text/html" method="get" template="https://kb.example.org/kb/search/?q={searchTerms}"/>');
    expect(xml).toContain('<moz:SearchForm>https://kb.example.org/kb/search/</moz:SearchForm>');
  });
});
