import { describe, expect, it } from 'vitest';
import { MAX_TYPED_WORDS, shapeQuery, SYNONYMS, type QueryTerm } from '../../src/lib/search/query';
import { isStopWord, tokenize } from '../../src/lib/search/words';

const texts = (terms: readonly QueryTerm[]) => terms.map((t) => t.text);
const term = (terms: readonly QueryTerm[], text: string) => terms.find((t) => t.text === text);

describe('tokenize', () => {
  it('lowercases words and splits on spaces and punctuation', () => {
    expect(tokenize('Writes to the primary time out, pool exhausted; (503s)!')).toEqual([
      'writes', 'to', 'the', 'primary', 'time', 'out', 'pool', 'exhausted', '503s',
    ]);
  });

  it('splits camelCase identifiers into the words writeups use', () => {
    expect(tokenize('ThreadLimitReached')).toEqual(['thread', 'limit', 'reached']);
    expect(tokenize('connectionPoolTimeout')).toEqual(['connection', 'pool', 'timeout']);
  });

  it('splits snake_case identifiers', () => {
    expect(tokenize('pg_dump failed')).toEqual(['pg', 'dump', 'failed']);
    expect(tokenize('__max_connections__')).toEqual(['max', 'connections']);
  });

  it('keeps pasted error tokens such as status codes, x509 and all-caps errno names whole', () => {
    expect(tokenize('HTTP 503 x509: certificate ECONNREFUSED')).toEqual(['http', '503', 'x509', 'certificate', 'econnrefused']);
  });

  it('strips accents so "café" finds "cafe"', () => {
    expect(tokenize('Café résumé Ärger')).toEqual(['cafe', 'resume', 'arger']);
  });

  it('splits hyphenated, dotted and slashed words', () => {
    expect(tokenize('split-brain api.example.com/v1')).toEqual(['split', 'brain', 'api', 'example', 'com', 'v1']);
  });

  it('returns nothing for empty or punctuation-only text', () => {
    expect(tokenize('')).toEqual([]);
    expect(tokenize(' ,;:!? -- ')).toEqual([]);
  });
});

describe('isStopWord', () => {
  it('knows common function words and responder filler, but not symptom words', () => {
    for (const word of ['the', 'is', 'to', 'seeing', 'suddenly']) expect(isStopWord(word)).toBe(true);
    for (const word of ['timeout', 'pool', '503', 'dns']) expect(isStopWord(word)).toBe(false);
  });
});

describe('shapeQuery', () => {
  it('drops stop words and keeps the meaningful typed words at full weight, in order', () => {
    const { terms } = shapeQuery('writes to the primary time out, pool exhausted');
    const typed = terms.filter((t) => t.weight === 1);
    expect(texts(typed)).toEqual(['writes', 'primary', 'time', 'pool', 'exhausted']);
    for (const t of typed) expect(t.source).toBe(t.text);
    expect(texts(terms)).not.toContain('the');
    expect(texts(terms)).not.toContain('to');
    expect(texts(terms)).not.toContain('out');
  });

  it('drops single letters and counts, but keeps status and error codes', () => {
    expect(texts(shapeQuery('x 5 errors').terms)).toEqual(['errors']);
    expect(texts(shapeQuery('503s from the lb, mysql 1062').terms.filter((t) => t.weight === 1))).toEqual(['503s', 'lb', 'mysql', '1062']);
  });

  it('looks up at most a fixed number of typed words however much was pasted', () => {
    const paste = Array.from({ length: 200 }, (_, i) => `2024-03-01T12:00:${String(i % 60).padStart(2, '0')}Z worker-${i} handled job${i} queue${i % 37} shard${i % 41}`).join('\n');
    expect(shapeQuery(paste).terms.filter((t) => t.weight === 1).length).toBeLessThanOrEqual(MAX_TYPED_WORDS);
  });

  it('still yields terms for a query made only of stop words', () => {
    const { terms } = shapeQuery('what is down');
    expect(texts(terms.filter((t) => t.weight === 1))).toEqual(['what', 'is', 'down']);
    expect(term(terms, 'outage')).toEqual({ text: 'outage', weight: 0.5, source: 'down' });
  });

  it('adds synonyms at half weight, tagged with the typed word they came from', () => {
    const { terms } = shapeQuery('k8s db');
    expect(term(terms, 'k8s')).toEqual({ text: 'k8s', weight: 1, source: 'k8s' });
    expect(term(terms, 'kubernetes')).toEqual({ text: 'kubernetes', weight: 0.5, source: 'k8s' });
    expect(term(terms, 'database')).toEqual({ text: 'database', weight: 0.5, source: 'db' });
  });

  it('tokenizes multi-word synonyms into separate terms', () => {
    const { terms } = shapeQuery('lb');
    expect(terms).toEqual([
      { text: 'lb', weight: 1, source: 'lb' },
      { text: 'load', weight: 0.5, source: 'lb' },
      { text: 'balancer', weight: 0.5, source: 'lb' },
    ]);
  });

  it('never lists a term twice: a typed word is not re-added as another word\'s synonym', () => {
    const { terms } = shapeQuery('pg postgres postgres timeout timeouts');
    const all = texts(terms);
    expect(new Set(all).size).toBe(all.length);
    // "postgres" was typed, so it keeps full weight even though it is also a synonym of "pg".
    expect(term(terms, 'postgres')).toEqual({ text: 'postgres', weight: 1, source: 'postgres' });
    expect(term(terms, 'timeout')).toEqual({ text: 'timeout', weight: 1, source: 'timeout' });
    // The first typed word that expands to a term owns it.
    expect(term(terms, 'postgresql')).toEqual({ text: 'postgresql', weight: 0.5, source: 'pg' });
  });

  it('uses a caller-supplied synonym table instead of the built-in one', () => {
    const { terms } = shapeQuery('k8s pods', { pods: ['containers'] });
    expect(terms).toEqual([
      { text: 'k8s', weight: 1, source: 'k8s' },
      { text: 'pods', weight: 1, source: 'pods' },
      { text: 'containers', weight: 0.5, source: 'pods' },
    ]);
  });

  it('has a synonym table whose entries are lowercase and never list the word itself', () => {
    for (const [word, expansions] of Object.entries(SYNONYMS)) {
      expect(word).toBe(word.toLowerCase());
      expect(expansions).not.toContain(word);
    }
  });

  it('forms phrases only from adjacent pairs of non-stop words', () => {
    expect(shapeQuery('connection pool exhausted').phrases).toEqual(['connection pool', 'pool exhausted']);
    // "primary" and "pool" are both content words but not adjacent in what was typed.
    expect(shapeQuery('writes to the primary time out, pool exhausted').phrases).toEqual([
      'primary time',
      'pool exhausted',
    ]);
  });

  it('forms no phrase across a stop word', () => {
    expect(shapeQuery('pool is exhausted').phrases).toEqual([]);
    expect(shapeQuery('timeout').phrases).toEqual([]);
  });

  it('lists each phrase once', () => {
    expect(shapeQuery('pool exhausted, pool exhausted').phrases).toEqual(['pool exhausted', 'exhausted pool']);
  });

  it('forms phrases from split identifiers', () => {
    expect(shapeQuery('ThreadLimitReached').phrases).toEqual(['thread limit', 'limit reached']);
  });

  it('returns no terms and no phrases for an empty query', () => {
    expect(shapeQuery('   ')).toEqual({ terms: [], phrases: [] });
  });
});
