// The per-site limiter: never more in flight than the limit, halves on 429, recovers, honours pauses.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AdaptiveLimiter } from '../../../../src/targets/advanced-billing/client/limiter.js';

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('AdaptiveLimiter', () => {
  afterEach(() => vi.restoreAllMocks());

  it('still admits the waiters when a pause ends between two readings of the clock', async () => {
    let now = 1_000;
    vi.spyOn(Date, 'now').mockImplementation(() => now);
    const limiter = new AdaptiveLimiter(1);
    await limiter.acquire();
    let started = false;
    const waiting = limiter.acquire().then(() => (started = true));
    // A 429 pauses the site while the one slot is taken and the other request waits for it.
    limiter.pauseFor(10);
    // The release reads the clock one millisecond before the pause ends, the next reading is after it.
    vi.spyOn(Date, 'now').mockReturnValueOnce(1_009).mockImplementation(() => (now = 1_010));
    limiter.release();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(started).toBe(true);
    await waiting;
  });

  it('admits at most the limit and hands slots out in order', async () => {
    const limiter = new AdaptiveLimiter(2);
    const started: number[] = [];
    const runs = [1, 2, 3, 4].map((n) => limiter.acquire().then(() => started.push(n)));
    await tick();
    expect(started).toEqual([1, 2]);
    expect(limiter.inFlight).toBe(2);
    limiter.release();
    await tick();
    expect(started).toEqual([1, 2, 3]);
    limiter.release();
    limiter.release();
    await Promise.all(runs);
    expect(started).toEqual([1, 2, 3, 4]);
  });

  it('halves on throttling down to 1, then grows back one step per streak of successes', () => {
    const limiter = new AdaptiveLimiter(4);
    limiter.recordThrottle(0);
    expect(limiter.currentLimit).toBe(2);
    limiter.recordThrottle(0);
    limiter.recordThrottle(0);
    expect(limiter.currentLimit).toBe(1);
    for (let i = 0; i < 25; i += 1) limiter.recordSuccess();
    expect(limiter.currentLimit).toBe(2);
    for (let i = 0; i < 200; i += 1) limiter.recordSuccess();
    expect(limiter.currentLimit).toBe(4);
  });

  it('holds every new request until a pause ends', async () => {
    const limiter = new AdaptiveLimiter(4);
    limiter.pauseFor(120);
    const began = Date.now();
    await limiter.acquire();
    expect(Date.now() - began).toBeGreaterThanOrEqual(100);
    limiter.release();
  });

  it('counts 429s during one pause as one congestion event', () => {
    const limiter = new AdaptiveLimiter(4);
    limiter.recordThrottle(1000);
    limiter.recordThrottle(1000);
    limiter.recordThrottle(1000);
    expect(limiter.currentLimit).toBe(2);
  });

  it('only tightens the ceiling when a second client shares the site', () => {
    const limiter = new AdaptiveLimiter(4);
    limiter.tighten(2);
    expect(limiter.currentLimit).toBe(2);
    limiter.tighten(4);
    expect(limiter.currentLimit).toBe(2);
  });
});
