// The client against the real sandbox over HTTP, with its fault injection: whatever drops, stalls or
// fails, every create ends with exactly one object on the site — never a duplicate, never a loss.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { startSandbox } from '../../../../src/targets/advanced-billing/sandbox/index.js';
import { ApiError } from '../../../../src/targets/advanced-billing/client/api-error.js';
import { ChargifyClient } from '../../../../src/targets/advanced-billing/client/client.js';
import type { ClientOptions } from '../../../../src/targets/advanced-billing/client/transport.js';
import type { JsonObject } from '../../../../src/targets/advanced-billing/api.js';
import { loadRequestContract, specMissingReason } from '../../helpers/request-contract.js';
import { recordRequests } from '../../helpers/record-requests.js';

type SandboxOptions = Parameters<typeof startSandbox>[0];
const API_KEY = 'sandbox-test-key-0123456789';
const quick: ClientOptions = { backoffBaseMs: 5, throttlePauseMs: 5, backoffMaxMs: 50, retryAfterMaxMs: 50, maxRetries: 12 };

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const recorder = recordRequests();
afterAll(() => {
  recorder.stop();
  if (specMissingReason !== undefined) return;
  // Every body sent to the sandbox in this file also satisfies the vendor's request schemas.
  const contract = loadRequestContract();
  const problems = recorder.requests.flatMap((request) => contract.problems(request.method, request.path, request.body));
  expect(problems).toEqual([]);
});

async function sandboxWith(options: Partial<NonNullable<SandboxOptions>> = {}) {
  const dataDir = await mkdtemp(join(tmpdir(), 'client-sandbox-'));
  const sandbox = await startSandbox({ port: 0, host: '127.0.0.1', dataDir, apiKey: API_KEY, ...options });
  cleanups.push(async () => {
    await sandbox.close();
    await rm(dataDir, { recursive: true, force: true });
  });
  return sandbox;
}

function clientFor(baseUrl: string, options: ClientOptions = {}, apiKey = API_KEY): ChargifyClient {
  const client = new ChargifyClient({ name: 'sandbox', baseUrl, apiKey }, { ...quick, ...options });
  cleanups.push(() => client.close());
  return client;
}

const customerAttrs = (reference: string): JsonObject => ({
  first_name: 'Ada',
  last_name: `Lovelace ${reference}`,
  email: `${reference}@example.com`,
  reference,
});
const createCustomer = (client: ChargifyClient, reference: string) =>
  client.createCustomer(customerAttrs(reference), { naturalKey: `customers-advanced:${reference}` });

async function allCustomers(baseUrl: string): Promise<JsonObject[]> {
  const reader = clientFor(baseUrl);
  const customers: JsonObject[] = [];
  for await (const customer of reader.listCustomers()) customers.push(customer);
  return customers;
}

/** Exactly one site customer per reference, and it is the one each create answered. */
async function expectExactlyOnce(baseUrl: string, created: JsonObject[], references: string[]): Promise<void> {
  const customers = await allCustomers(baseUrl);
  expect(customers.map((customer) => customer.reference).sort()).toEqual([...references].sort());
  const idByReference = new Map(customers.map((customer) => [customer.reference, customer.id]));
  for (const object of created) expect(object.id).toBe(idByReference.get(object.reference));
}

async function subscriptionFor(client: ChargifyClient): Promise<number> {
  const family = await client.createProductFamily({ name: 'Plans', handle: 'plans' }, { naturalKey: 'pf:plans' });
  await client.createProduct(Number(family.id), { name: 'Gold', handle: 'gold', description: 'Gold', price_in_cents: 1000, interval: 1, interval_unit: 'month' }, { naturalKey: 'p:gold' });
  const customer = await createCustomer(client, 'owner');
  const subscription = await client.createSubscription({ product_handle: 'gold', customer_id: Number(customer.id), reference: 'owner-gold' }, { naturalKey: 's:owner-gold' });
  return Number(subscription.id);
}

describe('client against the sandbox', () => {
  it('authenticates, wraps and unwraps root keys, and reads the site', async () => {
    const sandbox = await sandboxWith();
    const client = clientFor(sandbox.baseUrl);
    const site = await client.readSite();
    expect(site.mode).toBe('test');
    // The sandbox-only field that tells two sandboxes apart reaches the caller; a real site has none.
    expect(site.sandboxInstance).toBe(sandbox.instance);
    const customer = await createCustomer(client, 'cust-1');
    expect(customer).toMatchObject({ reference: 'cust-1', first_name: 'Ada' });
    expect(await client.findCustomerByReference('cust-1')).toMatchObject({ id: customer.id });
    expect(await client.findCustomerByReference('nobody')).toBeUndefined();
    const wrongKey = clientFor(sandbox.baseUrl, {}, 'not-the-key');
    await expect(wrongKey.readSite()).rejects.toMatchObject({ kind: 'auth', status: 401 });
  });

  it('pages through more than one page of customers', async () => {
    const sandbox = await sandboxWith();
    const client = clientFor(sandbox.baseUrl);
    const references = Array.from({ length: 230 }, (_, i) => `page-${i}`);
    await Promise.all(references.map((reference) => createCustomer(client, reference)));
    expect((await allCustomers(sandbox.baseUrl)).length).toBe(230);
  });

  it('a connection dropped after the commit leaves exactly one object', async () => {
    const sandbox = await sandboxWith({ faults: { dropAfterCommit: 1 } });
    const client = clientFor(sandbox.baseUrl);
    const references = ['drop-1', 'drop-2', 'drop-3'];
    const created = await Promise.all(references.map((reference) => createCustomer(client, reference)));
    await expectExactlyOnce(sandbox.baseUrl, created, references);
  });

  it('a write stalled past the timeout leaves exactly one object', async () => {
    const sandbox = await sandboxWith({ faults: { stallAfterCommit: 1, stallMs: 4000 } });
    const client = clientFor(sandbox.baseUrl, { timeoutMs: 300 });
    const references = ['stall-1', 'stall-2'];
    const created = await Promise.all(references.map((reference) => createCustomer(client, reference)));
    await expectExactlyOnce(sandbox.baseUrl, created, references);
  });

  it('500s, 502s and 503s on creates leave exactly one object each', async () => {
    const sandbox = await sandboxWith({ faults: { errorRate: 0.5 } });
    const client = clientFor(sandbox.baseUrl);
    const references = Array.from({ length: 12 }, (_, i) => `err-${i}`);
    const created = await Promise.all(references.map((reference) => createCustomer(client, reference)));
    await expectExactlyOnce(sandbox.baseUrl, created, references);
  });

  it('a new process resuming after a crash gets 409 and finds the object, not a second one', async () => {
    const sandbox = await sandboxWith({ faults: { dropAfterCommit: 1 } });
    const crashed = clientFor(sandbox.baseUrl, { maxRetries: 0 });
    await expect(createCustomer(crashed, 'crash-1')).rejects.toBeInstanceOf(ApiError);
    await crashed.close();
    const resumed = clientFor(sandbox.baseUrl);
    const found = await createCustomer(resumed, 'crash-1');
    await expectExactlyOnce(sandbox.baseUrl, [found], ['crash-1']);
  });

  it('re-imports a row erased within the hour: created again, once', async () => {
    const sandbox = await sandboxWith();
    const client = clientFor(sandbox.baseUrl);
    const first = await createCustomer(client, 'again-1');
    await client.deleteCustomer(Number(first.id));
    const second = await createCustomer(client, 'again-1');
    expect(second.id).not.toBe(first.id);
    await expectExactlyOnce(sandbox.baseUrl, [second], ['again-1']);
  });

  it('refuses to guess when a repeated create without a unique key finds nothing', async () => {
    const sandbox = await sandboxWith();
    const client = clientFor(sandbox.baseUrl);
    const subscription = { id: await subscriptionFor(client) };
    const invoice = { issue_date: '2026-10-01', line_items: [{ title: 'October', quantity: '1', unit_price: '10.00' }] };
    const intent = { naturalKey: 'invoices:INV-1', lookup: async () => undefined };
    await client.createInvoice(Number(subscription.id), invoice, intent);
    await expect(client.createInvoice(Number(subscription.id), invoice, intent)).rejects.toMatchObject({ kind: 'conflict', status: 409 });
    const invoices: JsonObject[] = [];
    for await (const item of client.listInvoices()) invoices.push(item);
    expect(invoices).toHaveLength(1);
  });

  it('N invoices — no site-side uniqueness to fall back on — under a random fault mix: exactly N', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          errorRate: fc.double({ min: 0, max: 0.3, noNaN: true }),
          dropAfterCommit: fc.double({ min: 0.15, max: 0.4, noNaN: true }),
          stallAfterCommit: fc.double({ min: 0, max: 0.05, noNaN: true }),
        }),
        fc.integer({ min: 5, max: 20 }),
        async (faults, count) => {
          const sandbox = await sandboxWith();
          const client = clientFor(sandbox.baseUrl, { timeoutMs: 250 });
          const subscriptionId = await subscriptionFor(client);
          sandbox.setFaults({ ...faults, stallMs: 2000 });
          const invoices = async (): Promise<JsonObject[]> => {
            const all: JsonObject[] = [];
            for await (const invoice of client.listInvoices()) all.push(invoice);
            return all;
          };
          const memos = Array.from({ length: count }, (_, i) => `migrated invoice ${i}`);
          await Promise.all(
            memos.map((memo) =>
              client.createInvoice(subscriptionId, { issue_date: '2026-10-01', memo, line_items: [{ title: 'October', quantity: '1', unit_price: '10.00' }] }, {
                naturalKey: `invoices:${memo}`,
                lookup: async () => (await invoices()).find((invoice) => invoice.memo === memo),
              }),
            ),
          );
          sandbox.setFaults({});
          expect((await invoices()).map((invoice) => invoice.memo).sort()).toEqual([...memos].sort());
        },
      ),
      { numRuns: 3 },
    );
  });

  it('N creates under a random fault mix finish with exactly N objects', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          errorRate: fc.double({ min: 0, max: 0.3, noNaN: true }),
          rateLimitRate: fc.double({ min: 0, max: 0.1, noNaN: true }),
          dropAfterCommit: fc.double({ min: 0, max: 0.3, noNaN: true }),
          stallAfterCommit: fc.double({ min: 0, max: 0.05, noNaN: true }),
        }),
        fc.integer({ min: 5, max: 25 }),
        async (faults, count) => {
          const sandbox = await sandboxWith({ faults: { ...faults, stallMs: 2000 } });
          const client = clientFor(sandbox.baseUrl, { timeoutMs: 250 });
          const references = Array.from({ length: count }, (_, i) => `mix-${i}`);
          const created = await Promise.all(references.map((reference) => createCustomer(client, reference)));
          await expectExactlyOnce(sandbox.baseUrl, created, references);
        },
      ),
      { numRuns: 4 },
    );
  });
});
