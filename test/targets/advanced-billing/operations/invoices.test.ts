// Invoice rows → one invoice per create_invoice row with the line items attached to it by id; net
// terms computed, no memo of ours (the site's default stays), the created total as `Amount`; found again
// on re-run by subscription, issue date and line items.
import { afterEach, describe, expect, it } from 'vitest';
import { addDays, todayIn } from '../../../../src/dates/index.js';
import { CATALOG } from './catalog-rows.js';
import { SimpleResolver, mapRows, rowFrom, rowsOf, runSteps, stepsOf } from './harness.js';
import { siteUnderTest, type SiteUnderTest } from './site-under-test.js';

const INVOICES = `create_invoice,customer,sub_reference,id,total_amount,issue_date,due_date,net_terms,attempt_charge,name,quantity,unit_price,start_date,end_date,attach_to
TRUE,Kid Co,sub-kid-1,INV-1,130.50,2026-10-01,2026-10-31,,no,Consulting,3,40.50,2026-09-01,2026-09-30,INV-1
,,,,,,,,,Travel,1,9.00,2026-09-15,2026-09-15,INV-1
TRUE,Kid Co,sub-kid-1,INV-2,12,2026-10-05,2026-10-05,,no,,,,,,
,,,,,,,,,Late fee,2,6,2026-10-05,2026-10-05,INV-2
,,,,,,,,,Stray,1,1,2026-10-05,2026-10-05,INV-9`;

const sites: SiteUnderTest[] = [];
afterEach(async () => {
  for (const started of sites.splice(0)) await started.close();
});

/** A sandbox with the catalog, customer `kid` and its subscription `sub-kid-1`. */
async function withSubscription(nextBillingAt = '2026-12-01'): Promise<SiteUnderTest> {
  const site = await siteUnderTest();
  sites.push(site);
  const target = site.client;
  await runSteps(target, CATALOG.slice(0, 2).flatMap(([kind, csv]) => stepsOf(rowsOf(kind, csv))));
  const customer = rowFrom('customers-advanced', { create_customer: 'TRUE', import_identifier_customer_reference: 'kid', has_parent: 'FALSE', first_name: 'K', last_name: 'Id', email: 'kid@example.com', create_payment_profile: 'FALSE' });
  const subscription = rowFrom('subscriptions-advanced', {
    create_subscription: 'TRUE', import_identifier_customer_reference: 'kid', who_pays: 'self', invoice_type: 'normal', receive_invoice_emails: 'TRUE',
    subscription_reference: 'sub-kid-1', currency: 'USD', payment_collection_method: 'remittance', next_billing_at: nextBillingAt, product_handle: 'basic',
  });
  await runSteps(target, [...stepsOf([customer]), ...stepsOf([subscription])]);
  site.forget();
  return site;
}

describe('invoice steps', () => {
  it('give each invoice one step that its line-item rows share, and fail a line item attached to no invoice', () => {
    const mapped = mapRows(rowsOf('invoices', INVOICES));
    expect(mapped.map((entry) => entry.steps.map((step) => step.naturalKey))).toEqual([['invoice:INV-1'], ['invoice:INV-1'], ['invoice:INV-2'], ['invoice:INV-2'], []]);
    expect(mapped[0]!.steps[0]).toBe(mapped[1]!.steps[0]);
    expect(mapped[0]!.steps[0]!.dependsOn).toEqual([{ type: 'subscription', key: 'sub-kid-1' }]);
    expect(mapped[4]!.error?.location).toMatchObject({ row: 6, column: 'attach_to' });
  });

  it('create the invoice with its line items and computed net terms, and no memo of its own', async () => {
    const site = await withSubscription();
    const target = site.client;
    const steps = stepsOf(rowsOf('invoices', INVOICES).slice(0, 4));
    const outcomes = await runSteps(target, steps);
    const subscription = (await target.findSubscriptionByReference('sub-kid-1'))!;
    expect(site.creates()[0]).toMatchObject({
      path: `/subscriptions/${subscription.id}/invoices.json`,
      body: {
        invoice: {
          issue_date: '2026-10-01',
          net_terms: 30,
          status: 'open',
          line_items: [
            { title: 'Consulting', quantity: '3', unit_price: '40.5', period_range_start: '2026-09-01', period_range_end: '2026-09-30' },
            { title: 'Travel', quantity: '1', unit_price: '9', period_range_start: '2026-09-15', period_range_end: '2026-09-15' },
          ],
        },
      },
    });
    expect(site.creates()[0]!.body.invoice).not.toHaveProperty('memo');
    expect(site.creates()[1]!.body).toMatchObject({ invoice: { net_terms: 0, line_items: [{ title: 'Late fee', quantity: '2', unit_price: '6' }] } });
    const first = outcomes.get('invoice:INV-1')!;
    expect(first.amount).toBe('130.50');
    expect(first.link).toBe(`${site.baseUrl}/invoices/${first.id}`);
    expect(first.applied).toMatchObject({ net_terms: '30', id: 'INV-1' });
    const resolver = new SimpleResolver(target);
    for (const step of steps) expect((await step.find(target, resolver))?.id).toBe(outcomes.get(step.naturalKey)!.id);
  });

  it('send no memo, and tell apart invoices alike in subscription, date and line items by their order in the file', async () => {
    // A subscription billing in the future (computed, so the test never expires) to attach the invoices to.
    const site = await withSubscription(addDays(todayIn('UTC'), 60));
    const target = site.client;
    const twins = `create_invoice,customer,sub_reference,id,total_amount,issue_date,due_date,net_terms,attempt_charge,name,quantity,unit_price,start_date,end_date,attach_to
TRUE,Kid Co,sub-kid-1,A,5,2026-10-01,2026-10-01,,no,Fee,1,5,,,A
TRUE,Kid Co,sub-kid-1,B,5,2026-10-01,2026-10-01,,no,Fee,1,5.00,,,B
TRUE,Kid Co,sub-kid-1,C,6,2026-10-01,2026-10-01,,no,Fee,1,6,,,C`;
    const steps = stepsOf(rowsOf('invoices', twins));
    const resolver = new SimpleResolver(target);
    for (const step of steps) expect(await step.find(target, resolver)).toBeUndefined();
    const outcomes = await runSteps(target, steps);
    for (const create of site.creates()) expect(create.body.invoice).not.toHaveProperty('memo');
    const invoices = [];
    for await (const invoice of target.listInvoices()) invoices.push(invoice);
    expect(invoices.map((invoice) => invoice.memo)).toEqual(['', '', '']);
    const ids = steps.map((step) => outcomes.get(step.naturalKey)!.id);
    expect(new Set(ids).size).toBe(3);
    for (const step of steps) expect((await step.find(target, resolver))?.id, step.naturalKey).toBe(outcomes.get(step.naturalKey)!.id);
  });

  it('find no invoice before it was created', async () => {
    const { client: target } = await withSubscription();
    const [step] = stepsOf(rowsOf('invoices', INVOICES).slice(0, 2));
    expect(await step!.find(target, new SimpleResolver(target))).toBeUndefined();
  });

  it('refuse an invoice that asks for a charge, and its line items with it', () => {
    const mapped = mapRows(rowsOf('invoices', INVOICES.replace('2026-10-31,,no', '2026-10-31,,yes_attempt_a_charge')));
    expect(mapped.slice(0, 2).map((entry) => entry.error?.location.column)).toEqual(['attempt_charge', 'attach_to']);
    expect(mapped[2]!.steps).toHaveLength(1);
  });

  it('are all or nothing: a line item that cannot be mapped, or will not be sent, keeps its invoice back', () => {
    const broken = mapRows(rowsOf('invoices', INVOICES.replace('Travel,1,9.00', 'Travel,1,9.OO')));
    expect(broken.slice(0, 2).map((entry) => [entry.steps.length, entry.error?.location.column])).toEqual([[0, 'attach_to'], [0, 'unit_price']]);
    expect(broken[0]!.error!.message).toMatch(/row 3/);
    expect(broken[2]!.steps).toHaveLength(1);
    const rows = rowsOf('invoices', INVOICES);
    const excluded = mapRows(rows, new Set([rows[3]!]));
    expect(excluded.slice(2, 4).map((entry) => entry.steps.length)).toEqual([0, 0]);
    expect(excluded[2]!.error!.message).toMatch(/row 5 has errors/);
    expect(excluded[0]!.steps).toHaveLength(1);
  });

  it('refuse a due date before the issue date', () => {
    const mapped = mapRows(rowsOf('invoices', INVOICES.replace('2026-10-01,2026-10-31', '2026-10-31,2026-10-01')));
    expect(mapped[0]!.error?.location.column).toBe('due_date');
  });
});
