import { describe, expect, it } from 'vitest';
import { findDuplicates, normaliseUrl, type DuplicateCandidate } from '../../src/lib/validate/duplicates';

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
