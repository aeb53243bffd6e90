import { describe, expect, it } from 'vitest';
import { SIMILAR_LIMIT, similarIncidents, type SimilarityInput } from '../src/lib/similar';

const item = (id: string, fields: Partial<Omit<SimilarityInput, 'id'>> = {}): SimilarityInput => ({
  id,
  patterns: [],
  services: [],
  related: [],
  text: '',
  ...fields,
});

const LABELS: Record<string, string> = { 'split-brain': 'Split brain', 'bad-deploy': 'Bad deploy' };
const label = (id: string) => LABELS[id] ?? id;

/** One incident sharing a rare pattern with `target`, four sharing a common one, one sharing nothing. */
const corpus = (targetFields: Partial<SimilarityInput> = {}) => [
  item('target', { patterns: ['split-brain', 'bad-deploy'], ...targetFields }),
  item('common-a', { patterns: ['bad-deploy'] }),
  item('common-b', { patterns: ['bad-deploy'] }),
  item('common-c', { patterns: ['bad-deploy'] }),
  item('common-d', { patterns: ['bad-deploy'] }),
  item('rare', { patterns: ['split-brain'] }),
  item('loner', { patterns: ['deadlock'], services: ['zookeeper'], text: 'Zookeeper session expiry stalled elections' }),
];

const ids = (list: readonly { id: string }[] | undefined) => (list ?? []).map((s) => s.id);

describe('similarIncidents', () => {
  it('ranks an incident sharing a rare pattern above ones sharing a common pattern', () => {
    const similar = similarIncidents(corpus(), label).get('target');
    expect(ids(similar)).toEqual(['rare', 'common-a', 'common-b', 'common-c', 'common-d']);
    expect(similar![0]!.score).toBeGreaterThan(similar![1]!.score);
  });

  it('orders incidents with equal scores by id', () => {
    const similar = similarIncidents(corpus(), label).get('target')!;
    const common = similar.filter((s) => s.id.startsWith('common'));
    expect(new Set(common.map((s) => s.score)).size).toBe(1);
    expect(ids(common)).toEqual(['common-a', 'common-b', 'common-c', 'common-d']);
  });

  it('gives the shared patterns, by their readable label, as the reason', () => {
    const similar = similarIncidents(corpus(), label).get('target')!;
    expect(similar.find((s) => s.id === 'rare')!.reasons).toEqual(['Split brain']);
    expect(similar.find((s) => s.id === 'common-a')!.reasons).toEqual(['Bad deploy']);
  });

  it('uses the pattern id as the label when no label function is given', () => {
    expect(similarIncidents(corpus()).get('target')!.find((s) => s.id === 'rare')!.reasons).toEqual(['split-brain']);
  });

  it('lists shared patterns, then shared services, then a shared trigger', () => {
    const items = [
      item('a', { patterns: ['split-brain'], services: ['postgres', 'consul'], trigger: 'deploy' }),
      item('b', { patterns: ['split-brain'], services: ['consul', 'postgres'], trigger: 'deploy' }),
      item('c', { patterns: ['other'] }),
    ];
    const [b] = similarIncidents(items, label).get('a')!;
    expect(b).toMatchObject({ id: 'b', reasons: ['Split brain', 'postgres', 'consul', 'trigger: deploy'], handPicked: false });
  });

  it('counts a shared service toward similarity on its own', () => {
    const items = [item('a', { services: ['etcd'] }), item('b', { services: ['etcd'] }), item('c', { services: ['redis'] })];
    const similar = similarIncidents(items).get('a')!;
    expect(similar).toHaveLength(1);
    expect(similar[0]).toMatchObject({ id: 'b', reasons: ['etcd'] });
    expect(similar[0]!.score).toBeGreaterThan(0);
  });

  it('lifts an incident with the same trigger above an otherwise equal one', () => {
    const items = [
      item('a', { patterns: ['p'], trigger: 'config-change' }),
      item('b', { patterns: ['p'], trigger: 'deploy' }),
      item('c', { patterns: ['p'], trigger: 'config-change' }),
    ];
    const similar = similarIncidents(items).get('a')!;
    expect(ids(similar)).toEqual(['c', 'b']);
    expect(similar[0]!.reasons).toEqual(['p', 'trigger: config-change']);
  });

  it('does not count an unknown trigger as shared', () => {
    const items = [item('a', { patterns: ['p'], trigger: 'unknown' }), item('b', { patterns: ['p'], trigger: 'unknown' })];
    expect(similarIncidents(items).get('a')![0]!.reasons).toEqual(['p']);
  });

  it('finds incidents described in the same words even with nothing else in common', () => {
    const items = [
      item('a', { patterns: ['p1'], text: 'PgBouncer connection pool saturated; ThreadLimitReached errors' }),
      item('b', { patterns: ['p2'], text: 'ThreadLimitReached errors once the PgBouncer connection pool saturated' }),
      item('c', { patterns: ['p3'], text: 'Certificate expired on the load balancer' }),
    ];
    const similar = similarIncidents(items).get('a')!;
    expect(ids(similar)).toEqual(['b']);
    expect(similar[0]!.reasons).toEqual(['similar wording']);
  });

  it('puts hand-picked related incidents first, even with nothing in common', () => {
    const similar = similarIncidents(corpus({ related: ['loner'] }), label).get('target')!;
    expect(similar[0]).toMatchObject({ id: 'loner', handPicked: true, reasons: [] });
    expect(ids(similar.slice(1))).toEqual(['rare', 'common-a', 'common-b', 'common-c', 'common-d'].slice(0, SIMILAR_LIMIT - 1));
    expect(similar.slice(1).every((s) => !s.handPicked)).toBe(true);
  });

  it('keeps a hand-picked incident\'s computed reasons and lists it only once', () => {
    const similar = similarIncidents(corpus({ related: ['common-d'] }), label).get('target')!;
    expect(similar[0]).toMatchObject({ id: 'common-d', handPicked: true, reasons: ['Bad deploy'] });
    expect(ids(similar).filter((id) => id === 'common-d')).toHaveLength(1);
  });

  it('keeps hand-picked incidents in the order the writeup lists them', () => {
    const similar = similarIncidents(corpus({ related: ['common-c', 'loner', 'rare'] }), label).get('target')!;
    expect(ids(similar).slice(0, 3)).toEqual(['common-c', 'loner', 'rare']);
  });

  it('ignores related links to incidents that do not exist or to itself', () => {
    const similar = similarIncidents(corpus({ related: ['2001-01-01-missing', 'target'] }), label).get('target')!;
    expect(similar.every((s) => !s.handPicked)).toBe(true);
    expect(ids(similar)).not.toContain('2001-01-01-missing');
  });

  it('never lists an incident as similar to itself', () => {
    const items = corpus({ related: ['target'], text: 'same words', services: ['dns'] });
    for (const [id, similar] of similarIncidents(items)) expect(ids(similar)).not.toContain(id);
  });

  it('respects the limit', () => {
    expect(similarIncidents(corpus(), label, 2).get('target')!.map((s) => s.id)).toEqual(['rare', 'common-a']);
    expect(similarIncidents(corpus(), label).get('target')!.length).toBeLessThanOrEqual(SIMILAR_LIMIT);
  });

  it('shows every hand-picked incident even when there are more than the limit', () => {
    const similar = similarIncidents(corpus({ related: ['loner', 'rare', 'common-a'] }), label, 2).get('target')!;
    expect(ids(similar)).toEqual(['loner', 'rare', 'common-a']);
  });

  it('gives an incident with nothing in common no similar incidents', () => {
    expect(similarIncidents(corpus(), label).get('loner')).toEqual([]);
  });

  it('answers for every incident, and for none when there are none', () => {
    expect([...similarIncidents(corpus()).keys()]).toEqual(['target', 'common-a', 'common-b', 'common-c', 'common-d', 'rare', 'loner']);
    expect(similarIncidents([]).size).toBe(0);
  });
});
