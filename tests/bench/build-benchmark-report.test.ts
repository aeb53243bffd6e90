import { describe, expect, it } from 'vitest';
import { renderBuildReport, type BuildMeasure, type BuildResults } from '../../bench/support/build-benchmark-report';
import type { OutputSize } from '../../bench/support/output-size';

const measure = (seconds: number, peakRssBytes: number): BuildMeasure => ({
  seconds,
  peakRssBytes,
  peakWhile: 'generating static routes',
  phases: [{ name: 'render pages', seconds: seconds / 2 }, { name: 'similar incidents', seconds: 1, within: 'render pages' }],
});
const sizes = (diskBytes: number): Map<string, OutputSize> => new Map([
  ['incident pages', { files: 1000, bytes: diskBytes / 2, diskBytes }],
  ['total', { files: 1010, bytes: diskBytes / 2, diskBytes }],
]);
const results = (overrides: Partial<BuildResults> = {}): BuildResults => ({
  count: 1000,
  boundsName: 'budget',
  site: [measure(110, 1.0e9)],
  floor: [measure(100, 1.0e9)],
  siteSize: sizes(150e6),
  floorSize: sizes(100e6),
  ...overrides,
});

describe('renderBuildReport', () => {
  it('holds when every ratio to the floor is within the budget', () => {
    const { markdown, over } = renderBuildReport(results());
    expect(over).toBe(false);
    expect(markdown).toContain('| wall time | 110 s | 100 s | 1.10× | 1.2× | holds |');
    expect(markdown).not.toContain('**over**');
  });

  it('is over when one measure passes its bound, and holds the same figures to the CI bounds', () => {
    const heavy = results({ site: [measure(110, 1.3e9)] });
    expect(renderBuildReport(heavy).over).toBe(true);
    expect(renderBuildReport(heavy).markdown).toContain('| peak memory | 1300 MB | 1000 MB | 1.30× | 1× | **over** |');
    const ci = renderBuildReport({ ...heavy, boundsName: 'ci' });
    expect(ci.over).toBe(false);
    expect(ci.markdown).toContain('`npm run bench:build -- --writeups 1000 --runs 1 --bounds ci`');
  });

  it('compares medians of several runs, so one slow build does not decide', () => {
    const { markdown, over } = renderBuildReport(results({ site: [measure(105, 1e9), measure(400, 1e9), measure(110, 1e9)], floor: [measure(100, 1e9), measure(100, 1e9), measure(100, 1e9)] }));
    expect(over).toBe(false);
    expect(markdown).toContain('| wall time | 110 s | 100 s | 1.10× |');
    expect(markdown).toContain('| ↳ similar incidents (within render pages) | 1.0 s | 1.0 s |');
  });

  it('holds the contributor\'s loop to seconds: an edit shown slower than the bound is over', () => {
    const loop = { check: [2, 2.5, 2.2], dev: { readySeconds: 4, firstPageSeconds: 1, editSeconds: [6, 5.5, 7] } };
    const { markdown, over } = renderBuildReport(results({ loop }));
    expect(over).toBe(true);
    expect(markdown).toContain('| `check:content` on one writeup, median | 2.2 s | | | 3 s | holds |');
    expect(markdown).toContain('| an edit shown by `npm run dev`, median | 6.0 s | | | 5 s | **over** |');
  });
});
