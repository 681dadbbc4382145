// Every call the client makes exists in the vendor's spec with that method and path, and every body
// it sends (root key, uniqueness_token beside it, amounts) satisfies the operation's request schema.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChargifyClient } from '../../../../src/targets/advanced-billing/client/client.js';
import { loadRequestContract, specMissingReason } from '../../helpers/request-contract.js';
import type { RequestContract } from '../../helpers/request-contract.js';
import { recordRequests } from '../../helpers/record-requests.js';
import { startScriptedServer } from '../../helpers/scripted-server.js';
import type { ScriptedServer } from '../../helpers/scripted-server.js';

const intent = (key: string) => ({ naturalKey: `contract:${key}` });

describe.skipIf(specMissingReason !== undefined)(`client requests match the OpenAPI spec${specMissingReason ? ` (skipped: ${specMissingReason})` : ''}`, () => {
  let contract: RequestContract;
  let server: ScriptedServer;
  let client: ChargifyClient;
  beforeAll(async () => {
    contract = loadRequestContract();
    // Answers every call with an object carrying the ids and keys the client reads back.
    server = await startScriptedServer(() => ({
      status: 200,
      body: { id: 1, customer: { id: 1 }, subscription: { id: 1, customer: { id: 5 } }, site: { id: 1, subdomain: 'acme', currency: 'USD', test: true } },
    }));
    client = new ChargifyClient({ name: 'contract', baseUrl: server.baseUrl, apiKey: 'k' });
  });
  afterAll(async () => {
    await client.close();
    await server.close();
  });

  it('sends only spec operations with spec-valid bodies', async () => {
    const recorder = recordRequests();
    try {
      await client.readSite();
      await client.clearSite('customers');
      await client.createProductFamily({ name: 'Plans', handle: 'plans', description: 'All plans' }, intent('pf'));
      await client.createProduct(1, { name: 'Gold', handle: 'gold', description: 'Gold plan', price_in_cents: 1000, interval: 1, interval_unit: 'month' }, intent('p'));
      await client.findProductByHandle('gold');
      await client.archiveProduct(1);
      await client.createProductPricePoint(1, { name: 'Annual', handle: 'gold-annual', price_in_cents: 10000, interval: 1, interval_unit: 'month' }, intent('ppp'));
      await client.createComponent(1, 'quantity_based', { name: 'Seats', unit_name: 'seat', pricing_scheme: 'per_unit', unit_price: '5.00', handle: 'seats' }, intent('c'));
      await client.createComponent(1, 'on_off', { name: 'Support', unit_price: '9.99', handle: 'support' }, intent('c2'));
      await client.createComponent(1, 'metered', { name: 'Calls', unit_name: 'call', pricing_scheme: 'per_unit', unit_price: '0.01' }, intent('c3'));
      await client.findComponentByHandle('seats');
      await client.archiveComponent(1, 2);
      await client.createComponentPricePoint(2, { name: 'EU', handle: 'seats-eu', pricing_scheme: 'per_unit', prices: [{ starting_quantity: 1, unit_price: '4.50' }] }, intent('cpp'));
      await client.createSegment(2, 3, { pricing_scheme: 'per_unit', segment_property_1_value: 'EU', prices: [{ starting_quantity: 1, unit_price: '1.00' }] }, intent('s'));
      await client.createCoupon(1, { name: 'Ten off', code: 'TEN', description: '10%', percentage: '10' }, intent('co'));
      await client.findCouponByCode('TEN');
      await client.archiveCoupon(1, 4);
      await client.createCustomer({ first_name: 'Ada', last_name: 'Lovelace', email: 'ada@example.com', reference: 'cust-1' }, intent('cu'));
      await client.readCustomer(1);
      await client.findCustomerByReference('cust-1');
      await client.updateCustomer(1, { email: 'ada@example.org' });
      await client.deleteCustomer(1);
      await client.listCustomerSubscriptions(1);
      await client.listPaymentProfiles(1);
      await client.readPaymentProfile(1);
      await client.listPrepayments(1);
      await client.createPaymentProfile({ customer_id: 1, vault_token: 'tok_123456789', current_vault: 'bogus', payment_type: 'credit_card' }, intent('pp'));
      await client.createSubscription({ product_handle: 'gold', customer_id: 1, reference: 'sub-1', next_billing_at: '2026-12-01T00:00:00Z' }, intent('su'));
      await client.readSubscription(1);
      await client.findSubscriptionByReference('sub-1');
      await client.updateSubscription(1, { next_billing_at: '2026-12-02T00:00:00Z' });
      await client.listSubscriptionComponents(1);
      await client.purgeSubscription(1, ['customer', 'payment_profile']);
      await client.cancelSubscription(1);
      await client.previewRenewal(1);
      await client.issueServiceCredit(1, '12.50', 'Migrated balance', intent('sc'));
      await client.createPrepayment(1, '100.25', 'Migrated prepayment', intent('pre'));
      await client.createInvoice(1, { issue_date: '2026-11-01', line_items: [{ title: 'Gold', quantity: '1', unit_price: '10.00' }] }, intent('inv'));
      await client.readInvoice('inv_abc');
      await client.voidInvoice('inv_abc', 'Migrated as void');
      await client.ensureMetafields('customers', ['Region']);
      await client.setMetadata('subscriptions', 1, { Region: 'EU' });
      await client.listMetadata('customers', 1);
    } finally {
      recorder.stop();
    }
    const problems = recorder.requests.flatMap((request) => contract.problems(request.method, request.path, request.body));
    expect(problems).toEqual([]);
    const writes = recorder.requests.filter((request) => request.method === 'POST' || request.method === 'PUT');
    expect(writes.length).toBeGreaterThan(20);
    for (const write of writes) expect(write.body).toHaveProperty('uniqueness_token');
    const prepayment = recorder.requests.find((request) => request.path.endsWith('/prepayments.json'));
    expect(prepayment?.body).toMatchObject({ prepayment: { amount: 100.25, method: 'other' } });
  });
});
