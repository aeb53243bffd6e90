import { describe, expect, it } from 'vitest';
import { didYouMean, editDistance, nearest } from '../../src/lib/validate/nearest';

describe('editDistance', () => {
  it('counts insertions, deletions and substitutions', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('retry-strom', 'retry-storm')).toBe(2);
    expect(editDistance('sumary', 'summary')).toBe(1);
  });

  it('is zero for equal words and the length of the other word against the empty string', () => {
    expect(editDistance('same', 'same')).toBe(0);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('abc', '')).toBe(3);
    expect(editDistance('', '')).toBe(0);
  });

  it('is symmetric', () => {
    expect(editDistance('deploy', 'depoly')).toBe(editDistance('depoly', 'deploy'));
  });
});

describe('nearest', () => {
  const patterns = ['retry-storm', 'cascading-failure', 'dns-failure', 'deadlock'];

  it('finds a close misspelling', () => {
    expect(nearest('retry-strom', patterns)).toBe('retry-storm');
    expect(nearest('deadlok', patterns)).toBe('deadlock');
  });

  it('ignores case when comparing but returns the candidate as written', () => {
    expect(nearest('RETRY-STORM', patterns)).toBe('retry-storm');
    expect(nearest('sumary', ['Summary'])).toBe('Summary');
  });

  it('allows at least two edits even for short words', () => {
    expect(nearest('ab', ['abcd'])).toBe('abcd');
    expect(nearest('ab', ['abcde'])).toBeUndefined();
  });

  it('allows a third of the word length in edits for long words', () => {
    // 12 letters: up to 4 edits.
    expect(nearest('abcdefghijkl', ['WXYZefghijkl'])).toBe('WXYZefghijkl');
    expect(nearest('abcdefghijkl', ['VWXYZfghijkl'])).toBeUndefined();
  });

  it('suggests a candidate that contains the word', () => {
    expect(nearest('retry', patterns)).toBe('retry-storm');
    expect(nearest('cascading', patterns)).toBe('cascading-failure');
  });

  it('suggests a candidate the word contains', () => {
    expect(nearest('deadlock-in-the-database', patterns)).toBe('deadlock');
  });

  it('does not use containment for words shorter than four letters', () => {
    expect(nearest('dns', ['dns-failure-mode'])).toBeUndefined();
  });

  it('prefers the first of equally close candidates', () => {
    expect(nearest('cat', ['bat', 'hat'])).toBe('bat');
  });

  it('returns undefined when nothing is close or there are no candidates', () => {
    expect(nearest('kubernetes', patterns)).toBeUndefined();
    expect(nearest('retry-storm', [])).toBeUndefined();
  });

  it('accepts any iterable of candidates', () => {
    expect(nearest('retry-strom', new Set(patterns))).toBe('retry-storm');
  });
});

describe('didYouMean', () => {
  it('phrases the suggestion as a question', () => {
    expect(didYouMean('retry-strom', ['retry-storm'])).toBe('did you mean "retry-storm"?');
  });

  it('returns undefined when there is nothing to suggest', () => {
    expect(didYouMean('kubernetes', ['retry-storm'])).toBeUndefined();
  });
});
