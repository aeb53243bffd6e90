import { describe, expect, it } from 'vitest';
import { shapeQuery } from '../../src/lib/search/query';
import { commonWords, selectiveFirst } from '../../src/lib/search/selective';

const texts = (q: { terms: { text: string }[] }) => q.terms.map((t) => t.text);

describe('selective words first', () => {
  it('calls a word common when it is on a fifth of the pages or more', () => {
    expect(commonWords(new Map([['service', 60], ['memcached', 3], ['outage', 20]]), 100)).toEqual(['outage', 'service']);
  });

  it('looks up the rare words first and the common ones after', () => {
    const { first, rest } = selectiveFirst(shapeQuery('memcached hit rate dropped during service restart'), new Set(['service', 'rate', 'restart']));
    expect(texts(first)).toEqual(['memcached', 'hit', 'dropped']);
    expect(texts(rest)).toEqual(['rate', 'service', 'restart']);
  });

  it('keeps a phrase first when one of its words is rare', () => {
    const { first, rest } = selectiveFirst(shapeQuery('hit rate service restart'), new Set(['rate', 'service', 'restart']));
    expect(first.phrases).toEqual(['hit rate']);
    expect(rest.phrases).toEqual(['rate service', 'service restart']);
  });

  it('searches a query of only common words in one phase', () => {
    const query = shapeQuery('service outage');
    expect(selectiveFirst(query, new Set(['service', 'outage', 'down', 'unavailable']))).toEqual({ first: query, rest: { terms: [], phrases: [] } });
  });

  it('does not count an expansion as a selective typed word', () => {
    // "db" is common, its expansion "database" is not: the typed words are all common.
    const query = shapeQuery('db');
    expect(selectiveFirst(query, new Set(['db'])).rest.terms).toEqual([]);
  });
});
