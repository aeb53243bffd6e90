import { describe, expect, it } from 'vitest';
import { budgetChecks, summarise, type Measurement } from '../../bench/support/first-search-report';
import type { ColdLoad } from '../../bench/support/cold-load';

const site = { name: 'corpus', writeups: 273, slowLinkBudgetMs: 2500 };
const load = (ms: number, bytesToFirst: number, bytesTotal = bytesToFirst): ColdLoad => ({
  firstResultMs: ms,
  toFirstResult: { requests: 10, bytes: bytesToFirst },
  total: { requests: 11, bytes: bytesTotal },
  requests: [],
});
const measured = (network: 'loopback' | 'slow link', side: 'ours' | 'floor', ...loads: ColdLoad[]): Measurement[] =>
  loads.map((l, run) => ({ site: site.name, network, query: 'q', side, run, load: l }));

describe('the first-search budgets', () => {
  it('compares medians, so one slow load does not decide', () => {
    const rows = summarise([site], ['loopback'], [...measured('loopback', 'ours', load(400, 300), load(420, 300), load(5000, 300)), ...measured('loopback', 'floor', load(300, 280), load(310, 280), load(320, 280))]);
    expect(rows[0]!.ours.ms).toBe(420);
    expect(budgetChecks(rows).every((c) => c.pass)).toBe(true);
  });

  it('fails time past 1.5× the floor on loopback, and bytes past 1.15×', () => {
    const rows = summarise([site], ['loopback'], [...measured('loopback', 'ours', load(500, 400)), ...measured('loopback', 'floor', load(300, 300))]);
    const checks = budgetChecks(rows);
    expect(checks.map((c) => c.pass)).toEqual([false, false]);
    expect(checks[0]!.text).toContain('1.67×');
  });

  it('holds the slow link to an absolute time', () => {
    const rows = summarise([site], ['slow link'], [...measured('slow link', 'ours', load(2600, 300)), ...measured('slow link', 'floor', load(2000, 300))]);
    expect(budgetChecks(rows).find((c) => c.text.includes('≤ 2.50 s'))?.pass).toBe(false);
  });

  it('passes no budget where a load failed, however good the rest', () => {
    const failure: Measurement = { site: site.name, network: 'loopback', query: 'q', side: 'ours', run: 9, error: 'no result within 30 s' };
    const rows = summarise([site], ['loopback'], [...measured('loopback', 'ours', load(300, 300)), failure, ...measured('loopback', 'floor', load(300, 300))]);
    expect(rows[0]!.failed).toBe(1);
    expect(budgetChecks(rows).some((c) => c.pass)).toBe(false);
  });
});
