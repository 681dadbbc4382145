// The per-site concurrency limit: 4 requests processed at once, a short queue, then 429 with the
// documented message and a Retry-After header.
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
    expect(refused?.headers.get('retry-after')).toBe('1');
    expect(refused?.body.errors[0]).toMatch(/^Your request was denied due to a usage violation\. You can track this request with support by referencing [0-9a-f]{16}$/);
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
