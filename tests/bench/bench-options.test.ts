import { describe, expect, it } from 'vitest';
import { oneOf, OptionError, runWithOptions, siteBenchmarkOptions, wholeNumber } from '../../bench/support/bench-options';

describe('wholeNumber', () => {
  it('reads a whole number at or above its minimum', () => {
    expect(wholeNumber('runs', '7', 1)).toBe(7);
    expect(wholeNumber('writeups', '0', 0)).toBe(0);
  });

  it('refuses fractions, signs, words, nothing and numbers below the minimum, naming the flag', () => {
    for (const value of ['1.5', '-3', 'ten', '', '0']) {
      expect(() => wholeNumber('runs', value, 1)).toThrow(OptionError);
    }
    expect(() => wholeNumber('runs', '0', 1)).toThrow('--runs takes a whole number from 1, not "0"');
  });
});

describe('oneOf', () => {
  it('accepts a listed choice and refuses another, listing the choices', () => {
    expect(oneOf('bounds', 'ci', ['budget', 'ci'])).toBe('ci');
    expect(() => oneOf('bounds', 'loose', ['budget', 'ci'])).toThrow('--bounds is one of budget, ci, not "loose"');
  });
});

describe('siteBenchmarkOptions', () => {
  it('lets --writeups be 0, which builds no generated site, but needs at least one run', () => {
    expect(siteBenchmarkOptions({ writeups: '0', runs: '3' })).toEqual({ writeups: 0, runs: 3 });
    expect(() => siteBenchmarkOptions({ writeups: '10', runs: '0' })).toThrow('--runs');
  });
});

describe('runWithOptions', () => {
  it('runs the benchmark with the options read from its flags', async () => {
    const result = await runWithOptions('usage line', () => ({ runs: 2 }), async (options) => ({ code: 0, stdout: [`runs ${options.runs}`], stderr: [] }));
    expect(result).toEqual({ code: 0, stdout: ['runs 2'], stderr: [] });
  });

  it('answers a value it cannot use with exit 2, the problem and the usage, without running', async () => {
    let ran = false;
    const result = await runWithOptions('npm run bench:x [-- --runs N]', () => wholeNumber('runs', 'many', 1), async () => {
      ran = true;
      return { code: 0, stdout: [], stderr: [] };
    });
    expect(ran).toBe(false);
    expect(result).toEqual({ code: 2, stdout: [], stderr: ['--runs takes a whole number from 1, not "many"', 'usage: npm run bench:x [-- --runs N]'] });
  });

  it('lets any other error through, since it is a fault, not a wrong flag', async () => {
    await expect(runWithOptions('usage', () => { throw new TypeError('bug'); }, async () => ({ code: 0, stdout: [], stderr: [] }))).rejects.toThrow(TypeError);
  });
});
