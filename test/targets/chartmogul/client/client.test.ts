// ChartMogulClient against the ChartMogul emulator over real HTTP: every ChartMogulApi method, the
// cursor walk past a page of 200, lookups by external id and exact name, 404 reads as undefined.
import { describe, expect, it } from 'vitest';
import { harness } from './setup.js';

/** Fast enough that hundreds of setup calls take well under a second; the pace is tested in pacing.test.ts. */
const UNPACED = { emulator: { rateLimit: 100_000 }, client: { requestsPerSecond: 100_000 } };

describe('ChartMogulClient against the emulator', () => {
  it('pings and reads the account', async () => {
    const { client } = await harness();
    await client.ping();
    expect(await client.readAccount()).toEqual({ name: 'Migrate ChartMogul Emulator', currency: 'USD', timeZone: 'UTC' });
  });

  it('creates, finds (by exact name only), reads with processing status and deletes a data source', async () => {
    const { client } = await harness();
    const created = await client.createDataSource('Migrate');
    expect(created).toMatchObject({ name: 'Migrate', status: 'never_imported' });
    await client.createDataSource('Migrate 2');
    expect(await client.findDataSource('Migrate')).toEqual({ ...created, processingStatus: { processed: 0, failed: 0, pending: 0 } });
    expect(await client.findDataSource('migrate')).toBeUndefined();
    expect(await client.findDataSource('Migr')).toBeUndefined();
    expect(await client.readDataSource(created.uuid)).toMatchObject({ uuid: created.uuid, processingStatus: { pending: 0 } });
    await client.deleteDataSource(created.uuid);
    expect(await client.readDataSource(created.uuid)).toBeUndefined();
    expect(await client.findDataSource('Migrate')).toBeUndefined();
  });

  it('creates, finds, reads, updates and deletes customers, and keeps their custom attributes', async () => {
    const { client } = await harness();
    const ds = await client.createDataSource('Migrate');
    const customer = await client.createCustomer({ data_source_uuid: ds.uuid, external_id: 'C-1', name: 'Ada', email: 'ada@example.com' });
    const uuid = String(customer.uuid);
    expect(customer).toMatchObject({ external_id: 'C-1', name: 'Ada' });
    expect(await client.findCustomer(ds.uuid, 'C-1')).toMatchObject({ uuid });
    expect(await client.findCustomer(ds.uuid, 'C-2')).toBeUndefined();
    expect(await client.readCustomer(uuid)).toMatchObject({ email: 'ada@example.com' });
    expect(await client.updateCustomer(uuid, { name: 'Ada L.' })).toMatchObject({ uuid, name: 'Ada L.' });
    await client.setCustomAttributes(uuid, { channel: 'web', tier: 'gold' });
    await client.setCustomAttributes(uuid, { channel: 'shop' });
    expect(await client.customAttributes(uuid)).toEqual({ channel: 'shop', tier: 'gold' });
    await client.deleteCustomer(uuid);
    expect(await client.readCustomer(uuid)).toBeUndefined();
    expect(await client.findCustomer(ds.uuid, 'C-1')).toBeUndefined();
  });

  it('lists every customer of a data source across pages (cursor, has_more), and only that data source\'s', async () => {
    const { client } = await harness(UNPACED);
    const ds = await client.createDataSource('Migrate');
    const other = await client.createDataSource('Other');
    await client.createCustomer({ data_source_uuid: other.uuid, external_id: 'X-1' });
    const ids = Array.from({ length: 203 }, (_, index) => `C-${index + 1}`);
    await Promise.all(ids.map((id) => client.createCustomer({ data_source_uuid: ds.uuid, external_id: id })));
    const seen: string[] = [];
    for await (const customer of client.listCustomers(ds.uuid)) seen.push(String(customer.external_id));
    expect(seen.sort()).toEqual([...ids].sort());
  });

  it('creates and finds plans, imports, finds, reads and deletes invoices, and reads subscriptions with MRR', async () => {
    const { client } = await harness();
    const ds = await client.createDataSource('Migrate');
    const customer = await client.createCustomer({ data_source_uuid: ds.uuid, external_id: 'C-1' });
    const uuid = String(customer.uuid);
    const plan = await client.createPlan({ data_source_uuid: ds.uuid, external_id: 'gold', name: 'Gold', interval_count: 1, interval_unit: 'month' });
    expect(await client.findPlan(ds.uuid, 'gold')).toEqual(plan);
    expect(await client.findPlan(ds.uuid, 'silver')).toBeUndefined();
    const invoice = await client.importInvoice(uuid, {
      external_id: 'INV-1',
      date: '2026-02-01',
      currency: 'USD',
      line_items: [{ type: 'subscription', subscription_external_id: 'S-1', plan_uuid: String(plan.uuid), service_period_start: '2026-02-01', service_period_end: '2026-03-01', amount_in_cents: 4900 }],
    });
    expect(invoice).toMatchObject({ external_id: 'INV-1' });
    expect(await client.findInvoice(ds.uuid, 'INV-1')).toMatchObject({ uuid: invoice.uuid, customer_uuid: uuid });
    expect(await client.findInvoice(ds.uuid, 'INV-2')).toBeUndefined();
    expect(await client.readInvoice(String(invoice.uuid))).toMatchObject({ external_id: 'INV-1' });
    expect(await client.readDataSource(ds.uuid)).toMatchObject({ status: 'idle', processingStatus: { processed: 1, pending: 0 } });
    expect(await client.customerSubscriptions(uuid)).toEqual([expect.objectContaining({ external_id: 'S-1', mrr: 4900, plan: 'Gold' })]);
    await client.deleteCustomerInvoices(ds.uuid, uuid);
    expect(await client.readInvoice(String(invoice.uuid))).toBeUndefined();
    expect(await client.customerSubscriptions(uuid)).toEqual([]);
  });

  it('reads every subscription of a customer across pages', async () => {
    const { client } = await harness();
    const ds = await client.createDataSource('Migrate');
    const customer = await client.createCustomer({ data_source_uuid: ds.uuid, external_id: 'C-1' });
    const plan = await client.createPlan({ data_source_uuid: ds.uuid, external_id: 'p', name: 'Monthly', interval_count: 1, interval_unit: 'month' });
    const count = 205;
    const line = (index: number): Record<string, string | number> => ({
      type: 'subscription',
      subscription_external_id: `S-${index}`,
      plan_uuid: String(plan.uuid),
      service_period_start: '2026-02-01',
      service_period_end: '2026-03-01',
      amount_in_cents: 100,
    });
    await client.importInvoice(String(customer.uuid), { external_id: 'INV-1', date: '2026-02-01', currency: 'USD', line_items: Array.from({ length: count }, (_, index) => line(index)) });
    const subscriptions = await client.customerSubscriptions(String(customer.uuid));
    expect(new Set(subscriptions.map((subscription) => subscription.external_id)).size).toBe(count);
  });

  it('a 202 or 204 without a body is a success', async () => {
    const { client, lines } = await harness();
    const ds = await client.createDataSource('Migrate');
    await client.deleteDataSource(ds.uuid);
    expect(lines.at(-1)).toMatch(/^DELETE \/v1\/data_sources\/ds_\S+ 204 \d+ms$/);
  });
});
