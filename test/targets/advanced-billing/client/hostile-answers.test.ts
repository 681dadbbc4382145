// The client against a hostile site over real HTTP (test/helpers/hostile-server.ts): one retry budget per
// operation whatever re-enters it, a deadline for the whole answer, a size limit, the Retry-After cap and
// the total wait, and each wait announced through onWait.
import { afterEach, describe, expect, it } from 'vitest';
import { isRowLevel } from '../../../../src/targets/advanced-billing/client/api-error.js';
import { ChargifyClient } from '../../../../src/targets/advanced-billing/client/client.js';
import type { RetryWait } from '../../../../src/targets/client-options.js';
import type { ClientOptions } from '../../../../src/targets/advanced-billing/client/transport.js';
import { startHostileServer, type HostileServer, type Rule } from '../../../helpers/hostile-server.js';
import { caughtApiError as caught } from '../../helpers/caught-api-error.js';

const fast: ClientOptions = { backoffBaseMs: 1, throttlePauseMs: 1, backoffMaxMs: 5, random: () => 1 };

let site: HostileServer | undefined;
let client: ChargifyClient | undefined;
afterEach(async () => {
  await client?.close();
  await site?.close();
  client = undefined;
  site = undefined;
});

async function setUp(rules: Rule[], options: ClientOptions = {}): Promise<{ site: HostileServer; client: ChargifyClient }> {
  site = await startHostileServer({ rules });
  client = new ChargifyClient({ name: 'hostile', baseUrl: site.baseUrl }, { ...fast, ...options });
  return { site, client };
}

const duplicate = { status: 409, body: { errors: ['A request with this uniqueness token was already received.'] } };

describe('one retry budget per operation', () => {
  it('a renewal preview answered 409 to its first attempt (a fresh token) is not asked again: a row-level conflict', async () => {
    const { site, client } = await setUp([{ name: 'preview', method: 'POST', path: /\/renewals\/preview\.json$/, answer: duplicate }]);
    const error = await caught(client.previewRenewal(5));
    expect(site.hits('preview')).toBe(1);
    expect(error).toMatchObject({ kind: 'conflict', status: 409 });
    expect(error.message).toContain('renewal preview under a fresh uniqueness token');
    expect(isRowLevel(error)).toBe(true);
  });

  it('a renewal preview whose answer was lost and whose retry meets 409 is asked again under a fresh token', async () => {
    const preview = { renewal_preview: { total_in_cents: 4900 } };
    const { site, client } = await setUp([
      { name: 'preview', method: 'POST', path: /\/renewals\/preview\.json$/, answer: (_request, n) => (n === 0 ? { drop: true } : n === 1 ? duplicate : { status: 200, body: preview }) },
    ]);
    expect(await client.previewRenewal(5)).toEqual(preview.renewal_preview);
    const tokens = site.requests.map((request) => (JSON.parse(request.body) as { uniqueness_token: string }).uniqueness_token);
    expect(tokens).toHaveLength(3);
    expect(tokens[1]).toBe(tokens[0]);
    expect(tokens[2]).not.toBe(tokens[0]);
  });

  it('a 409 handler that asks again itself cannot loop: each 409 after the first spends a retry of the operation', async () => {
    const { site, client } = await setUp([{ name: 'write', method: 'POST', path: /^\/things\.json$/, answer: duplicate }], { maxRetries: 2 });
    const ask = (): Promise<unknown> => client.request('POST', '/things.json', { body: {}, onDuplicate: () => ask() as Promise<undefined> });
    const error = await caught(ask());
    // The first 409 is free, the next two spend the two retries, the fourth ends the call.
    expect(site.hits('write')).toBe(4);
    expect(error.kind).toBe('conflict');
  });

  it('a lookup sent from a 409 handler spends the same retries as the create that met the 409', async () => {
    const rules: Rule[] = [
      { name: 'create', method: 'POST', path: /^\/customers\.json$/, answer: (_request, n) => (n < 2 ? { status: 503 } : duplicate) },
      { name: 'lookup', method: 'GET', path: /^\/customers\/lookup\.json$/, answer: { status: 503 } },
    ];
    const { site, client } = await setUp(rules, { maxRetries: 3 });
    const error = await caught(client.createCustomer({ reference: 'cust-1' }, { naturalKey: 'customer:cust-1' }));
    // Two retries of the create, one of the lookup: three in all, not 2 + 3.
    expect(site.hits('create')).toBe(3);
    expect(site.hits('lookup')).toBe(2);
    expect(error).toMatchObject({ kind: 'server', status: 503 });
  });
});

describe('answers that hold a call', () => {
  it('a body trickled at one byte per 50 ms is cut at the deadline, however often bytes arrive', async () => {
    const text = JSON.stringify({ site: { id: 1, subdomain: 'slow', currency: 'USD', test: true } });
    const { site, client } = await setUp([{ name: 'site', path: /^\/site\.json$/, answer: { trickle: { text, intervalMs: 50 } } }], { timeoutMs: 300, maxRetries: 0 });
    const error = await caught(client.readSite());
    expect(error.kind).toBe('timeout');
    expect(error.message).toContain('got no whole answer within 0.3 s');
    expect(site.sent('site')).toBeLessThan(text.length);
  });

  it('an answer declaring more than the limit is refused before its body is read, and not retried', async () => {
    const { site, client } = await setUp([{ name: 'site', path: /^\/site\.json$/, answer: { huge: { bytes: 200 * 1024 * 1024, declareLength: true } } }], { maxAnswerBytes: 1024 * 1024 });
    const error = await caught(client.readSite());
    expect(error.kind).toBe('too-large');
    expect(error.message).toContain('larger than 1 MiB');
    expect(site.hits('site')).toBe(1);
    expect(site.sent('site')).toBeLessThan(50 * 1024 * 1024);
  });

  it('an answer within the limit is read whole', async () => {
    const { client } = await setUp([{ name: 'list', path: /^\/product_families\.json$/, answer: { huge: { bytes: 512 * 1024 } } }], { maxAnswerBytes: 1024 * 1024 });
    // `[0,0,…]` is a list of no families: read, parsed, and found to hold none.
    expect(await client.findProductFamilyByHandle('main')).toBeUndefined();
  });
});

describe('waits before retries', () => {
  it('caps Retry-After at retryAfterMaxMs and announces each wait through onWait', async () => {
    const waits: RetryWait[] = [];
    const { site, client } = await setUp(
      [{ name: 'site', path: /^\/site\.json$/, answer: (_request, n) => (n < 2 ? { status: 503, headers: { 'retry-after': '999999' } } : 'pass') }],
      { retryAfterMaxMs: 20, onWait: (wait) => waits.push(wait) },
    );
    expect((await client.readSite()).subdomain).toBe('hostile');
    expect(site.hits('site')).toBe(2);
    expect(waits).toEqual([
      { seconds: 0.02, reason: 'the site asked to retry later (503)', attempt: 1, max: 6, call: 'GET /site.json' },
      { seconds: 0.02, reason: 'the site asked to retry later (503)', attempt: 2, max: 6, call: 'GET /site.json' },
    ]);
  });

  it('stops retrying when the next wait would pass the operation total (retryWaitTotalMs)', async () => {
    const waits: RetryWait[] = [];
    const { site, client } = await setUp(
      [{ name: 'site', path: /^\/site\.json$/, answer: { status: 503, headers: { 'retry-after': '1' } } }],
      { retryAfterMaxMs: 40, retryWaitTotalMs: 100, onWait: (wait) => waits.push(wait) },
    );
    const error = await caught(client.readSite());
    expect(error).toMatchObject({ kind: 'server', status: 503 });
    // 40 + 40 ms fit in 100; a third wait would not.
    expect(waits.map((wait) => wait.attempt)).toEqual([1, 2]);
    expect(site.hits('site')).toBe(3);
  });
});
