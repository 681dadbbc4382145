// The client's HTTP behaviour against a scripted loopback server: retries per status, Retry-After,
// timeouts, 429 concurrency lowering, typed errors, 409 resolution, pagination and redaction.
import { afterEach, describe, expect, it } from 'vitest';
import { isRowLevel } from '../../../../src/targets/advanced-billing/client/api-error.js';
import { ChargifyClient } from '../../../../src/targets/advanced-billing/client/client.js';
import type { ClientOptions } from '../../../../src/targets/advanced-billing/client/transport.js';
import { startScriptedServer } from '../../helpers/scripted-server.js';
import type { Scripted, ScriptedServer } from '../../helpers/scripted-server.js';
import { caughtApiError as caught } from '../../helpers/caught-api-error.js';

const API_KEY = 'sk_live_9f8e7d6c5b4a39281706';
const fast: ClientOptions = { backoffBaseMs: 1, throttlePauseMs: 1, backoffMaxMs: 5, random: () => 1 };

let server: ScriptedServer | undefined;
let client: ChargifyClient | undefined;
afterEach(async () => {
  await client?.close();
  await server?.close();
  client = undefined;
  server = undefined;
});

async function setUp(answer: (request: { method: string; url: string; body: string }, index: number) => Scripted, options: ClientOptions = {}) {
  server = await startScriptedServer(answer);
  client = new ChargifyClient({ name: 'test', baseUrl: server.baseUrl, apiKey: API_KEY }, { ...fast, ...options });
  return { server, client };
}

const customer = { id: 7, reference: 'cust-7', first_name: 'Ada' };

describe('retries', () => {
  it('retries 503, 502, 504, 500 and 429 with the same uniqueness_token, then succeeds', async () => {
    const script: Scripted[] = [
      { status: 503, body: { errors: ['Service unavailable'] } },
      { status: 502 },
      { status: 504 },
      { status: 500, body: { errors: ['Internal error'] } },
      { status: 429, headers: { 'retry-after': '0' } },
      { status: 201, body: { customer } },
    ];
    const { server, client } = await setUp((_request, index) => script[index] ?? { status: 500 });
    const created = await client.createCustomer({ first_name: 'Ada', reference: 'cust-7' }, { naturalKey: 'customers:cust-7' });
    expect(created).toEqual(customer);
    expect(server.received).toHaveLength(6);
    const tokens = new Set(server.received.map((request) => JSON.parse(request.body).uniqueness_token));
    expect(tokens.size).toBe(1);
    expect(JSON.parse(server.received[0].body).customer).toEqual({ first_name: 'Ada', reference: 'cust-7' });
    expect(server.received[0].headers.authorization).toBe(`Basic ${Buffer.from(`${API_KEY}:x`).toString('base64')}`);
  });

  it('gives up after maxRetries with a server error that stops the run', async () => {
    const { server, client } = await setUp(() => ({ status: 503, body: { errors: ['Down for maintenance'] } }), { maxRetries: 2 });
    const error = await caught(client.readCustomer(7));
    expect(server.received).toHaveLength(3);
    expect(error).toMatchObject({ kind: 'server', status: 503, messages: ['Down for maintenance'], method: 'GET', path: '/customers/7.json' });
    expect(error.exitCode).toBe(3);
    expect(isRowLevel(error)).toBe(false);
  });

  it('honours Retry-After in seconds and as an HTTP date', async () => {
    const { server, client } = await setUp((_request, index) =>
      index === 0
        ? { status: 503, headers: { 'retry-after': '1' } }
        : index === 1
          ? { status: 429, headers: { 'retry-after': new Date(Date.now() + 1500).toUTCString() } }
          : { status: 200, body: { customer } },
    );
    await client.readCustomer(7);
    const [first, second, third] = server.received.map((request) => request.at);
    expect(second - first).toBeGreaterThanOrEqual(950);
    expect(third - second).toBeGreaterThanOrEqual(450);
  });

  it('does not retry a refusal: 422 is a row error carrying the API messages', async () => {
    const { server, client } = await setUp(() => ({ status: 422, body: { errors: ['Email address: is invalid', 'Last name: cannot be blank'] } }));
    const error = await caught(client.createCustomer({ email: 'bob@' }, { naturalKey: 'customers:x' }));
    expect(server.received).toHaveLength(1);
    expect(error).toMatchObject({ kind: 'validation', status: 422, messages: ['Email address: is invalid', 'Last name: cannot be blank'] });
    expect(isRowLevel(error)).toBe(true);
  });

  it('reports a wrong key as an auth error with a hint, not retried', async () => {
    const { server, client } = await setUp(() => ({ status: 401, body: undefined }));
    const error = await caught(client.readSite());
    expect(server.received).toHaveLength(1);
    expect(error.kind).toBe('auth');
    expect(error.hint).toMatch(/apiKeyEnv/);
    expect(isRowLevel(error)).toBe(false);
  });

  it('answers undefined for a lookup that finds nothing', async () => {
    const { server, client } = await setUp(() => ({ status: 404, body: { errors: ['Not found'] } }));
    expect(await client.findCustomerByReference('nobody')).toBeUndefined();
    expect(server.received[0].url).toBe('/customers/lookup.json?reference=nobody');
  });
});

describe('timeouts and unreachable sites', () => {
  it('times out a stalled request, retries it, then fails with a timeout error', async () => {
    const { server, client } = await setUp(() => ({ stall: true }), { timeoutMs: 150, maxRetries: 1 });
    const began = Date.now();
    const error = await caught(client.readSite());
    expect(Date.now() - began).toBeGreaterThanOrEqual(280);
    expect(server.received).toHaveLength(2);
    expect(error.kind).toBe('timeout');
    expect(isRowLevel(error)).toBe(false);
  });

  it('fails with a network error when nothing listens', async () => {
    const probe = await startScriptedServer(() => ({ status: 200 }));
    const baseUrl = probe.baseUrl;
    await probe.close();
    client = new ChargifyClient({ name: 'test', baseUrl, apiKey: API_KEY }, { ...fast, maxRetries: 2 });
    const error = await caught(client.readSite());
    expect(error.kind).toBe('network');
    expect(error.message).toMatch(/ECONNREFUSED/);
  });
});

describe('concurrency', () => {
  it('keeps at most 4 requests in flight', async () => {
    const { server, client } = await setUp(() => ({ status: 200, body: { customer }, delayMs: 40 }));
    await Promise.all(Array.from({ length: 24 }, () => client.readCustomer(7)));
    expect(server.maxInFlight()).toBeLessThanOrEqual(4);
    expect(server.maxInFlight()).toBeGreaterThan(1);
  });

  it('lowers concurrency while 429s continue, and pauses for Retry-After', async () => {
    const { server, client } = await setUp((_request, index) =>
      index < 3 ? { status: 429, headers: { 'retry-after': '0' }, delayMs: 5 } : { status: 200, body: { customer }, delayMs: 10 },
    );
    await Promise.all(Array.from({ length: 4 }, () => client.readCustomer(7)));
    expect(client.concurrencyLimit).toBe(1);
    server.resetInFlight();
    await Promise.all(Array.from({ length: 8 }, () => client.readCustomer(7)));
    expect(server.maxInFlight()).toBe(1);
  });

  it('after a 429 without Retry-After, holds every request to the site for the throttle pause, then goes on with half as many in flight', async () => {
    // The vendor guide: pause, wait, then proceed with less concurrency. The pause is the configured throttlePauseMs.
    const pauseMs = 400;
    const { server, client } = await setUp((_request, index) => (index === 0 ? { status: 429, body: { errors: ['Too many requests'] } } : { status: 200, body: { customer }, delayMs: 20 }), { throttlePauseMs: pauseMs });
    await client.readCustomer(7);
    const throttledAt = server.received[0]!.at;
    await Promise.all(Array.from({ length: 12 }, () => client.readCustomer(7)));
    expect(server.received.slice(1).every((request) => request.at - throttledAt >= pauseMs - 5)).toBe(true);
    expect(client.concurrencyLimit).toBe(2);
    expect(server.maxInFlight()).toBeLessThanOrEqual(2);
  });

  it('shares one limit between two clients of the same site', async () => {
    const { server, client } = await setUp(() => ({ status: 200, body: { customer }, delayMs: 40 }));
    const second = new ChargifyClient({ name: 'test', baseUrl: server.baseUrl, apiKey: API_KEY }, fast);
    try {
      await Promise.all(Array.from({ length: 16 }, (_, i) => (i % 2 === 0 ? client : second).readCustomer(7)));
      expect(server.maxInFlight()).toBeLessThanOrEqual(4);
      expect(server.maxInFlight()).toBeGreaterThan(1);
    } finally {
      await second.close();
    }
  });
});

describe('duplicates (409)', () => {
  it('resolves a 409 on create to the object an earlier attempt made', async () => {
    const { server, client } = await setUp((request) =>
      request.method === 'POST' ? { status: 409, body: { errors: ['DuplicatePrevention::DuplicateSubmissionError'] } } : { status: 200, body: { customer } },
    );
    const found = await client.createCustomer({ first_name: 'Ada', reference: 'cust-7' }, { naturalKey: 'customers:cust-7' });
    expect(found).toEqual(customer);
    expect(server.received.map((request) => `${request.method} ${request.url}`)).toEqual([
      'POST /customers.json',
      'GET /customers/lookup.json?reference=cust-7',
    ]);
  });

  it.each([
    { first: 'a 409', script: [409], lookups: 1 },
    { first: 'a dropped answer, then a 409', script: [503, 409], lookups: 3 },
  ])('after $first, looks up $lookups time(s), then fails a non-unique object’s row', async ({ script, lookups: expected }) => {
    const { client } = await setUp((_request, index) => ({ status: script[Math.min(index, script.length - 1)], body: { errors: ['DuplicatePrevention::DuplicateSubmissionError'] } }));
    let lookups = 0;
    const lookup = async () => {
      lookups += 1;
      return undefined;
    };
    const error = await caught(client.createInvoice(7, { issue_date: '2026-11-01' }, { naturalKey: 'invoices:INV-1', lookup }));
    expect(lookups).toBe(expected);
    expect(error.kind).toBe('conflict');
    expect(isRowLevel(error)).toBe(true);
    expect(error.messages[0]).toMatch(/60 minutes/);
  });

  it('creates again under a new token when a uniquely keyed object was removed since', async () => {
    const { server, client } = await setUp((request, index) =>
      request.method === 'GET' ? { status: 404 } : index === 0 ? { status: 409, body: { errors: ['DuplicatePrevention::DuplicateSubmissionError'] } } : { status: 201, body: { customer } },
    );
    const created = await client.createCustomer({ first_name: 'Ada', reference: 'cust-7' }, { naturalKey: 'customers:cust-7' });
    expect(created).toEqual(customer);
    const posts = server.received.filter((request) => request.method === 'POST').map((request) => JSON.parse(request.body));
    expect(posts).toHaveLength(2);
    expect(posts[1].uniqueness_token).not.toBe(posts[0].uniqueness_token);
    expect(posts[1].customer).toEqual(posts[0].customer);
  });
});

describe('lists', () => {
  it('pages with per_page=200 until a short page', async () => {
    const page = (n: number, size: number) => Array.from({ length: size }, (_, i) => ({ customer: { id: n * 1000 + i } }));
    const { server, client } = await setUp((request) => {
      const number = Number(new URL(request.url, 'http://x').searchParams.get('page'));
      return { status: 200, body: page(number, number < 3 ? 200 : 13) };
    });
    const ids: unknown[] = [];
    for await (const item of client.listCustomers()) ids.push(item.id);
    expect(ids).toHaveLength(413);
    expect(server.received.map((request) => request.url)).toEqual([
      '/customers.json?page=1&per_page=200',
      '/customers.json?page=2&per_page=200',
      '/customers.json?page=3&per_page=200',
    ]);
  });

  it('stops with an error when the site ignores the page parameter', async () => {
    const { client } = await setUp(() => ({ status: 200, body: Array.from({ length: 200 }, (_, i) => ({ customer: { id: i } })) }));
    const listing = async () => {
      for await (const item of client.listCustomers()) void item;
    };
    await expect(listing()).rejects.toMatchObject({ kind: 'protocol' });
  });

  it('reads lists wrapped in an object', async () => {
    const { client } = await setUp(() => ({ status: 200, body: { price_points: [{ id: 1, handle: 'a' }, { id: 2, handle: 'b' }] } }));
    const handles: unknown[] = [];
    for await (const point of client.listProductPricePoints(3)) handles.push(point.handle);
    expect(handles).toEqual(['a', 'b']);
  });
});

describe('redaction', () => {
  it('never shows the API key or a full vault token in logs, errors or stacks', async () => {
    const token = 'tok_live_5555444433332222';
    const lines: string[] = [];
    const { client } = await setUp(
      () => ({ status: 422, body: { errors: [`Vault token ${token} is not valid for key ${API_KEY}`] } }),
      { logger: (line) => lines.push(line), debug: true },
    );
    const error = await caught(client.createPaymentProfile({ customer_id: 7, vault_token: token, current_vault: 'bogus' }, { naturalKey: 'payment_profiles:cust-7' }));
    const everything = [...lines, error.message, error.stack ?? '', JSON.stringify(error), ...error.messages].join('\n');
    expect(lines.length).toBeGreaterThan(0);
    expect(everything).toContain('****2222');
    expect(everything).not.toContain(token);
    expect(everything).not.toContain(API_KEY);
    expect(everything).not.toContain(Buffer.from(`${API_KEY}:x`).toString('base64'));
  });
});
