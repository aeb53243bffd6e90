import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { FALLBACK_PATTERN, matchPatterns, PATTERN_RULES } from '../../src/commands/import/pattern-rules';
import { entryId } from '../../src/lib/validate/content';
import { readSourceFiles } from '../../src/node/read-content';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const record = (fields: Partial<Parameters<typeof matchPatterns>[0]>) => ({ title: '', summary: '', keywords: [], categories: [], ...fields });

describe('matchPatterns', () => {
  it('maps each failure category of the corpus onto its pattern', () => {
    const expected: Record<string, string> = {
      'config-change': 'bad-config-change',
      automation: 'automation-gone-wrong',
      'cascading-failure': 'cascading-failure',
      hardware: 'hardware-failure',
      security: 'security-breach',
      time: 'time-and-leap-second-bugs',
    };
    for (const [category, pattern] of Object.entries(expected)) {
      expect(matchPatterns(record({ categories: [category] }))).toEqual([pattern]);
    }
  });

  it('reads categories case-insensitively', () => {
    expect(matchPatterns(record({ categories: ['Config-Change'] }))).toEqual(['bad-config-change']);
  });

  it('maps domain-only categories to nothing, so such a record falls back to unclassified', () => {
    expect(matchPatterns(record({ categories: ['cloud', 'undescriptive'] }))).toEqual([FALLBACK_PATTERN]);
    expect(FALLBACK_PATTERN).toBe('unclassified');
  });

  it('gives unclassified to a record nothing matches', () => {
    expect(matchPatterns(record({ title: 'Something went wrong', summary: 'We are sorry.' }))).toEqual(['unclassified']);
  });

  it('matches phrases in the title, the summary and the keywords', () => {
    expect(matchPatterns(record({ title: 'Expired TLS certificate took down the API' }))).toEqual(['certificate-expiry']);
    expect(matchPatterns(record({ summary: 'A split-brain left two primaries.' }))).toEqual(['split-brain']);
    expect(matchPatterns(record({ keywords: ['BGP'] }))).toEqual(['network-configuration-error']);
  });

  it('matches phrases case-insensitively and on word boundaries only', () => {
    expect(matchPatterns(record({ title: 'DNS resolution failed' }))).toEqual(['dns-failure']);
    expect(matchPatterns(record({ title: 'DNSSEC signatures rotated' }))).toEqual(['unclassified']);
    expect(matchPatterns(record({ title: 'The redeployed service recovered' }))).toEqual(['unclassified']);
  });

  it('recognises a thundering herd as a retry storm', () => {
    expect(matchPatterns(record({ summary: 'Clients reconnected at once: a thundering herd.' }))).toEqual(['retry-storm']);
  });

  it('lists matches in rule order, not the order the words appear', () => {
    const patterns = matchPatterns(record({ title: 'Upgrade caused a deadlock after a misconfiguration' }));
    expect(patterns).toEqual(['bad-config-change', 'deadlock', 'upgrade-gone-wrong']);
    const order = PATTERN_RULES.map((r) => r.pattern);
    expect([...patterns].sort((a, b) => order.indexOf(a) - order.indexOf(b))).toEqual(patterns);
  });

  it('combines category and phrase matches without duplicates', () => {
    expect(matchPatterns(record({ categories: ['hardware'], title: 'Power loss in one data center' }))).toEqual(['hardware-failure']);
  });

  it('returns at most four patterns by default, and at most the limit given', () => {
    const busy = record({
      categories: ['config-change', 'automation', 'cascading-failure', 'hardware', 'security', 'time'],
      title: 'DNS retry storm',
    });
    expect(matchPatterns(busy)).toEqual(['bad-config-change', 'automation-gone-wrong', 'cascading-failure', 'hardware-failure']);
    expect(matchPatterns(busy, 2)).toEqual(['bad-config-change', 'automation-gone-wrong']);
    expect(matchPatterns(busy, 10)).toHaveLength(8);
  });
});

describe('PATTERN_RULES', () => {
  let patternIds: Set<string>;
  beforeAll(async () => {
    patternIds = new Set((await readSourceFiles(ROOT, 'content/patterns')).map((f) => entryId(f.path)));
  });

  it('maps only onto patterns that exist in content/patterns, fallback included', () => {
    for (const rule of PATTERN_RULES) expect(patternIds, rule.pattern).toContain(rule.pattern);
    expect(patternIds).toContain(FALLBACK_PATTERN);
  });

  it('has one rule per pattern', () => {
    const patterns = PATTERN_RULES.map((r) => r.pattern);
    expect(new Set(patterns).size).toBe(patterns.length);
  });
});
