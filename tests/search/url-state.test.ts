import { describe, expect, it } from 'vitest';
import { SEARCH_FACETS } from '../../src/lib/search/index-record';
import { emptyFilters, hasFilters, parseSearchState, serializeSearchState, type SearchState } from '../../src/lib/search/url-state';

const state = (overrides: Partial<Omit<SearchState, 'filters'>> & { filters?: Partial<SearchState['filters']> } = {}): SearchState => ({
  q: '',
  sort: 'relevance',
  ...overrides,
  filters: { ...emptyFilters(), ...overrides.filters },
});

describe('emptyFilters', () => {
  it('has an empty list for every facet', () => {
    expect(emptyFilters()).toEqual({ pattern: [], service: [], impact: [], year: [], organization: [] });
    expect(Object.keys(emptyFilters())).toEqual([...SEARCH_FACETS]);
  });

  it('returns fresh lists each time, so one search cannot change another', () => {
    const a = emptyFilters();
    a.pattern.push('dns-failure');
    expect(emptyFilters().pattern).toEqual([]);
  });
});

describe('parseSearchState', () => {
  it('reads the query, every filter and the sort', () => {
    expect(parseSearchState('?q=pool+exhausted&pattern=retry-storm&service=postgres&impact=major&year=2021&organization=Example%20Corp&sort=date')).toEqual(
      state({
        q: 'pool exhausted',
        sort: 'date',
        filters: { pattern: ['retry-storm'], service: ['postgres'], impact: ['major'], year: ['2021'], organization: ['Example Corp'] },
      }),
    );
  });

  it('reads a query string with or without the leading "?"', () => {
    expect(parseSearchState('q=dns')).toEqual(parseSearchState('?q=dns'));
    expect(parseSearchState('q=dns').q).toBe('dns');
  });

  it('reads repeated parameters as several values of one filter, in order, once each', () => {
    const parsed = parseSearchState('?pattern=retry-storm&pattern=dns-failure&pattern=retry-storm&year=2020&year=2021');
    expect(parsed.filters.pattern).toEqual(['retry-storm', 'dns-failure']);
    expect(parsed.filters.year).toEqual(['2020', '2021']);
  });

  it('ignores empty filter values and unknown parameters', () => {
    const parsed = parseSearchState('?pattern=&service=dns&utm_source=slack&colour=red');
    expect(parsed).toEqual(state({ filters: { service: ['dns'] } }));
  });

  it('falls back to relevance for a missing or unknown sort', () => {
    expect(parseSearchState('?q=x').sort).toBe('relevance');
    expect(parseSearchState('?sort=popularity').sort).toBe('relevance');
    expect(parseSearchState('?sort=DATE').sort).toBe('relevance');
    expect(parseSearchState('?sort=relevance').sort).toBe('relevance');
  });

  it('gives the empty state for an empty string', () => {
    expect(parseSearchState('')).toEqual(state());
  });
});

describe('serializeSearchState', () => {
  it('serializes the empty state to the empty string', () => {
    expect(serializeSearchState(state())).toBe('');
    expect(serializeSearchState(state({ q: '   ' }))).toBe('');
  });

  it('writes a leading "?", the trimmed query, repeated filter parameters, and a non-default sort', () => {
    expect(
      serializeSearchState(state({ q: '  pool exhausted ', sort: 'date', filters: { pattern: ['retry-storm', 'dns-failure'], year: ['2021'] } })),
    ).toBe('?q=pool+exhausted&pattern=retry-storm&pattern=dns-failure&year=2021&sort=date');
  });

  it('leaves out the default sort', () => {
    expect(serializeSearchState(state({ q: 'dns', sort: 'relevance' }))).toBe('?q=dns');
  });

  it('writes filters even without a query', () => {
    expect(serializeSearchState(state({ filters: { impact: ['critical'] } }))).toBe('?impact=critical');
  });

  it('encodes characters that have a meaning in URLs', () => {
    const text = serializeSearchState(state({ q: 'a&b=c #1 100%', filters: { organization: ['AT&T'] } }));
    expect(text).not.toMatch(/[ #]/);
    expect(parseSearchState(text)).toEqual(state({ q: 'a&b=c #1 100%', filters: { organization: ['AT&T'] } }));
  });

  it('round-trips through parseSearchState', () => {
    const original = state({
      q: 'writes time out, 503s',
      sort: 'date',
      filters: { pattern: ['retry-storm', 'resource-exhaustion'], service: ['postgres'], impact: ['major', 'critical'], year: ['unknown'], organization: ['Example Corp'] },
    });
    expect(parseSearchState(serializeSearchState(original))).toEqual(original);
  });

  it('gives a canonical form: parsing and serializing again changes nothing', () => {
    const url = '?q=dns&pattern=dns-failure&year=2019&sort=date';
    expect(serializeSearchState(parseSearchState(url))).toBe(url);
    expect(serializeSearchState(parseSearchState('?sort=date&year=2019&pattern=dns-failure&q=dns'))).toBe(url);
  });
});

describe('hasFilters', () => {
  it('is true when any facet has a value, whatever the query and sort', () => {
    expect(hasFilters(state({ q: 'dns', sort: 'date' }))).toBe(false);
    expect(hasFilters(state({ filters: { organization: ['Example Corp'] } }))).toBe(true);
  });
});
