import { describe, expect, it } from 'vitest';
import { decodeMembership, encodeMembership } from '../../src/lib/search/facet-membership';
import { countFacets, matchesFilters } from '../../src/lib/search/facets';
import { emptyFilters } from '../../src/lib/search/url-state';

const pages = [
  { id: 'en_b', filters: { pattern: ['dns-failure'], impact: ['minor'], year: ['2020'], organization: ['Example: Corp'] } },
  { id: 'en_a', filters: { pattern: ['retry-storm', 'dns-failure'], service: ['postgres'], impact: ['major'], year: ['2021'] } },
  { id: 'en_c', filters: { pattern: ['deadlock'], service: ['postgres', 'redis'], impact: ['major'], year: ['unknown'] } },
];

describe('the facet membership file', () => {
  it('gives back each page’s values per facet, whatever the values contain', () => {
    const membership = decodeMembership(encodeMembership(pages));
    expect(membership.get('en_b')).toEqual({ ...emptyFilters(), pattern: ['dns-failure'], impact: ['minor'], year: ['2020'], organization: ['Example: Corp'] });
    expect(membership.get('en_a')?.pattern).toEqual(['retry-storm', 'dns-failure']);
    expect(membership.get('en_c')?.service).toEqual(['postgres', 'redis']);
  });

  it('stores each value once however many pages have it', () => {
    const file = encodeMembership(pages);
    expect(file.values.filter((v) => v === 'impact:major')).toHaveLength(1);
    expect(file.values).toHaveLength(new Set(file.values).size);
  });

  it('leaves out filters that are not search facets', () => {
    const file = encodeMembership([{ id: 'en_x', filters: { pattern: ['deadlock'], internal: ['x'] } }]);
    expect(file.values).toEqual(['pattern:deadlock']);
  });

  it('is the same file for the same pages in any order, so its content hash is stable', () => {
    expect(JSON.stringify(encodeMembership([...pages].reverse()))).toBe(JSON.stringify(encodeMembership(pages)));
  });

  it('feeds filtering and counting', () => {
    const membership = decodeMembership(encodeMembership(pages));
    const kept = ['en_a', 'en_b', 'en_c'].filter((id) => matchesFilters(id, membership, { ...emptyFilters(), pattern: ['dns-failure', 'deadlock'], impact: ['major'] }));
    expect(kept).toEqual(['en_a', 'en_c']);
    expect(Object.fromEntries(countFacets(kept, membership).service)).toEqual({ postgres: 2, redis: 1 });
  });

  it('refuses a file of a version it does not know', () => {
    expect(() => decodeMembership({ ...encodeMembership(pages), version: 2 as 1 })).toThrow(/version 2/);
  });
});
