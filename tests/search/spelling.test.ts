import { describe, expect, it } from 'vitest';
import { allowedEdits, buildLexicon, corrections, editDistance, shardOf } from '../../src/lib/search/spelling';

describe('spelling', () => {
  it('counts a swap of two neighbouring letters as one edit', () => {
    expect(editDistance('kuberentes', 'kubernetes', 2)).toBe(1);
    expect(editDistance('timout', 'timeout', 2)).toBe(1);
    expect(editDistance('replicaton', 'replication', 2)).toBe(1);
    expect(editDistance('certficate', 'certificate', 2)).toBe(1);
    expect(editDistance('abc', 'abc', 0)).toBe(0);
  });

  it('gives up past the limit', () => {
    expect(editDistance('database', 'kubernetes', 2)).toBe(3);
    expect(editDistance('dns', 'kubernetes', 2)).toBe(3);
  });

  it('allows one edit in a short word and two from eight letters on', () => {
    expect(allowedEdits('tiemout')).toBe(1);
    expect(allowedEdits('kuberentes')).toBe(2);
  });

  it('corrects to the closest indexed words, the most used first', () => {
    const shard = { certificate: 40, certificates: 12, certified: 1 };
    expect(corrections('certficate', shard)).toEqual(['certificate', 'certificates']);
    expect(corrections('certficate', shard, 1)).toEqual(['certificate']);
  });

  it('leaves a word alone when nothing is close or the word is indexed', () => {
    expect(corrections('zebra', { certificate: 40 })).toEqual([]);
    expect(corrections('certificate', { certificate: 40, certificates: 3 })).toEqual([]);
  });

  it('corrects only plain words of four letters or more, looked up by first letter', () => {
    expect(shardOf('timout')).toBe('t');
    expect(shardOf('dns')).toBeUndefined();
    expect(shardOf('x509')).toBeUndefined();
  });

  it('builds per-letter shards counting pages, not occurrences', () => {
    const shards = buildLexicon([['timeout', 'timeout', 'database'], ['timeout', 'dns', 'x509']]);
    expect(Object.fromEntries(shards)).toEqual({ t: { timeout: 2 }, d: { database: 1 } });
  });
});
