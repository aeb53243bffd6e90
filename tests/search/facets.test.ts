import { describe, expect, it } from 'vitest';
import { countFacets, matchesFilters } from '../../src/lib/search/facets';
import type { SearchFacet } from '../../src/lib/search/index-record';
import { emptyFilters } from '../../src/lib/search/url-state';

type Values = Partial<Record<SearchFacet, string[]>>;
const values = (v: Values): Record<SearchFacet, string[]> => ({ ...emptyFilters(), ...v });
const filters = (v: Values) => values(v);

const membership = new Map([
  ['a', values({ pattern: ['retry-storm', 'dns-failure'], service: ['postgres'], impact: ['major'], year: ['2021'] })],
  ['b', values({ pattern: ['dns-failure'], impact: ['minor'], year: ['2020'], organization: ['Example Corp'] })],
  ['c', values({ pattern: ['deadlock'], service: ['postgres', 'redis'], impact: ['major'], year: ['unknown'] })],
]);

describe('matchesFilters', () => {
  it('lets every page through when no filter is set, even one without facet data', () => {
    for (const id of ['a', 'b', 'c', 'not-indexed']) expect(matchesFilters(id, membership, emptyFilters())).toBe(true);
  });

  it('combines values of one facet with OR', () => {
    const wanted = filters({ pattern: ['retry-storm', 'deadlock'] });
    expect(matchesFilters('a', membership, wanted)).toBe(true);
    expect(matchesFilters('b', membership, wanted)).toBe(false);
    expect(matchesFilters('c', membership, wanted)).toBe(true);
  });

  it('combines different facets with AND', () => {
    const wanted = filters({ pattern: ['dns-failure'], year: ['2021'] });
    expect(matchesFilters('a', membership, wanted)).toBe(true);
    expect(matchesFilters('b', membership, wanted)).toBe(false); // dns-failure, but 2020
    expect(matchesFilters('c', membership, wanted)).toBe(false);
  });

  it('combines OR within and AND across at once', () => {
    const wanted = filters({ service: ['postgres', 'redis'], impact: ['major'], year: ['2021', 'unknown'] });
    expect(['a', 'b', 'c'].filter((id) => matchesFilters(id, membership, wanted))).toEqual(['a', 'c']);
  });

  it('excludes a page it has no facet data for once any filter is set', () => {
    expect(matchesFilters('not-indexed', membership, filters({ impact: ['major'] }))).toBe(false);
  });

  it('excludes a page that has no value at all for a filtered facet', () => {
    expect(matchesFilters('a', membership, filters({ organization: ['Example Corp'] }))).toBe(false);
  });
});

describe('countFacets', () => {
  it('counts, for each facet, how many of the given pages have each value', () => {
    const counts = countFacets(['a', 'b', 'c'], membership);
    expect(Object.fromEntries(counts.pattern)).toEqual({ 'retry-storm': 1, 'dns-failure': 2, deadlock: 1 });
    expect(Object.fromEntries(counts.service)).toEqual({ postgres: 2, redis: 1 });
    expect(Object.fromEntries(counts.impact)).toEqual({ major: 2, minor: 1 });
    expect(Object.fromEntries(counts.year)).toEqual({ '2021': 1, '2020': 1, unknown: 1 });
    expect(Object.fromEntries(counts.organization)).toEqual({ 'Example Corp': 1 });
  });

  it('counts only the pages given, skipping ones without facet data', () => {
    const counts = countFacets(new Set(['b', 'missing']), membership);
    expect(Object.fromEntries(counts.pattern)).toEqual({ 'dns-failure': 1 });
    expect(counts.service.size).toBe(0);
  });

  it('gives an empty map for every facet when there are no pages', () => {
    const counts = countFacets([], membership);
    expect(Object.keys(counts).sort()).toEqual(['impact', 'organization', 'pattern', 'service', 'year']);
    for (const map of Object.values(counts)) expect(map.size).toBe(0);
  });
});
