// A create retried after its answer was lost (same intent, same uniqueness token) must resolve to the
// object the first attempt made, through the lookup the step passes: never a second object.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../../../src/targets/advanced-billing/sandbox/index.js';
import { ChargifyClient } from '../../../../src/targets/advanced-billing/client/client.js';
import { CATALOG } from './catalog-rows.js';
import { type HandledOperation, SimpleResolver, rowFrom, rowsOf, runSteps, stepsOf } from './harness.js';

let sandbox: RunningSandbox;
let client: ChargifyClient;
const resolver = () => new SimpleResolver(client);

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, host: '127.0.0.1' });
  client = new ChargifyClient({ name: 'retry', baseUrl: sandbox.baseUrl }, { backoffBaseMs: 5, throttlePauseMs: 5, backoffMaxMs: 50 });
  await runSteps(client, CATALOG.slice(0, 4).flatMap(([kind, csv]) => stepsOf(rowsOf(kind, csv))));
});

afterAll(async () => {
  await client?.close();
  await sandbox?.close();
});

async function count(items: AsyncIterable<unknown>): Promise<number> {
  let n = 0;
  for await (const _ of items) n += 1;
  return n;
}

async function createTwice(step: HandledOperation): Promise<[number | string, number | string]> {
  const first = await step.create(client, resolver());
  const second = await step.create(client, resolver());
  return [first.id, second.id];
}

describe('a retried create', () => {
  it('returns the same customer, subscription and invoice', async () => {
    const customers = stepsOf([rowFrom('customers-advanced', { create_customer: 'TRUE', import_identifier_customer_reference: 'retry-1', has_parent: 'FALSE', first_name: 'R', last_name: 'T', email: 'r@example.com', create_payment_profile: 'FALSE' })]);
    const [a, b] = await createTwice(customers[0]!);
    expect(b).toBe(a);
    expect(await count(client.listCustomers())).toBe(1);

    const subscription = stepsOf([rowFrom('subscriptions-advanced', {
      create_subscription: 'TRUE', import_identifier_customer_reference: 'retry-1', who_pays: 'self', invoice_type: 'normal', receive_invoice_emails: 'TRUE',
      currency: 'USD', payment_collection_method: 'remittance', next_billing_at: '2027-01-01', product_handle: 'basic', subscription_reference: 'retry-sub',
    })])[0]!;
    const [c, d] = await createTwice(subscription);
    expect(d).toBe(c);
    expect(await count(client.listSubscriptions())).toBe(1);

    const invoice = stepsOf(rowsOf('invoices', `create_invoice,sub_reference,id,issue_date,due_date,attempt_charge,name,quantity,unit_price,start_date,end_date,attach_to
TRUE,retry-sub,R-1,2026-10-01,2026-10-31,no,Work,1,10.00,2026-09-01,2026-09-30,R-1`))[0]!;
    const [e, f] = await createTwice(invoice);
    expect(f).toBe(e);
    expect(await count(client.listInvoices())).toBe(1);
  });

  it('returns the same standard subscription, found by its customer and product', async () => {
    const step = stepsOf([rowFrom('subscriptions-standard', {
      create_subscription: 'TRUE', customer_reference: 'retry-std', first_name: 'S', last_name: 'T', email: 's@example.com', create_payment_profile: 'FALSE',
      currency: 'USD', payment_collection_method: 'remittance', next_billing_at: '2027-01-01', product_handle: 'basic',
    })])[0]!;
    const [a, b] = await createTwice(step);
    expect(b).toBe(a);
    const customer = (await client.findCustomerByReference('retry-std'))!;
    expect(await client.listCustomerSubscriptions(Number(customer.id))).toHaveLength(1);
  });
});
