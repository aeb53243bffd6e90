import { describe, expect, it } from 'vitest';
import { buildPhases, FLOOR_PHASES, SITE_PHASES, unaccounted } from '../../bench/support/build-phases';
import { floorOutputKind, siteOutputKind } from '../../bench/support/output-size';

const at = (atMs: number, text: string) => ({ atMs, text });

/** Lines as `astro build` of this site writes them, with the times they arrived. */
const SITE_LOG = [
  at(900, '04:15:01 [incident-kb:validate-content] checked 10034 files in 5400 ms'),
  at(1000, '04:15:02 [content] Syncing content'),
  at(3000, '04:15:04 [content] Synced content'),
  at(3100, '04:15:04 [build] Building static entrypoints...'),
  at(41100, '04:15:43 [vite] ✓ built in 38.50s'),
  at(46000, '04:15:48 [build] Rearranging server assets...'),
  at(46100, ' generating static routes '),
  at(47000, '[incident-kb] similar incidents of 10000 writeups in 1800 ms'),
  at(48000, '[incident-kb] calendar of 10000 incidents in 250 ms'),
  at(107100, '04:16:49 ✓ Completed in 1m 1s.'),
  at(108000, '04:16:50 [build] ✓ Completed in 1m 46s.'),
  at(140000, '04:17:23 [incident-kb:pagefind] indexed 10101 incident pages in 32211 ms; facets of 10000 in /search/facets.07ad6cb5b4.json, with the lexicon and hints, in 4100 ms'),
  at(142000, '04:17:27 [incident-kb:offline] offline: first visit stores 15 files, 1.5 MB of 2.0 MB (app, pages); sw.js 5.0 KB; in 1500 ms'),
];

describe('buildPhases', () => {
  it('reads Astro\'s phases from the lines that open and close them, and ours from the milliseconds logged', () => {
    expect(buildPhases(SITE_LOG, SITE_PHASES)).toEqual([
      { name: 'content validation', seconds: 5.4 },
      { name: 'content sync', seconds: 2 },
      { name: 'bundle (Vite)', seconds: 42.9 },
      { name: 'render pages', seconds: 61 },
      { name: 'similar incidents', seconds: 1.8, within: 'render pages' },
      { name: 'calendar', seconds: 0.25, within: 'render pages' },
      { name: 'search index', seconds: 32.211 },
      { name: 'search extras (facets, lexicon, hints)', seconds: 4.1 },
      { name: 'offline manifest', seconds: 1.5 },
    ]);
  });

  it('closes a phase with the first closing line after it opened, not an earlier one', () => {
    const lines = [at(0, '✓ Completed in 1s.'), at(10, 'generating static routes'), at(30, '✓ Completed in 1s.')];
    expect(buildPhases(lines, [{ name: 'render', from: /generating static routes/, to: /✓ Completed in/ }])).toEqual([{ name: 'render', seconds: 0.02 }]);
  });

  it('fails when a phase\'s lines are missing, so a changed log never reads as a free phase', () => {
    expect(() => buildPhases(SITE_LOG.filter((line) => !line.text.includes('pagefind')), SITE_PHASES)).toThrow(/search index/);
    expect(() => buildPhases(SITE_LOG.slice(0, 3), FLOOR_PHASES)).toThrow(/bundle/);
  });

  it('leaves to "unaccounted" the wall time outside the top-level phases, not counting phases nested in others twice', () => {
    const phases = buildPhases(SITE_LOG, SITE_PHASES);
    expect(unaccounted(phases, 150)).toBeCloseTo(150 - (5.4 + 2 + 42.9 + 61 + 32.211 + 4.1 + 1.5));
  });
});

describe('output kinds', () => {
  it('tells incident pages and their folders from the lists, the index and the exports', () => {
    expect(siteOutputKind('incidents/2024-01-02-dns-outage/')).toBe('incident pages');
    expect(siteOutputKind('incidents/2024-01-02-dns-outage/index.html')).toBe('incident pages');
    expect(siteOutputKind('incidents/index.html')).toBe('incident lists');
    expect(siteOutputKind('incidents/3/index.html')).toBe('incident lists');
    expect(siteOutputKind('patterns/retry-storm/index.html')).toBe('pattern pages');
    expect(siteOutputKind('pagefind/fragment/en_1.pf_fragment')).toBe('search index (Pagefind)');
    expect(siteOutputKind('search/index.html')).toBe('home, search, offline and 404 pages');
    expect(siteOutputKind('search/facets.0a1b.json')).toBe('search extras (facets, lexicon)');
    expect(siteOutputKind('feed.xml')).toBe('feeds and exports');
    expect(siteOutputKind('offline/manifest.abc.json')).toBe('offline (worker, manifest)');
    expect(siteOutputKind('offline/index.html')).toBe('home, search, offline and 404 pages');
    expect(siteOutputKind('search-client.js')).toBe('scripts and styles');
    expect(siteOutputKind('index.html')).toBe('home, search, offline and 404 pages');
  });

  it('counts the floor\'s pages at the root as incident pages', () => {
    expect(floorOutputKind('2024-01-02-dns-outage/index.html')).toBe('incident pages');
    expect(floorOutputKind('pagefind/pagefind.js')).toBe('search index (Pagefind)');
  });
});
