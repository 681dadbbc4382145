// The whole sample template set (fixtures/sample) imported into the real sandbox over HTTP through
// the real client: every row becomes its objects, every request satisfies the vendor's spec, the
// renewal previews match the template's expected renewals, and `find` sees every object again.
import { readFile, readdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SourceRow, StepOutcome } from '../../../../src/plan/operation.js';
import { startSandbox, type RunningSandbox } from '../../../../src/targets/advanced-billing/sandbox/index.js';
import { ChargifyClient } from '../../../../src/targets/advanced-billing/client/client.js';
import { recordRequests } from '../../helpers/record-requests.js';
import { CATALOG } from './catalog-rows.js';
import { type HandledOperation, SimpleResolver, mapRows, rowFrom, rowsOf, runSteps, stepsOf } from './harness.js';
import { contract } from './spec-check.js';

const SAMPLE = fileURLToPath(new URL('../../../../fixtures/sample/', import.meta.url));
const KIND_OF_FILE: Record<string, string> = {
  'product-families.csv': 'product-families',
  'products.csv': 'products',
  'components.csv': 'components',
  'coupons.csv': 'coupons',
  'ebb-segments.csv': 'ebb-segments',
  'customers-advanced.csv': 'customers-advanced',
  'subscriptions-standard.csv': 'subscriptions-standard',
  'subscriptions-custom-pricing.csv': 'subscriptions-standard-custom-pricing',
  'subscriptions-advanced.csv': 'subscriptions-advanced',
  'invoices.csv': 'invoices',
};

const API_KEY = 'steps-test-key-0123456789';
let sandbox: RunningSandbox;
let client: ChargifyClient;
const recorder = recordRequests();
const files = new Map<string, SourceRow[]>();
let steps: HandledOperation[] = [];
let outcomes: Map<string, StepOutcome>;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, host: '127.0.0.1', apiKey: API_KEY });
  client = new ChargifyClient({ name: 'sandbox', baseUrl: sandbox.baseUrl, apiKey: API_KEY }, { backoffBaseMs: 5, throttlePauseMs: 5, backoffMaxMs: 50 });
  for (const name of (await readdir(SAMPLE)).sort()) {
    const kind = KIND_OF_FILE[name];
    if (kind) files.set(kind, rowsOf(kind, await readFile(`${SAMPLE}${name}`, 'utf8'), name));
  }
  const seen = new Set<string>();
  for (const kind of Object.values(KIND_OF_FILE)) {
    for (const entry of mapRows(files.get(kind) ?? [])) {
      if (entry.error) throw new Error(`${entry.row.file} row ${entry.row.row}: ${entry.error.message}`);
      for (const step of entry.steps) if (!seen.has(step.naturalKey) && seen.add(step.naturalKey)) steps.push(step);
    }
  }
  outcomes = await runSteps(client, steps);
});

afterAll(async () => {
  recorder.stop();
  // Every request this file sent (sample, catalog, groups and custom fields) satisfies the vendor's request schemas.
  const spec = contract();
  if (spec) expect(recorder.requests.filter((request) => request.method !== 'GET').flatMap((request) => spec.problems(request.method, request.path, request.body))).toEqual([]);
  await client?.close();
  await sandbox?.close();
});

describe('the sample templates against the sandbox', () => {
  it('import every row, each object linked on the site', () => {
    expect(steps.length).toBeGreaterThan(30);
    for (const step of steps) {
      const outcome = outcomes.get(step.naturalKey)!;
      expect(outcome.link.startsWith(`${sandbox.baseUrl}/`), step.naturalKey).toBe(true);
    }
  });

  it('link every object to a page the site answers', async () => {
    const links = [...new Set([...outcomes.values()].map((outcome) => outcome.link))];
    const failures: string[] = [];
    for (const link of links) {
      const response = await fetch(link, { headers: { authorization: `Basic ${Buffer.from(`${API_KEY}:x`).toString('base64')}` } });
      if (response.status !== 200) failures.push(`${link}: ${response.status}`);
      await response.arrayBuffer();
    }
    expect(failures).toEqual([]);
  });

  it.skipIf(contract() === undefined)('are checked against a spec that refuses bad payloads (a price as a decimal string)', () => {
    expect(contract()!.problems('POST', '/product_families/1/products.json', { product: { name: 'x', description: '', price_in_cents: '10.00', interval: 1, interval_unit: 'month' } })).not.toEqual([]);
  });

  it('send only requests the vendor spec accepts', () => {
    const spec = contract();
    if (!spec) return;
    const writes = recorder.requests.filter((request) => request.method !== 'GET');
    expect(writes.length).toBeGreaterThan(30);
    expect(writes.flatMap((request) => spec.problems(request.method, request.path, request.body))).toEqual([]);
  });

  it('never send a full vault token anywhere but the create call, nor keep one in applied', () => {
    for (const outcome of outcomes.values()) expect(JSON.stringify(outcome.applied ?? {})).not.toMatch(/tok_[a-z]+_\d{3,}/);
  });

  it('write ChargifyNextRenewal equal to the expected renewal of every subscription row but the deliberate mismatch', () => {
    const rows = ['subscriptions-standard', 'subscriptions-standard-custom-pricing', 'subscriptions-advanced'].flatMap((kind) => files.get(kind) ?? []);
    expect(rows.length).toBeGreaterThan(5);
    const subscriptionSteps = steps.filter((step) => step.type === 'subscription');
    const mismatches = rows.flatMap((row) => {
      const step = subscriptionSteps.find((candidate) => candidate.source === row)!;
      const actual = outcomes.get(step.naturalKey)!.nextRenewal;
      return actual === row.values.YourExpectedRenewal ? [] : [`${row.file} row ${row.row}: expected ${row.values.YourExpectedRenewal}, got ${actual}`];
    });
    // The sample set carries one deliberate mismatch for `compare` to find: std-012 expects a 10% coupon it does not have.
    expect(mismatches).toEqual(['subscriptions-standard.csv row 13: expected 129.60, got 144.00']);
  });

  it('write each invoice Amount as created, equal to the template total', () => {
    const invoiceRows = (files.get('invoices') ?? []).filter((row) => row.values.create_invoice === 'TRUE');
    for (const row of invoiceRows) expect(outcomes.get(`invoice:${row.values.id}`)!.amount, row.values.id).toBe(row.values.total_amount);
  });

  it('build the customer hierarchy from parent references', async () => {
    const paris = (await client.findCustomerByReference('acme-paris'))!;
    const europe = (await client.findCustomerByReference('acme-europe'))!;
    expect(paris.parent_id).toBe(europe.id);
    expect(europe.vat_number).toBe('123456789');
  });

  it('add service credit and prepayment balances to their subscriptions', async () => {
    const initech = (await client.findSubscriptionByReference('sub-adv-005'))!;
    const umbrella = (await client.findSubscriptionByReference('sub-adv-006'))!;
    expect(Number(initech.credit_balance_in_cents)).toBe(2500);
    expect(Number(umbrella.prepayment_balance_in_cents)).toBe(5000);
  });

  it('find every object again with the same id, payment profiles and prepayments included', async () => {
    const resolver = new SimpleResolver(client);
    for (const [naturalKey, outcome] of outcomes) resolver.created.set(naturalKey, outcome);
    expect(steps.some((step) => step.type === 'payment_profile')).toBe(true);
    expect(steps.some((step) => step.type === 'prepayment')).toBe(true);
    for (const step of steps) {
      const found = await step.find(client, resolver);
      expect(found?.id, step.naturalKey).toBe(outcomes.get(step.naturalKey)!.id);
    }
  });
});

describe('every component type, coupon kind and EBB segment against the sandbox', () => {
  it('creates them and finds each again', async () => {
    const own = await startSandbox({ port: 0, host: '127.0.0.1' });
    const target = new ChargifyClient({ name: 'catalog', baseUrl: own.baseUrl }, { backoffBaseMs: 5, throttlePauseMs: 5, backoffMaxMs: 50 });
    try {
      const catalogSteps = CATALOG.flatMap(([kind, csv]) => stepsOf(rowsOf(kind, csv)));
      const created = await runSteps(target, catalogSteps);
      const resolver = new SimpleResolver(target);
      for (const step of catalogSteps) expect((await step.find(target, resolver))?.id, step.naturalKey).toBe(created.get(step.naturalKey)!.id);
      expect((await target.findCouponByCode('FIVE-OFF'))!.name).toBe('Five dollars EDIT');
      const credits = (await target.findComponentByHandle('credits'))!;
      expect(credits.kind).toBe('prepaid_usage_component');
    } finally {
      await target.close();
      await own.close();
    }
  });
});

describe('groups and custom fields against the sandbox', () => {
  it('groups a parent-paid subscription and stores custom fields on customers and subscriptions', async () => {
    const own = await startSandbox({ port: 0, host: '127.0.0.1' });
    const target = new ChargifyClient({ name: 'groups', baseUrl: own.baseUrl }, { backoffBaseMs: 5, throttlePauseMs: 5, backoffMaxMs: 50 });
    try {
      await runSteps(target, CATALOG.slice(0, 2).flatMap(([kind, csv]) => stepsOf(rowsOf(kind, csv))));
      const customer = (reference: string, parent: string, extra: Record<string, string> = {}) => ({
        create_customer: 'TRUE', import_identifier_customer_reference: reference, has_parent: parent ? 'TRUE' : 'FALSE', parent_reference: parent,
        first_name: 'G', last_name: reference, email: `${reference}@example.com`, create_payment_profile: 'FALSE', ...extra,
      });
      const customers = stepsOf([rowFrom('customers-advanced', customer('payer', '')), rowFrom('customers-advanced', customer('member', 'payer', { 'custom_field[Region]': 'North' }), 3)]);
      const subscription = stepsOf([rowFrom('subscriptions-advanced', {
        create_subscription: 'TRUE', import_identifier_customer_reference: 'member', who_pays: 'parent', invoice_type: 'consolidated', align: 'FALSE', receive_invoice_emails: 'TRUE',
        subscription_reference: 'grouped-1', currency: 'USD', payment_collection_method: 'remittance', next_billing_at: '2027-01-01', product_handle: 'basic', 'custom_field[Plan Owner]': 'ops',
      })]);
      const standard = stepsOf([rowFrom('subscriptions-standard', {
        create_subscription: 'TRUE', customer_reference: 'std-cf', first_name: 'S', last_name: 'C', email: 'scf@example.com', create_payment_profile: 'FALSE',
        currency: 'USD', payment_collection_method: 'remittance', next_billing_at: '2027-01-01', product_handle: 'basic',
        'custom_field_customer[Tier]': 'Gold', 'custom_field_subscription[Legacy ID]': 'L-1',
      })]);
      const created = await runSteps(target, [...customers, ...subscription, ...standard]);
      const member = (await target.findCustomerByReference('member'))!;
      expect(member.parent_id).toBe(created.get('customer:payer')!.id);
      expect(await target.listMetadata('customers', Number(member.id))).toEqual({ Region: 'North' });
      const grouped = (await target.readSubscription(Number(created.get('subscription:grouped-1')!.id)))!;
      expect(await target.listMetadata('subscriptions', Number(grouped.id))).toEqual({ 'Plan Owner': 'ops' });
      const stdCustomer = (await target.findCustomerByReference('std-cf'))!;
      expect(await target.listMetadata('customers', Number(stdCustomer.id))).toEqual({ Tier: 'Gold' });
      expect(await target.listMetadata('subscriptions', Number(created.get('subscription:std-cf/basic')!.id))).toEqual({ 'Legacy ID': 'L-1' });
    } finally {
      await target.close();
      await own.close();
    }
  });
});
