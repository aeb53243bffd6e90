import { describe, expect, it } from 'vitest';
import { shapeQuery } from '../../src/lib/search/query';
import { commonStems, selectiveFirst } from '../../src/lib/search/selective';

const texts = (q: { terms: { text: string }[] }) => q.terms.map((t) => t.text);

describe('selective words first', () => {
  it('calls a stem common when a fifth of the pages or more use it in any form', () => {
    const pages = [['failed', 'memcached'], ['failure'], ['fails'], ['fine'], ['fine'], ['resolve'], ['outage'], ['outage', 'outages'], ['x'], ['y']];
    // fail: 2 pages ("failure" stems to failur), outag: 2, fine: 2 of 10 pages; memcach, resolv: 1.
    expect(commonStems(pages)).toEqual(['fail', 'fine', 'outag']);
  });

  it('treats every form of a common stem as common, as Pagefind matches them all', () => {
    const { first } = selectiveFirst(shapeQuery('failing memcached'), new Set(['fail']));
    expect(texts(first)).toEqual(['memcached']);
  });

  it('looks up the rare typed words first, the common words, synonyms and phrases after', () => {
    const query = shapeQuery('memcached hit rate dropped during service restart, db');
    const { first, rest } = selectiveFirst(query, new Set(['servic', 'rate', 'restart']));
    expect(texts(first)).toEqual(['memcached', 'hit', 'dropped', 'db']);
    expect(first.phrases).toEqual([]);
    expect(texts(rest)).toEqual(['rate', 'service', 'restart', 'database']);
    expect(rest.phrases).toEqual(query.phrases);
  });

  it('searches a query of only common words in one phase', () => {
    const query = shapeQuery('service outage');
    expect(selectiveFirst(query, new Set(['servic', 'outag', 'down', 'unavail']))).toEqual({ first: query, rest: { terms: [], phrases: [] } });
  });

  it('does not count a synonym as a selective typed word', () => {
    // "db" is common, its synonym "database" is not: the typed words are all common.
    const query = shapeQuery('db');
    expect(selectiveFirst(query, new Set(['db'])).rest.terms).toEqual([]);
  });
});
