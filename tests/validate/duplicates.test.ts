import { describe, expect, it } from 'vitest';
import { findDuplicates, hashWord, normaliseUrl, wordHasher, type DuplicateCandidate } from '../../src/lib/validate/duplicates';
import { tokenize } from '../../src/lib/search/words';

const POOL = 'A nightly batch job ran late and overlapped with morning traffic. It held every pooled connection, so API requests waited until their deadline passed and failed with timeouts.';
const DNS = 'An expired certificate on the internal resolver made every lookup fail; services could not find each other until the certificate was renewed by hand.';

const writeup = (id: string, text: string, more: Partial<DuplicateCandidate> = {}): DuplicateCandidate => ({ id, text, sourceUrls: [], related: [], ...more });

describe('normaliseUrl', () => {
  it.each([
    ['https://www.Example.com/post/', 'example.com/post'],
    ['http://example.com/post?utm_source=x&utm_medium=y', 'example.com/post'],
    ['https://example.com/post?b=2&a=1&fbclid=z', 'example.com/post?a=1&b=2'],
    ['https://example.com:8443/post#', 'example.com:8443/post'],
  ])('reads %j as %j', (url, expected) => {
    expect(normaliseUrl(url)).toBe(expected);
  });

  it('keeps the fragment, which names one entry of a log page', () => {
    expect(normaliseUrl('https://status.example.com/log#2025-01-14')).not.toBe(normaliseUrl('https://status.example.com/log#2025-01-15'));
  });

  it('gives nothing for text that is not a URL', () => {
    expect(normaliseUrl('not a url')).toBeUndefined();
  });
});

describe('findDuplicates', () => {
  it('finds two writeups that cite the same page under different spellings, with the index of each citation', () => {
    const found = findDuplicates([
      writeup('a', POOL, { sourceUrls: ['https://example.com/other', 'https://blog.example.com/outage/'] }),
      writeup('b', DNS, { sourceUrls: ['http://www.blog.example.com/outage?utm_campaign=digest'] }),
    ]);
    expect(found).toEqual([{ a: 0, b: 1, reason: { kind: 'source', url: 'http://www.blog.example.com/outage?utm_campaign=digest', index: 1, otherIndex: 0 } }]);
  });

  it('finds a writeup whose text is mostly another one, even with a new title and a sentence added', () => {
    // The shorter writeup has 28 word triples; all but the 2 around its new title are in the other.
    const found = findDuplicates([writeup('a', `Pool exhausted. ${POOL}`), writeup('b', DNS), writeup('c', `Batch job blocks the API. ${POOL} Nobody was paged.`)]);
    expect(found).toEqual([{ a: 0, b: 2, reason: { kind: 'text', overlap: expect.closeTo(26 / 28, 5) } }]);
  });

  it('finds nothing between writeups of different incidents', () => {
    expect(findDuplicates([writeup('a', POOL, { sourceUrls: ['https://example.com/a'] }), writeup('b', DNS, { sourceUrls: ['https://example.com/b'] })])).toEqual([]);
  });

  it('leaves alone two writeups that list each other as related, such as two incidents from one weekly log', () => {
    const log = ['https://status.example.com/weekly/2025-01-18/'];
    expect(findDuplicates([writeup('a', POOL, { sourceUrls: log, related: ['b'] }), writeup('b', DNS, { sourceUrls: log })])).toEqual([]);
  });

  it('does not judge writeups too short to compare', () => {
    expect(findDuplicates([writeup('a', 'Pool exhausted at peak.'), writeup('b', 'Pool exhausted at peak.')])).toEqual([]);
  });

  it('ignores phrasing that many writeups share', () => {
    const boilerplate = 'Summary Impact Timeline Contributing factors Detection Resolution Lessons Follow-ups';
    const many = Array.from({ length: 25 }, (_, i) => writeup(`w${i}`, `${boilerplate} incident number ${i} had its own distinct story ${i * 7}`));
    expect(findDuplicates(many)).toEqual([]);
  });
});

describe('findDuplicates with a focus', () => {
  const OUTAGE = 'The regional load balancer dropped half of its backends after a health check change, and checkout failed for an hour.';
  const boilerplate = 'Summary Impact Timeline Contributing factors Detection Resolution Lessons Follow-ups and the usual review';
  const shared = 'https://status.example.com/weekly/2025-01-18/';
  // Phrasing common to more than 20 writeups, a copied paragraph, a source cited three times, and
  // a pair that knows it is distinct: each rule needs the whole collection, not only the focus.
  const collection = [
    ...Array.from({ length: 24 }, (_, i) => writeup(`w${i}`, `${boilerplate} incident number ${i} had its own distinct story ${i * 7}`)),
    writeup('copy-a', `Pool exhausted. ${POOL}`),
    writeup('copy-b', `Batch job blocks the API. ${POOL} Nobody was paged.`),
    writeup('copy-c', `${boilerplate} ${POOL}`),
    writeup('cites-1', DNS, { sourceUrls: ['https://example.com/x', shared] }),
    writeup('cites-2', OUTAGE, { sourceUrls: [`${shared}?utm_source=feed`] }),
    writeup('cites-3', `${OUTAGE} Again.`, { sourceUrls: [shared, 'https://example.com/x'], related: ['cites-2'] }),
  ];

  it('finds for each writeup exactly the pairs a search of every pair finds with it', () => {
    const every = findDuplicates(collection);
    expect(every.length).toBeGreaterThan(3);
    collection.forEach((_, index) => {
      expect(findDuplicates(collection, (i) => i === index)).toEqual(every.filter(({ a, b }) => a === index || b === index));
    });
    const some = new Set([0, 25, 28]);
    expect(findDuplicates(collection, (i) => some.has(i))).toEqual(every.filter(({ a, b }) => some.has(a) || some.has(b)));
  });

  it('finds nothing when no candidate is in focus', () => {
    expect(findDuplicates(collection, () => false)).toEqual([]);
  });
});

describe('wordHasher', () => {
  // It tokenizes each space-separated chunk once; that is only right if tokenize splits there anyway.
  it.each([
    ['camelCase across a space and within a chunk', 'ThreadLimit Reached threadLimitReached a B aB'],
    ['final sigma at the end of a chunk and of the text', 'ΟΔΟΣ ΟΔΟΣ.Α ΣΑΣ\nΣ'],
    ['combining marks after a space, and compatibility forms', 'cafe\u0301 \u0301x ﬁle ｄａｔａ Kelvin \u212a'],
    ['underscores, digits and punctuation', 'pg_dump x509 ECONNREFUSED, 503. (see) -- — "quoted"'],
    ['runs of spaces and line breaks, other white space kept', '  lead  \n\n tab\there nbsp\u00a0here\r\nend  '],
  ])('gives the words tokenize gives: %s', (_, text) => {
    expect(wordHasher()(text)).toEqual(tokenize(text).map(hashWord));
  });
});
