// Fault injection: the spec parser, latency, 5xx answers, forced 429s, and writes that commit and then
// never answer (dropped connection, or a stall past the client's timeout).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MigrateError } from '../../../../src/errors.js';
import { decideFault, parseFaultSpec, parseLatency } from '../../../../src/targets/advanced-billing/sandbox/faults.js';
import { customerAttributes } from './catalog-fixture.js';
import { startHarness, type Harness } from './harness.js';

describe('parseFaultSpec and parseLatency', () => {
  it('reads every documented name', () => {
    expect(parseFaultSpec('error-rate=0.1,429-rate=0.05,drop-after-commit=0.1,stall-after-commit=0.05,stall-ms=3000')).toEqual({
      errorRate: 0.1,
      rateLimitRate: 0.05,
      dropAfterCommit: 0.1,
      stallAfterCommit: 0.05,
      stallMs: 3000,
    });
    expect(parseFaultSpec('')).toEqual({});
    expect(parseLatency('50')).toEqual({ ms: 50, jitterMs: 0 });
    expect(parseLatency('50:20')).toEqual({ ms: 50, jitterMs: 20 });
  });

  it.each(['error-rate', 'error-rate=2', 'nonsense=0.1', 'error-rate=abc', 'stall-ms=-5', 'error-rate=0.1=2'])('refuses %s with one clear line', (text) => {
    expect(() => parseFaultSpec(text)).toThrow(MigrateError);
    try {
      parseFaultSpec(text);
    } catch (error) {
      expect((error as MigrateError).message).toMatch(/^--faults: /);
      expect((error as MigrateError).exitCode).toBe(2);
    }
  });

  it.each(['fast', '10:', '-5'])('refuses latency %s', (text) => {
    expect(() => parseLatency(text)).toThrow(/--latency/);
  });

  it('applies commit faults to writes only', () => {
    const always = () => 0;
    expect(decideFault({ dropAfterCommit: 1 }, false, always)).toEqual({ kind: 'none' });
    expect(decideFault({ dropAfterCommit: 1 }, true, always)).toEqual({ kind: 'drop-after-commit' });
    expect(decideFault({ stallAfterCommit: 1, stallMs: 10 }, true, always)).toEqual({ kind: 'stall-after-commit', ms: 10 });
    expect(decideFault({ errorRate: 0.5 }, false, () => 0.9)).toEqual({ kind: 'none' });
  });
});

describe('a seeded source of randomness', () => {
  it('decides faults request by request, so a rate is reproducible', async () => {
    // error-rate 0.5 with draws alternating 0.1 (fault) and 0.9 (none); the second draw of a fault picks the status.
    const draws = [0.1, 0.0, 0.9, 0.1, 0.99, 0.9];
    let index = 0;
    const harness = await startHarness({ faults: { errorRate: 0.5 }, random: () => draws[index++ % draws.length] ?? 0 });
    try {
      const statuses: number[] = [];
      for (let request = 0; request < 4; request += 1) statuses.push((await harness.call('GET', '/site.json')).status);
      expect(statuses).toEqual([500, 200, 503, 200]);
    } finally {
      await harness.close();
    }
  });
});

describe('faults over HTTP', () => {
  let harness: Harness;
  let counter = 0;
  beforeAll(async () => {
    harness = await startHarness();
  });
  beforeEach(() => {
    harness.sandbox.setFaults({});
    harness.sandbox.setLatency(undefined);
  });
  afterAll(() => harness.close());

  const reference = () => {
    counter += 1;
    return `fault-${counter}`;
  };
  const exists = async (ref: string) => (await harness.call('GET', `/customers/lookup.json?reference=${ref}`)).status === 200;

  it('answers 500, 502 or 503 without processing the request', async () => {
    harness.sandbox.setFaults({ errorRate: 1 });
    const ref = reference();
    const response = await harness.call('POST', '/customers.json', { customer: customerAttributes(ref) });
    expect([500, 502, 503]).toContain(response.status);
    expect(response.body.errors).toHaveLength(1);
    harness.sandbox.setFaults({});
    expect(await exists(ref)).toBe(false);
  });

  it('forces 429s', async () => {
    harness.sandbox.setFaults({ rateLimitRate: 1 });
    const response = await harness.call('GET', '/site.json');
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBeNull();
  });

  it('adds latency', async () => {
    harness.sandbox.setLatency({ ms: 120, jitterMs: 0 });
    const started = performance.now();
    await harness.call('GET', '/site.json');
    expect(performance.now() - started).toBeGreaterThanOrEqual(110);
  });

  it('commits a write and then drops the connection: the client sees no answer, the object exists, a retry with the token gets 409', async () => {
    harness.sandbox.setFaults({ dropAfterCommit: 1 });
    const ref = reference();
    const body = { customer: customerAttributes(ref), uniqueness_token: `token-${ref}` };
    await expect(harness.call('POST', '/customers.json', body)).rejects.toThrow();
    expect(await exists(ref)).toBe(true);
    harness.sandbox.setFaults({});
    expect((await harness.call('POST', '/customers.json', body)).status).toBe(409);
  });

  it('commits a write and stalls past the client timeout', async () => {
    harness.sandbox.setFaults({ stallAfterCommit: 1, stallMs: 2000 });
    const ref = reference();
    const request = fetch(`${harness.sandbox.baseUrl}/customers.json`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ customer: customerAttributes(ref) }),
      signal: AbortSignal.timeout(200),
    });
    await expect(request).rejects.toThrow();
    expect(await exists(ref)).toBe(true);
  });

  it('answers a refused write (422) even under commit faults', async () => {
    harness.sandbox.setFaults({ dropAfterCommit: 1 });
    const response = await harness.call('POST', '/customers.json', { customer: { reference: reference() } }, { invalidRequest: true });
    expect(response.status).toBe(422);
  });
});
