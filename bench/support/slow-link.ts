/**
 * A slow mobile link, emulated in the server rather than in the browser, so every fetch pays
 * it: DevTools' network emulation is set per page and can miss what a worker fetches, and stock
 * Pagefind fetches its index and WebAssembly from a worker.
 */
import { setTimeout as sleep } from 'node:timers/promises';

export interface LinkProfile {
  /** Every response waits this long before its first byte: the round trip a request costs. */
  firstByteMs: number;
  /** Shared by every connection, so parallel fetches split it as they do on a real link. */
  bytesPerSecond: number;
}

/** Chromium DevTools' "Slow 4G" figures: 150 ms per request, 1.6 Mbit/s. */
export const SLOW_LINK: LinkProfile = { firstByteMs: 150, bytesPerSecond: 200_000 };

/**
 * Bytes leave only as fast as tokens accrue. Callers queue in order, so responses sending
 * chunk by chunk take turns; the bucket holds at most one chunk, so an idle link has no burst.
 */
export class TokenBucket {
  private tokens: number;
  private refilledAt = performance.now();
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly bytesPerSecond: number,
    private readonly capacity: number,
  ) {
    this.tokens = capacity;
  }

  /** Resolves when `bytes` (at most the capacity) may be sent. */
  take(bytes: number): Promise<void> {
    if (bytes > this.capacity) throw new RangeError(`cannot take ${bytes} bytes from a bucket of ${this.capacity}`);
    const turn = this.queue.then(() => this.waitFor(bytes));
    this.queue = turn;
    return turn;
  }

  private async waitFor(bytes: number): Promise<void> {
    this.refill();
    // Timers fire late rather than early; refilling from the clock keeps the rate exact anyway.
    if (this.tokens < bytes) await sleep(((bytes - this.tokens) / this.bytesPerSecond) * 1000);
    this.refill();
    this.tokens -= bytes;
  }

  private refill(): void {
    const now = performance.now();
    this.tokens = Math.min(this.capacity, this.tokens + ((now - this.refilledAt) / 1000) * this.bytesPerSecond);
    this.refilledAt = now;
  }
}
