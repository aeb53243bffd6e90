import { describe, expect, it } from 'vitest';
import { patternMatcher, stem, type PatternClues } from '../../src/lib/search/likely-pattern';

const patterns: PatternClues[] = [
  {
    id: 'retry-storm',
    title: 'Retry storm',
    aliases: ['thundering herd', 'reconnect storm'],
    signals: ['connection attempts per second far above normal', 'load stays high after the trigger is removed'],
    mitigations: ['exponential backoff with jitter', 'retry budgets'],
  },
  {
    id: 'certificate-expiry',
    title: 'Certificate expiry',
    aliases: ['expired certificate', 'TLS handshake failure'],
    signals: ['internal calls fail with x509 errors', 'failures start at one exact timestamp on older clients'],
    mitigations: ['automate renewal'],
  },
  { id: 'split-brain', title: 'Split brain', aliases: [], signals: ['two nodes both accept writes as primary'], mitigations: ['fencing'] },
  { id: 'unclassified', title: 'Unclassified', aliases: [], signals: [], mitigations: [] },
];
const match = patternMatcher(patterns);

describe('the likely pattern', () => {
  it('names the pattern whose name or alias the query uses, with its mitigations', () => {
    expect(match('thundering herd after the failover')).toMatchObject({ id: 'retry-storm', namedAs: 'thundering herd', strength: 1, mitigations: ['exponential backoff with jitter', 'retry budgets'] });
    expect(match('x509: certificate has expired')).toMatchObject({ id: 'certificate-expiry', namedAs: 'Certificate expiry' });
  });

  it('matches a signal from most of its telling words, in other forms and order, and says which', () => {
    const found = match('normal? no: connection attempts far above it, thousands per second');
    expect(found?.id).toBe('retry-storm');
    expect(found?.matchedSignals).toEqual(['connection attempts per second far above normal']);
    expect(found?.strength).toBeGreaterThanOrEqual(0.6);
  });

  it('finds a signal inside a pasted log', () => {
    const log = '2024-03-01T12:00:01Z svc-a ERROR call to billing failed: x509: certificate signed by unknown authority\n2024-03-01T12:00:02Z svc-b ERROR internal call failed (x509)';
    expect(match(log)?.id).toBe('certificate-expiry');
  });

  it('stays quiet when only a word or two of a signal is shared', () => {
    expect(match('writes to the primary time out')).toBeUndefined();
    expect(match('load is high')).toBeUndefined();
    expect(match('')).toBeUndefined();
  });

  it('does not name a pattern by an alias made mostly of common words', () => {
    const gray = { id: 'gray-failure', title: 'Gray failure', aliases: ['looks healthy but is not'], signals: [], mitigations: ['probe from the client side'] };
    const matchGray = patternMatcher([gray]);
    expect(matchGray('INFO GET /v1/health 200 1ms')).toBeUndefined();
    expect(matchGray('a gray failure, probably')?.id).toBe('gray-failure');
  });

  it('never suggests a pattern that has nothing to try', () => {
    expect(match('unclassified')).toBeUndefined();
  });

  it('prefers the pattern named in more words', () => {
    expect(match('split brain: two nodes both accept writes as primary')).toMatchObject({ id: 'split-brain', namedAs: 'Split brain', matchedSignals: ['two nodes both accept writes as primary'] });
  });

  it('stems word forms together so expired, expiry and expiration meet', () => {
    expect(new Set(['expired', 'expiry', 'expiration', 'expires'].map(stem)).size).toBe(1);
    expect(stem('failures')).toBe(stem('fail'));
    expect(stem('dns')).toBe('dns');
  });
});
