import { describe, expect, it } from 'vitest';
import { sentences } from '../src/lib/sentences';

describe('sentences', () => {
  it('splits after a full stop, exclamation or question mark before a new sentence', () => {
    expect(sentences('One thing. Then another! Was it DNS? 3 hosts failed. "Why?" (Nobody knew.)')).toEqual([
      'One thing.', 'Then another!', 'Was it DNS?', '3 hosts failed.', '"Why?" (Nobody knew.)',
    ]);
  });

  it('does not split after a closing quote or parenthesis, even after a sentence end', () => {
    expect(sentences('He said "stop." Then it stopped (mostly.) Then it resumed.')).toEqual([
      'He said "stop." Then it stopped (mostly.) Then it resumed.',
    ]);
  });

  it('keeps an abbreviation followed by a lowercase word in its sentence', () => {
    expect(sentences('Pools, e.g. pgbouncer, filled up. Reads were fine, i.e. degraded.')).toEqual([
      'Pools, e.g. pgbouncer, filled up.', 'Reads were fine, i.e. degraded.',
    ]);
  });

  it('splits after an abbreviation followed by a capital, which it cannot tell from a sentence end', () => {
    expect(sentences('Traffic from the U.S. East region stopped.')).toEqual(['Traffic from the U.S.', 'East region stopped.']);
  });

  it('keeps decimals, versions and URLs whole, as their dots have no space after them', () => {
    expect(sentences('Version 2.1.3 dropped 99.9% of writes to https://api.example.com/v1. It was rolled back.')).toEqual([
      'Version 2.1.3 dropped 99.9% of writes to https://api.example.com/v1.', 'It was rolled back.',
    ]);
  });

  it('collapses white space and finds no sentence in blank text', () => {
    expect(sentences('  A  one.\n\nB two.  ')).toEqual(['A one.', 'B two.']);
    expect(sentences(' \n ')).toEqual([]);
  });

  it('keeps text without a sentence end as one sentence', () => {
    expect(sentences('no full stop here')).toEqual(['no full stop here']);
  });
});
