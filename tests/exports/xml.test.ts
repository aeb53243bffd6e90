import { describe, expect, it } from 'vitest';
import { atomFeed } from '../../src/lib/exports/atom';
import type { ExportedIncident } from '../../src/lib/exports/incident-record';
import { openSearchDescription } from '../../src/lib/exports/opensearch';
import { xmlText } from '../../src/lib/exports/xml';

const incident = (slug: string, started: string | undefined, title = 'Title'): ExportedIncident => ({
  slug,
  url: `https://kb.example.org/kb/incidents/${slug}/`,
  title,
  summary: 'Summary.',
  started: started ? { text: started, precision: started.length > 10 ? 'minute' : 'month', iso: started } : { text: 'unknown', precision: 'unknown' },
  duration: { kind: 'unknown', text: 'unknown' },
  impact: 'major',
  patterns: [{ id: 'retry-storm', title: 'Retry storm' }],
  services: [],
  signals: [],
  sources: [],
  related: [],
});

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
});

describe('openSearchDescription', () => {
  it('lands a query on the search page it is given', () => {
    const xml = openSearchDescription({ shortName: 'Incidents', description: 'Search', searchUrlTemplate: 'https://kb.example.org/kb/search/?q={searchTerms}', iconUrl: 'https://kb.example.org/kb/favicon.svg', selfUrl: 'https://kb.example.org/kb/opensearch.xml' });
    expect(xml).toContain('<Url type="text/html" method="get" template="https://kb.example.org/kb/search/?q={searchTerms}"/>');
    expect(xml).toContain('<moz:SearchForm>https://kb.example.org/kb/search/</moz:SearchForm>');
  });
});
