import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildBenchmarkOptions } from '../../bench/build-benchmark';
import { PROJECT_ROOT } from '../harness/site-build';

const DEFAULTS = { writeups: '10000', runs: '1', bounds: 'budget', 'no-loop': false, report: 'bench/build-report.md' };

describe('buildBenchmarkOptions', () => {
  it('reads the defaults as the budget at 10,000 writeups, with the loop, reported in bench/', () => {
    expect(buildBenchmarkOptions(DEFAULTS)).toEqual({ writeups: 10000, runs: 1, bounds: 'budget', loop: true, report: join(PROJECT_ROOT, 'bench/build-report.md') });
  });

  it('takes the CI bounds, no loop and an absolute report path as given', () => {
    const options = buildBenchmarkOptions({ ...DEFAULTS, writeups: '1000', bounds: 'ci', 'no-loop': true, report: '/tmp/report.md' });
    expect(options).toMatchObject({ writeups: 1000, bounds: 'ci', loop: false, report: '/tmp/report.md' });
  });

  it('refuses bounds it does not know and fewer than one writeup or run', () => {
    expect(() => buildBenchmarkOptions({ ...DEFAULTS, bounds: 'strict' })).toThrow('--bounds is one of budget, ci, not "strict"');
    expect(() => buildBenchmarkOptions({ ...DEFAULTS, writeups: '0' })).toThrow('--writeups');
    expect(() => buildBenchmarkOptions({ ...DEFAULTS, runs: '0' })).toThrow('--runs');
  });
});
