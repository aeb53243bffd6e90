import { describe, expect, it } from 'vitest';
import { TokenBucket } from '../../bench/support/slow-link';

describe('the slow link’s token bucket', () => {
  it('lets bytes out no faster than its rate, however many callers share it', async () => {
    const bucket = new TokenBucket(100_000, 1_000);
    const started = performance.now();
    await Promise.all(Array.from({ length: 6 }, () => bucket.take(1_000)));
    // 6,000 bytes at 100,000 B/s with one chunk of burst: at least 50 ms.
    expect(performance.now() - started).toBeGreaterThanOrEqual(45);
  });

  it('serves callers in the order they asked', async () => {
    const bucket = new TokenBucket(100_000, 1_000);
    const order: number[] = [];
    await Promise.all([1, 2, 3].map((n) => bucket.take(1_000).then(() => order.push(n))));
    expect(order).toEqual([1, 2, 3]);
  });

  it('refuses a chunk larger than it can ever hold', () => {
    expect(() => new TokenBucket(100_000, 1_000).take(2_000)).toThrow(RangeError);
  });
});
