// ChartMogul's official Node client (chartmogul-node 3.x), unchanged but for its base URL and retries,
// drives the emulator through each endpoint it serves, over real HTTP: a party other than ourselves.
import ChartMogul from 'chartmogul-node';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startChartMogulSandbox, type RunningChartMogulSandbox } from '../../../../src/targets/chartmogul/sandbox/index.js';

const API_KEY = 'cm-test-key';
let sandbox: RunningChartMogulSandbox;
let config: InstanceType<typeof ChartMogul.Config>;
let clockMs = Date.parse('2026-03-01T12:00:00Z');

beforeEach(async () => {
  clockMs = Date.parse('2026-03-01T12:00:00Z');
  sandbox = await startChartMogulSandbox({ apiKey: API_KEY, now: () => new Date(clockMs) });
  config = new ChartMogul.Config(API_KEY, sandbox.baseUrl);
  // The client retries a 429 or 5xx for about fifteen minutes by default; a test wants the first answer.
  (config as { retries?: number }).retries = 0;
});

afterEach(async () => {
  await sandbox.close();
});

/**
 * The status and body a call is refused with, or a failure when it resolves. chartmogul-node 3.x rejects
 * an HTTP error with its HTTP library's error (`status`, `response.body`), not its own error classes.
 */
async function rejection(promise: Promise<unknown>): Promise<{ httpStatus: number; response: unknown }> {
  try {
    await promise;
  } catch (error) {
    return statusOf(error);
  }
  throw new Error('expected the call to fail');
}

function statusOf(error: unknown): { httpStatus: number; response: unknown } {
  const failure = error as { status?: number; httpStatus?: number; response?: { body?: unknown } };
  return { httpStatus: failure.status ?? failure.httpStatus ?? 0, response: failure.response?.body ?? failure.response };
}

async function dataSourceAndCustomer(): Promise<{ ds: string; customer: Record<string, unknown> }> {
  const ds = (await ChartMogul.DataSource.create(config, { name: 'Migrate' })) as { uuid: string };
  const customer = (await ChartMogul.Customer.create(config, { data_source_uuid: ds.uuid, external_id: 'C-1', name: 'Ada', email: 'ada@example.com', company: 'Analytical' })) as Record<string, unknown>;
  return { ds: ds.uuid, customer };
}

describe('the ChartMogul emulator driven by chartmogul-node', () => {
  it('answers ping and the account, and refuses a wrong key with 401', async () => {
    expect(await ChartMogul.Ping.ping(config)).toEqual({ data: 'pong!' });
    expect(await ChartMogul.Account.retrieve(config)).toMatchObject({ currency: 'USD', time_zone: 'UTC' });
    const wrong = new ChartMogul.Config('not-the-key', sandbox.baseUrl);
    (wrong as { retries?: number }).retries = 0;
    const error = await rejection(ChartMogul.Ping.ping(wrong));
    expect(error.httpStatus).toBe(401);
    expect(error.response).toEqual({ code: 401, message: 'No valid API key provided', param: null });
  });

  it('creates, lists (by name), reads and deletes data sources', async () => {
    const created = (await ChartMogul.DataSource.create(config, { name: 'Migrate' })) as { uuid: string; status: string };
    expect(created.uuid).toMatch(/^ds_/);
    expect(created.status).toBe('never_imported');
    await ChartMogul.DataSource.create(config, { name: 'Other' });
    const byName = (await ChartMogul.DataSource.all(config, { name: 'Migrate', with_processing_status: true })) as { data_sources: Array<Record<string, unknown>> };
    expect(byName.data_sources).toHaveLength(1);
    expect(byName.data_sources[0]).toMatchObject({ uuid: created.uuid, processing_status: { processed: 0, failed: 0, pending: 0 } });
    expect(await ChartMogul.DataSource.retrieve(config, created.uuid)).toMatchObject({ name: 'Migrate' });
    const duplicate = await rejection(ChartMogul.DataSource.create(config, { name: 'Migrate' }));
    expect(duplicate.httpStatus).toBe(422);
    const blank = await rejection(ChartMogul.DataSource.create(config, {}));
    expect(blank.response).toEqual({ errors: { name: 'A name is required for each data source.' } });
    await ChartMogul.DataSource.destroy(config, created.uuid);
    const gone = await rejection(ChartMogul.DataSource.retrieve(config, created.uuid));
    expect(gone.httpStatus).toBe(404);
    expect(gone.response).toEqual({ error: 'Data source not found' });
  });

  it('creates customers once per external_id and data source (422 after), reads, updates, finds, searches and deletes them', async () => {
    const { ds, customer } = await dataSourceAndCustomer();
    expect(customer).toMatchObject({ external_id: 'C-1', name: 'Ada', data_source_uuid: ds, mrr: 0 });
    const again = await rejection(ChartMogul.Customer.create(config, { data_source_uuid: ds, external_id: 'C-1' }));
    expect(again.httpStatus).toBe(422);
    expect(again.response).toEqual({ errors: { external_id: 'The external ID for this customer already exists in our system.' } });
    // The same external_id in another data source is another customer.
    const other = (await ChartMogul.DataSource.create(config, { name: 'Other' })) as { uuid: string };
    await ChartMogul.Customer.create(config, { data_source_uuid: other.uuid, external_id: 'C-1' });

    const uuid = String(customer.uuid);
    expect(await ChartMogul.Customer.retrieve(config, uuid)).toMatchObject({ email: 'ada@example.com' });
    expect(await ChartMogul.Customer.modify(config, uuid, { name: 'Ada L.' })).toMatchObject({ name: 'Ada L.' });
    const found = (await ChartMogul.Customer.all(config, { external_id: 'C-1', data_source_uuid: ds })) as { entries: Array<{ uuid: string }> };
    expect(found.entries.map((entry) => entry.uuid)).toEqual([uuid]);
    const searched = (await ChartMogul.Customer.search(config, { email: 'ada@example.com' })) as { entries: unknown[] };
    expect(searched.entries).toHaveLength(1);
    const none = await rejection(ChartMogul.Customer.search(config, { email: 'no@example.com' }));
    expect(none.httpStatus).toBe(404);
    await ChartMogul.Customer.destroy(config, uuid);
    expect((await rejection(ChartMogul.Customer.retrieve(config, uuid))).httpStatus).toBe(404);
  });

  it('deletes a data source with everything imported into it', async () => {
    const { ds, customer } = await dataSourceAndCustomer();
    const plan = (await ChartMogul.Plan.create(config, { data_source_uuid: ds, name: 'Monthly', interval_count: 1, interval_unit: 'month' })) as { uuid: string };
    const invoices = (await ChartMogul.Invoice.create(config, String(customer.uuid), {
      invoices: [{ external_id: 'INV-D', date: '2026-02-01', currency: 'USD', line_items: [{ type: 'one_time', amount_in_cents: 100 }] }],
    })) as { invoices: Array<{ uuid: string }> };
    await ChartMogul.DataSource.destroy(config, ds);
    expect((await rejection(ChartMogul.Customer.retrieve(config, String(customer.uuid)))).httpStatus).toBe(404);
    expect((await rejection(ChartMogul.Plan.retrieve(config, plan.uuid))).httpStatus).toBe(404);
    expect((await rejection(ChartMogul.Invoice.retrieve(config, invoices.invoices[0]!.uuid))).httpStatus).toBe(404);
    // The name is free again, and so are the external ids in the new data source.
    const again = (await ChartMogul.DataSource.create(config, { name: 'Migrate' })) as { uuid: string };
    expect(await ChartMogul.Customer.create(config, { data_source_uuid: again.uuid, external_id: 'C-1' })).toMatchObject({ external_id: 'C-1' });
  });

  it('pages customers with a cursor until has_more is false', async () => {
    const ds = (await ChartMogul.DataSource.create(config, { name: 'Migrate' })) as { uuid: string };
    for (let index = 1; index <= 5; index += 1) await ChartMogul.Customer.create(config, { data_source_uuid: ds.uuid, external_id: `C-${index}` });
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < 10; page += 1) {
      const answer = (await ChartMogul.Customer.all(config, { per_page: 2, ...(cursor ? { cursor } : {}) })) as { entries: Array<{ external_id: string }>; has_more: boolean; cursor: string };
      seen.push(...answer.entries.map((entry) => entry.external_id));
      if (!answer.has_more) break;
      cursor = answer.cursor;
    }
    expect(seen).toEqual(['C-1', 'C-2', 'C-3', 'C-4', 'C-5']);
  });

  it('finds a data source\'s customers, plans and invoices by external id, and pages its customers (the lookups the migrate client makes)', async () => {
    const { ds, customer } = await dataSourceAndCustomer();
    const other = (await ChartMogul.DataSource.create(config, { name: 'Other' })) as { uuid: string };
    await ChartMogul.Customer.create(config, { data_source_uuid: other.uuid, external_id: 'C-2' });
    await ChartMogul.Customer.create(config, { data_source_uuid: ds, external_id: 'C-2' });
    await ChartMogul.Customer.create(config, { data_source_uuid: ds, external_id: 'C-3' });
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < 10; page += 1) {
      const answer = (await ChartMogul.Customer.all(config, { data_source_uuid: ds, per_page: 2, ...(cursor ? { cursor } : {}) })) as { entries: Array<{ external_id: string }>; has_more: boolean; cursor: string };
      seen.push(...answer.entries.map((entry) => entry.external_id));
      if (!answer.has_more) break;
      cursor = answer.cursor;
    }
    expect(seen).toEqual(['C-1', 'C-2', 'C-3']);

    const plan = (await ChartMogul.Plan.create(config, { data_source_uuid: ds, name: 'Gold', interval_count: 1, interval_unit: 'month', external_id: 'gold' })) as { uuid: string };
    await ChartMogul.Plan.create(config, { data_source_uuid: other.uuid, name: 'Gold', interval_count: 1, interval_unit: 'month', external_id: 'gold' });
    const plans = (await ChartMogul.Plan.all(config, { data_source_uuid: ds, external_id: 'gold', per_page: 200 })) as { plans: Array<{ uuid: string }> };
    expect(plans.plans.map((found) => found.uuid)).toEqual([plan.uuid]);
    expect(((await ChartMogul.Plan.all(config, { data_source_uuid: ds, external_id: 'silver' })) as { plans: unknown[] }).plans).toEqual([]);

    const imported = (await ChartMogul.Invoice.create(config, String(customer.uuid), {
      invoices: [{ external_id: 'INV-F', date: '2026-02-01', currency: 'USD', line_items: [{ type: 'one_time', amount_in_cents: 100 }] }],
    })) as { invoices: Array<{ uuid: string }> };
    const invoices = (await ChartMogul.Invoice.all(config, { data_source_uuid: ds, external_id: 'INV-F', per_page: 200 })) as { invoices: Array<{ uuid: string; customer_uuid: string }> };
    expect(invoices.invoices).toEqual([expect.objectContaining({ uuid: imported.invoices[0]!.uuid, customer_uuid: customer.uuid })]);
    expect(((await ChartMogul.Invoice.all(config, { data_source_uuid: other.uuid, external_id: 'INV-F' })) as { invoices: unknown[] }).invoices).toEqual([]);
  });

  it('keeps tags and custom attributes', async () => {
    const { customer } = await dataSourceAndCustomer();
    const uuid = String(customer.uuid);
    expect(await ChartMogul.Tag.add(config, uuid, { tags: ['vip', 'eu'] })).toEqual({ tags: ['vip', 'eu'] });
    expect(await ChartMogul.Tag.remove(config, uuid, { tags: ['eu'] })).toEqual({ tags: ['vip'] });
    expect(await ChartMogul.CustomAttribute.add(config, uuid, { custom: [{ type: 'String', key: 'channel', value: 'web' }] })).toEqual({ custom: { channel: 'web' } });
    expect(await ChartMogul.CustomAttribute.update(config, uuid, { custom: { channel: 'shop' } })).toEqual({ custom: { channel: 'shop' } });
    expect(await ChartMogul.Customer.attributes(config, uuid)).toMatchObject({ tags: ['vip'], custom: { channel: 'shop' } });
  });

  it('merges a customer into another: its invoices, tags and external id go with it', async () => {
    const { ds, customer } = await dataSourceAndCustomer();
    const into = String(customer.uuid);
    const from = (await ChartMogul.Customer.create(config, { data_source_uuid: ds, external_id: 'C-2', attributes: { tags: ['old'] } })) as { uuid: string };
    const plan = (await ChartMogul.Plan.create(config, { data_source_uuid: ds, name: 'Monthly', interval_count: 1, interval_unit: 'month' })) as { uuid: string };
    await ChartMogul.Invoice.create(config, from.uuid, {
      invoices: [{ external_id: 'INV-M', date: '2026-02-01', currency: 'USD', line_items: [{ type: 'subscription', subscription_external_id: 'S-M', plan_uuid: plan.uuid, service_period_start: '2026-02-01', service_period_end: '2026-03-01', amount_in_cents: 4900 }] }],
    });
    expect(await ChartMogul.Customer.merge(config, { from: { customer_uuid: from.uuid }, into: { customer_uuid: into } })).toEqual({});
    expect((await rejection(ChartMogul.Customer.retrieve(config, from.uuid))).httpStatus).toBe(404);
    expect(await ChartMogul.Customer.retrieve(config, into)).toMatchObject({ external_ids: ['C-1', 'C-2'], mrr: 4900, attributes: { tags: ['old'] } });
    const byOldId = (await ChartMogul.Customer.all(config, { external_id: 'C-2' })) as { entries: Array<{ uuid: string }> };
    expect(byOldId.entries.map((entry) => entry.uuid)).toEqual([into]);
    // The merged external id is still taken in its data source.
    expect((await rejection(ChartMogul.Customer.create(config, { data_source_uuid: ds, external_id: 'C-2' }))).httpStatus).toBe(422);
  });

  it('creates, lists, reads, updates and deletes plans', async () => {
    const ds = (await ChartMogul.DataSource.create(config, { name: 'Migrate' })) as { uuid: string };
    const plan = (await ChartMogul.Plan.create(config, { data_source_uuid: ds.uuid, name: 'Gold', interval_count: 1, interval_unit: 'year', external_id: 'gold' })) as { uuid: string };
    expect(plan.uuid).toMatch(/^pl_/);
    const duplicate = await rejection(ChartMogul.Plan.create(config, { data_source_uuid: ds.uuid, name: 'Gold', interval_count: 1, interval_unit: 'year', external_id: 'gold' }));
    // The message chartmogul-go's IsAlreadyExists recognises.
    expect(duplicate).toEqual({ httpStatus: 422, response: { errors: { external_id: 'A plan with this identifier already exists in our system.' } } });
    const listed = (await ChartMogul.Plan.all(config, { data_source_uuid: ds.uuid })) as { plans: unknown[] };
    expect(listed.plans).toHaveLength(1);
    expect(await ChartMogul.Plan.modify(config, plan.uuid, { name: 'Gold annual' })).toMatchObject({ name: 'Gold annual' });
    expect(await ChartMogul.Plan.retrieve(config, plan.uuid)).toMatchObject({ name: 'Gold annual', interval_unit: 'year' });
    await ChartMogul.Plan.destroy(config, plan.uuid);
    expect((await rejection(ChartMogul.Plan.retrieve(config, plan.uuid))).httpStatus).toBe(404);
  });

  it('imports invoices, shows subscriptions and MRR only once processed, and deletes a customer\'s invoices', async () => {
    await sandbox.close();
    sandbox = await startChartMogulSandbox({ apiKey: API_KEY, now: () => new Date(clockMs), processingDelayMs: 60_000 });
    config = new ChartMogul.Config(API_KEY, sandbox.baseUrl);
    (config as { retries?: number }).retries = 0;
    const { ds, customer } = await dataSourceAndCustomer();
    const uuid = String(customer.uuid);
    const plan = (await ChartMogul.Plan.create(config, { data_source_uuid: ds, name: 'Gold annual', interval_count: 1, interval_unit: 'year' })) as { uuid: string };
    const imported = (await ChartMogul.Invoice.create(config, uuid, {
      invoices: [
        {
          external_id: 'INV-1',
          date: '2026-02-24 00:00:00',
          currency: 'USD',
          line_items: [
            // 1200.00 a year less a 120.00 discount, plus 10% tax: amount_in_cents (after discount, with tax)
            // 1188.00, of which 108.00 tax; ChartMogul's MRR = (amount − tax) / 12 = (1188 − 108) / 12 = 90.00.
            { type: 'subscription', subscription_external_id: 'S-1', plan_uuid: plan.uuid, service_period_start: '2026-02-24', service_period_end: '2027-02-24', amount_in_cents: 118800, discount_amount_in_cents: 12000, tax_amount_in_cents: 10800, quantity: 1 },
            // A one-time setup fee: never MRR.
            { type: 'one_time', amount_in_cents: 5000, description: 'Setup' },
          ],
          transactions: [{ type: 'payment', date: '2026-02-24', result: 'successful' }],
        },
      ],
    })) as { invoices: Array<{ uuid: string; line_items: unknown[] }> };
    expect(imported.invoices[0]!.line_items).toHaveLength(2);
    const twice = await rejection(ChartMogul.Invoice.create(config, uuid, { invoices: [{ external_id: 'INV-1', date: '2026-02-24', currency: 'USD', line_items: [{ type: 'one_time', amount_in_cents: 1 }] }] }));
    expect(twice.httpStatus).toBe(422);

    // Pending: nothing to see yet, and the data source says so.
    const pending = (await ChartMogul.DataSource.retrieve(config, ds, { with_processing_status: true })) as { status: string; processing_status: { pending: number } };
    expect(pending).toMatchObject({ status: 'importing', processing_status: { pending: 1 } });
    expect(((await ChartMogul.Metrics.Customer.subscriptions(config, uuid)) as { entries: unknown[] }).entries).toEqual([]);

    clockMs += 60_000;
    const processed = (await ChartMogul.DataSource.retrieve(config, ds, { with_processing_status: true })) as { status: string; processing_status: { processed: number } };
    expect(processed).toMatchObject({ status: 'idle', processing_status: { processed: 1, pending: 0 } });
    const metrics = (await ChartMogul.Metrics.Customer.subscriptions(config, uuid, { per_page: 200 })) as { entries: Array<{ external_id: string; mrr: number; plan: string }> };
    expect(metrics.entries).toEqual([expect.objectContaining({ external_id: 'S-1', mrr: 9000, plan: 'Gold annual' })]);
    const subscriptions = (await ChartMogul.Subscription.all(config, uuid)) as { subscriptions: Array<{ external_id: string }> };
    expect(subscriptions.subscriptions.map((subscription) => subscription.external_id)).toEqual(['S-1']);
    expect(await ChartMogul.Customer.retrieve(config, uuid)).toMatchObject({ mrr: 9000 });

    const listed = (await ChartMogul.Invoice.all(config, uuid)) as { invoices: unknown[] };
    expect(listed.invoices).toHaveLength(1);
    expect(await ChartMogul.Invoice.retrieve(config, imported.invoices[0]!.uuid)).toMatchObject({ external_id: 'INV-1', customer_uuid: uuid });
    await ChartMogul.Invoice.destroyAll(config, ds, uuid);
    expect(((await ChartMogul.Invoice.all(config, uuid)) as { invoices: unknown[] }).invoices).toEqual([]);
  });

  it('adds a transaction to an imported invoice and cancels a subscription (MRR 0 from its date)', async () => {
    const { ds, customer } = await dataSourceAndCustomer();
    const uuid = String(customer.uuid);
    const plan = (await ChartMogul.Plan.create(config, { data_source_uuid: ds, name: 'Monthly', interval_count: 1, interval_unit: 'month' })) as { uuid: string };
    const imported = (await ChartMogul.Invoice.create(config, uuid, {
      invoices: [{ external_id: 'INV-T', date: '2026-02-01', currency: 'EUR', line_items: [{ type: 'subscription', subscription_external_id: 'S-T', plan_uuid: plan.uuid, service_period_start: '2026-02-01', service_period_end: '2026-03-01', amount_in_cents: 2500 }] }],
    })) as { invoices: Array<{ uuid: string; line_items: Array<{ subscription_uuid: string }> }> };
    const invoice = imported.invoices[0]!;
    const transaction = await ChartMogul.Transaction.create(config, invoice.uuid, { type: 'payment', date: '2026-02-02 10:00:00 +0200', result: 'successful', external_id: 'TR-1', amount_in_cents: 2500 });
    expect(transaction).toMatchObject({ external_id: 'TR-1', date: '2026-02-02T08:00:00.000Z', result: 'successful' });
    expect((await rejection(ChartMogul.Transaction.create(config, invoice.uuid, { type: 'payment', date: '2026-02-02', result: 'successful', external_id: 'TR-1' }))).httpStatus).toBe(422);
    expect(await ChartMogul.Invoice.retrieve(config, invoice.uuid)).toMatchObject({ transactions: [expect.objectContaining({ external_id: 'TR-1' })] });

    const subscription = invoice.line_items[0]!.subscription_uuid;
    expect(await ChartMogul.Subscription.modify(config, subscription, { cancellation_dates: ['2026-02-15'] })).toMatchObject({ uuid: subscription, cancellation_dates: ['2026-02-15T00:00:00.000Z'], customer_uuid: uuid });
    const cancelled = (await ChartMogul.Metrics.Customer.subscriptions(config, uuid)) as { entries: Array<{ mrr: number; currency: string }> };
    expect(cancelled.entries).toEqual([expect.objectContaining({ mrr: 0, currency: 'EUR' })]);
    // An empty list takes the cancellation back.
    await ChartMogul.Subscription.modify(config, subscription, { cancellation_dates: [] });
    expect(await ChartMogul.Customer.retrieve(config, uuid)).toMatchObject({ mrr: 2500 });
  });

  it('answers 429 past the rate limit', async () => {
    await sandbox.close();
    sandbox = await startChartMogulSandbox({ apiKey: API_KEY, rateLimit: 3 });
    config = new ChartMogul.Config(API_KEY, sandbox.baseUrl);
    (config as { retries?: number }).retries = 0;
    const answers = await Promise.allSettled(Array.from({ length: 6 }, () => ChartMogul.Ping.ping(config)));
    const refused = answers.filter((answer) => answer.status === 'rejected').map((answer) => statusOf((answer as PromiseRejectedResult).reason));
    // Six requests within one second against a limit of three (the test runs well under a second; if it
    // ever straddles a window boundary, more pass, never fewer than three).
    expect(refused.length).toBeGreaterThan(0);
    expect(refused.every((error) => error.httpStatus === 429)).toBe(true);
  });
});
