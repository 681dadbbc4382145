// The site's throttling as the vendor guide describes it: 4 requests processed at once, the rest queued;
// past a sustained rate, requests slowed rather than refused; 429 with the guide's message (and no
// Retry-After, which the guide does not document) only when too many wait.
import { afterEach, describe, expect, it } from 'vitest';
import { ConcurrencyGate } from '../../../../src/targets/advanced-billing/sandbox/gate.js';
import { startHarness, type Harness } from './harness.js';

describe('ConcurrencyGate', () => {
  it('grants 4 slots, queues up to the limit, refuses beyond, and hands a released slot to the next waiter', async () => {
    const gate = new ConcurrencyGate({ concurrency: 4, queueLimit: 2 });
    const releases = await Promise.all([1, 2, 3, 4].map(() => gate.acquire()));
    expect(gate.active).toBe(4);
    const waiting = [gate.acquire(), gate.acquire()];
    expect(gate.queued).toBe(2);
    expect(gate.acquire()).toBeUndefined();
    releases[0]?.();
    const next = await waiting[0];
    expect(gate.active).toBe(4);
    expect(gate.queued).toBe(1);
    next?.();
    next?.();
    expect(gate.queued).toBe(0);
    expect(gate.active).toBe(4);
  });
});

describe('the sandbox under concurrent load', () => {
  let harness: Harness | undefined;
  afterEach(async () => {
    await harness?.close();
    harness = undefined;
  });

  it('processes 4 at once, queues 2 and answers the rest 429 with the documented message', async () => {
    harness = await startHarness({ latency: { ms: 300, jitterMs: 0 }, queueLimit: 2 });
    const h = harness;
    const responses = await Promise.all(Array.from({ length: 10 }, () => h.call('GET', '/site.json')));
    const statuses = responses.map((response) => response.status).sort();
    expect(statuses.filter((status) => status === 200)).toHaveLength(6);
    expect(statuses.filter((status) => status === 429)).toHaveLength(4);
    const refused = responses.find((response) => response.status === 429);
    expect(refused?.headers.get('retry-after')).toBeNull();
    expect(refused?.body.errors[0]).toMatch(/^Your request was denied due to a usage violation\. You can track this request with support by referencing [0-9a-f]{16}$/);
  });

  it('slows requests past the rate instead of refusing them, and refuses only those the full queue has no room for', async () => {
    // One a second, bursts of 2: of 6 sent at once, 2 are served at once, 3 are slowed (a second apart) and
    // served, and the 6th finds the queue of 3 full.
    harness = await startHarness({ rateLimit: { perSecond: 1, burst: 2 }, queueLimit: 3 });
    const h = harness;
    const responses = await Promise.all(Array.from({ length: 6 }, () => h.call('GET', '/site.json')));
    expect(responses.map((response) => response.status).sort()).toEqual([200, 200, 200, 200, 200, 429]);
    const refused = responses.find((response) => response.status === 429);
    expect(refused?.headers.get('retry-after')).toBeNull();
    expect(refused?.body.errors[0]).toMatch(/^Your request was denied due to a usage violation\. You can track this request with support by referencing [0-9a-f]{16}$/);
  });

  it('counts writes and reads alike against the rate', async () => {
    harness = await startHarness({ rateLimit: { perSecond: 0.001, burst: 2 }, queueLimit: 0 });
    const first = await harness.call('POST', '/product_families.json', { product_family: { name: 'Counted' } });
    expect(first.status).toBe(201);
    const refusedOnce = await Promise.all([harness.call('GET', '/site.json'), harness.call('GET', '/site.json')]);
    // The write took the burst's first place: one of the two reads gets the second, the other is refused (nothing may wait).
    expect(refusedOnce.map((response) => response.status).sort()).toEqual([200, 429]);
    expect((await harness.call('GET', '/site.json')).status).toBe(429);
  });

  it('never refuses a client that keeps to 4 concurrent requests', async () => {
    harness = await startHarness({ latency: { ms: 5, jitterMs: 5 }, queueLimit: 0 });
    const h = harness;
    const worker = async (): Promise<number[]> => {
      const statuses: number[] = [];
      for (let index = 0; index < 25; index += 1) statuses.push((await h.call('GET', '/site.json')).status);
      return statuses;
    };
    const all = (await Promise.all([worker(), worker(), worker(), worker()])).flat();
    expect(all).not.toHaveLength(0);
    expect(all.every((status) => status === 200)).toBe(true);
  });
});
