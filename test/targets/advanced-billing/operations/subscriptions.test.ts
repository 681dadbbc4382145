// Customer and subscription rows (standard, advanced, custom pricing) → the payloads sent, checked
// against the spec; renewal previews, balances, hierarchies and groups; find after create.
import { afterEach, describe, expect, it } from 'vitest';
import { findOnSite } from '../../../../src/targets/advanced-billing/operations/lookup.js';
import { CATALOG } from './catalog-rows.js';
import { type HandledOperation, SimpleResolver, mapRows, rowFrom, rowsOf, runSteps, stepsOf } from './harness.js';
import { siteUnderTest, type SiteUnderTest } from './site-under-test.js';

const sites: SiteUnderTest[] = [];
afterEach(async () => {
  for (const started of sites.splice(0)) await started.close();
});

async function site(options: Parameters<typeof siteUnderTest>[0] = {}): Promise<SiteUnderTest> {
  const started = await siteUnderTest(options);
  sites.push(started);
  return started;
}

async function withCatalog(site: SiteUnderTest): Promise<void> {
  await runSteps(site.client, CATALOG.flatMap(([kind, csv]) => stepsOf(rowsOf(kind, csv))));
  site.forget();
}

async function pricePointId(site: SiteUnderTest, component: string, handle: string): Promise<number> {
  return Number((await findOnSite(site.client, { type: 'component_price_point', key: `${component}/${handle}` }))!.id);
}

const STANDARD = {
  create_subscription: 'TRUE',
  organization_name: 'Acme Co',
  customer_reference: 'cust-1',
  first_name: 'Ada',
  last_name: 'Lovelace',
  email: 'ada@example.com',
  cc_emails: 'a@example.com, b@example.com',
  phone: '555-0100',
  shipping_address: '1 Main St',
  shipping_address_2: '',
  shipping_city: 'Boston',
  shipping_state: 'MA',
  shipping_zip: '02101',
  shipping_country: 'US',
  tax_exempt: 'FALSE',
  vat_number: '',
  verified: 'TRUE',
  locale: 'en-US',
  'custom_field_customer[Region]': 'East',
  create_payment_profile: 'TRUE',
  payment_profile_type: 'credit_card',
  current_vault: 'bogus',
  gateway_handle: 'main-gateway',
  vault_token: '1234567890',
  customer_vault_token: '',
  credit_card_first_name: 'Ada',
  credit_card_last_name: 'Lovelace',
  last_four: '1111',
  card_type: 'visa',
  exp_month: '12',
  exp_year: '2030',
  billing_address: '1 Main St',
  billing_city: 'Boston',
  billing_state: 'MA',
  billing_country: 'US',
  billing_zip: '02101',
  currency: 'USD',
  payment_collection_method: 'automatic',
  previous_billing_at: '2026-11-01',
  next_billing_at: '2026-12-01',
  net_terms: '',
  service_credit_balance: '12.50',
  prepayment_balance: '',
  product_handle: 'basic',
  product_price_point_handle: 'basic-monthly',
  coupon_code_1: 'TEN%OFF',
  coupon_code_2: '',
  component_1: 'seats',
  componentPricepoint_1: 'seats-disc',
  componentQuantity_1: '5',
  component_2: 'support',
  componentPricepoint_2: '',
  componentQuantity_2: '1',
  component_3: 'messages',
  componentPricepoint_3: '',
  componentQuantity_3: '250',
  component_4: 'credits',
  componentPricepoint_4: '',
  componentQuantity_4: '',
  'custom_field_subscription[Legacy ID]': 'L-77',
};

function only(steps: HandledOperation[], type: string): HandledOperation {
  const matching = steps.filter((step) => step.type === type);
  expect(matching).toHaveLength(1);
  return matching[0]!;
}

describe('standard subscriptions', () => {
  it('yield one subscription step (customer and payment profile inside it) and a service credit step', () => {
    const steps = stepsOf([rowFrom('subscriptions-standard', STANDARD)]);
    expect(steps.map((step) => step.naturalKey)).toEqual(['subscription:cust-1/basic', 'service_credit:cust-1/basic']);
    expect(steps[0]!.dependsOn.map((ref) => `${ref.type}:${ref.key}`)).toEqual([
      'product:basic', 'product_price_point:basic/basic-monthly', 'coupon:TEN%OFF', 'component:seats', 'component_price_point:seats/seats-disc', 'component:support', 'component:messages',
    ]);
    expect(steps[1]!.dependsOn).toEqual([{ type: 'subscription', key: 'cust-1/basic' }]);
  });

  it('key a subscription without customer reference by email and product, counting repeats', () => {
    const row = { ...STANDARD, customer_reference: '', email: 'Ada@Example.com', service_credit_balance: '' };
    const mapped = mapRows([rowFrom('subscriptions-standard', row, 2), rowFrom('subscriptions-standard', row, 3)]);
    expect(mapped.map((entry) => entry.steps.map((step) => step.naturalKey))).toEqual([['subscription:ada@example.com/basic'], ['subscription:ada@example.com/basic/2']]);
  });

  it.each([
    ['next_billing_at', '12/01/2026'],
    ['next_billing_at', ''],
    ['payment_collection_method', 'invoice'],
    ['service_credit_balance', '$5'],
    ['componentQuantity_1', 'five'],
  ])('fail a row whose %s is %j while mapping, before anything is sent', (column, value) => {
    const [entry] = mapRows([rowFrom('subscriptions-standard', { ...STANDARD, [column]: value })]);
    expect(entry!.steps).toEqual([]);
    expect(entry!.error?.location).toMatchObject({ file: 'subscriptions-standard.csv', row: 2, column });
  });

  it('skip rows whose create_subscription is not TRUE', () => {
    expect(mapRows([rowFrom('subscriptions-standard', { ...STANDARD, create_subscription: 'FALSE' })])[0]!.steps).toEqual([]);
  });

  it('send customer, card and subscription in one create call', async () => {
    const targetSite = await site();
    const target = targetSite.client;
    await withCatalog(targetSite);
    const outcomes = await runSteps(target, stepsOf([rowFrom('subscriptions-standard', STANDARD)]));
    const [create, credit] = targetSite.creates();
    const seats = (await target.findComponentByHandle('seats'))!;
    const seatsDiscounted = { id: await pricePointId(targetSite, 'seats', 'seats-disc') };
    expect(create!.body).toEqual({
      subscription: {
        product_handle: 'basic',
        product_price_point_handle: 'basic-monthly',
        coupon_codes: ['TEN%OFF'],
        components: [
          { component_id: seats.id, price_point_id: seatsDiscounted.id, allocated_quantity: '5' },
          { component_id: (await target.findComponentByHandle('support'))!.id, enabled: true },
          { component_id: (await target.findComponentByHandle('messages'))!.id, unit_balance: 250 },
        ],
        currency: 'USD',
        payment_collection_method: 'automatic',
        next_billing_at: '2026-12-01T12:00:00+00:00',
        previous_billing_at: '2026-11-01T12:00:00+00:00',
        customer_attributes: {
          first_name: 'Ada', last_name: 'Lovelace', email: 'ada@example.com', cc_emails: 'a@example.com,b@example.com', organization: 'Acme Co', reference: 'cust-1',
          phone: '555-0100', address: '1 Main St', city: 'Boston', state: 'MA', zip: '02101', country: 'US', tax_exempt: false, verified: true,
          metafields: { Region: 'East' },
        },
        credit_card_attributes: {
          payment_type: 'credit_card', current_vault: 'bogus', vault_token: '1234567890', billing_address: '1 Main St', billing_city: 'Boston', billing_state: 'MA', billing_zip: '02101', billing_country: 'US',
          first_name: 'Ada', last_name: 'Lovelace', last_four: '1111', card_type: 'visa', expiration_month: 12, expiration_year: 2030,
        },
        metafields: { 'Legacy ID': 'L-77' },
      },
    });
    expect(credit!.body).toEqual({ service_credit: { amount: '12.50', memo: expect.any(String) } });
    const outcome = outcomes.get('subscription:cust-1/basic')!;
    // basic 10.00 + 5 seats × 3.00 + support 25.00 + 250 messages × 0.0075 = 51.875, less TEN%OFF 10% = 46.6875.
    expect(outcome.nextRenewal).toBe('46.69');
    expect(outcome.link).toBe(`${targetSite.baseUrl}/subscriptions/${outcome.id}`);
    expect(outcome.applied).toMatchObject({ vault_token: '****7890', product_handle: 'basic', 'custom_field_customer[Region]': 'East', componentQuantity_1: '5' });
    expect(JSON.stringify(outcome.applied)).not.toContain('1234567890');
  });

  it('accept components and price points by site ID, and name a component that is not on the site', async () => {
    const targetSite = await site();
    const target = targetSite.client;
    await withCatalog(targetSite);
    const messages = (await target.findComponentByHandle('messages'))!;
    const seatsDiscounted = { id: await pricePointId(targetSite, 'seats', 'seats-disc') };
    const seats = (await target.findComponentByHandle('seats'))!;
    const row = { ...STANDARD, component_1: String(seats.id), componentPricepoint_1: String(seatsDiscounted.id), component_2: String(messages.id), component_3: '', service_credit_balance: '' };
    const [step] = stepsOf([rowFrom('subscriptions-standard', row)]);
    expect(step!.dependsOn.filter((ref) => ref.type.startsWith('component'))).toEqual([]);
    await runSteps(target, [step!]);
    expect((targetSite.creates()[0]!.body.subscription as { components: unknown }).components).toEqual([
      { component_id: seats.id, price_point_id: seatsDiscounted.id, allocated_quantity: '5' },
      { component_id: messages.id, unit_balance: 1 },
    ]);
    const [missing] = stepsOf([rowFrom('subscriptions-standard', { ...row, customer_reference: 'cust-2', component_2: '99999' })]);
    await expect(runSteps(target, [missing!])).rejects.toMatchObject({ location: { column: 'component_2' } });
  });

  it('route the profile to gateway_handle only on a live site', async () => {
    const liveSite = await site({ mode: 'live' });
    const live = liveSite.client;
    await withCatalog(liveSite);
    await runSteps(live, stepsOf([rowFrom('subscriptions-standard', { ...STANDARD, service_credit_balance: '' })]));
    expect(liveSite.creates()[0]!.body).toMatchObject({ subscription: { credit_card_attributes: { gateway_handle: 'main-gateway' } } });
  });

  it('send a bank account as bank_account_attributes', async () => {
    const targetSite = await site();
    const target = targetSite.client;
    await withCatalog(targetSite);
    const row = { ...STANDARD, payment_profile_type: 'bank_account', bank_account_first_name: 'Ada', bank_account_last_name: 'L', bank_name: 'First Bank', bank_account_last_four: '6789', service_credit_balance: '' };
    await runSteps(target, stepsOf([rowFrom('subscriptions-standard', row)]));
    expect(targetSite.creates()[0]!.body).toMatchObject({ subscription: { bank_account_attributes: { payment_type: 'bank_account', bank_name: 'First Bank', vault_token: '1234567890' } } });
  });

  it('find the subscription and the credit again after they were created, and nothing before', async () => {
    const targetSite = await site();
    const target = targetSite.client;
    await withCatalog(targetSite);
    const steps = stepsOf([rowFrom('subscriptions-standard', { ...STANDARD, prepayment_balance: '3' })]);
    const resolver = new SimpleResolver(target);
    for (const step of steps) expect(await step.find(target, resolver)).toBeUndefined();
    const outcomes = await runSteps(target, steps, resolver);
    for (const step of steps) expect((await step.find(target, resolver))?.id, step.naturalKey).toBe(outcomes.get(step.naturalKey)!.id);
    expect(outcomes.get(only(steps, 'service_credit').naturalKey)!.id).toBe(outcomes.get(only(steps, 'subscription').naturalKey)!.id);
    expect((await only(steps, 'prepayment').find(target, resolver))!.applied).toEqual({ prepayment_balance: '3.00' });
    expect((await only(steps, 'service_credit').find(target, resolver))!.applied).toEqual({ service_credit_balance: '12.50' });
  });

  it('write ChargifyNextRenewal in the currency minor unit (JPY has none)', async () => {
    const targetSite = await site({ currency: 'JPY' });
    const target = targetSite.client;
    await runSteps(target, CATALOG.slice(0, 2).flatMap(([kind, csv]) => stepsOf(rowsOf(kind, csv.replace('10.00', '1000').replace(',5.50', ',550')))));
    const row = { ...STANDARD, currency: 'JPY', coupon_code_1: '', component_1: '', component_2: '', component_3: '', service_credit_balance: '' };
    const outcomes = await runSteps(target, stepsOf([rowFrom('subscriptions-standard', row)]));
    expect(outcomes.get('subscription:cust-1/basic')!.nextRenewal).toBe('1000');
  });
});

describe('custom pricing', () => {
  it('sends a per-unit custom price in place of the component price point', async () => {
    const targetSite = await site();
    const target = targetSite.client;
    await withCatalog(targetSite);
    const row = { ...STANDARD, componentCustomPrice_1: '1.50', component_2: '', component_3: '', service_credit_balance: '' };
    await runSteps(target, stepsOf([rowFrom('subscriptions-standard-custom-pricing', row)]));
    const seats = (await target.findComponentByHandle('seats'))!;
    expect((targetSite.creates()[0]!.body.subscription as { components: unknown }).components).toEqual([
      { component_id: seats.id, allocated_quantity: '5', custom_price: { pricing_scheme: 'per_unit', prices: [{ starting_quantity: 1, unit_price: '1.5' }] } },
    ]);
  });

  it('refuses a custom price on an on/off component, naming the column', async () => {
    const targetSite = await site();
    const target = targetSite.client;
    await withCatalog(targetSite);
    const row = { ...STANDARD, component_1: 'support', componentPricepoint_1: '', componentCustomPrice_1: '9', component_2: '', component_3: '', service_credit_balance: '' };
    await expect(runSteps(target, stepsOf([rowFrom('subscriptions-standard-custom-pricing', row)]))).rejects.toMatchObject({ location: { column: 'componentCustomPrice_1' } });
  });
});

const CUSTOMERS = [
  { import_identifier_customer_reference: 'kid', customer_type: 'child', has_parent: 'TRUE', parent_reference: 'mom' },
  { import_identifier_customer_reference: 'mom', customer_type: 'parent', has_parent: 'TRUE', parent_reference: 'gran' },
  { import_identifier_customer_reference: 'gran', customer_type: 'grandparent', has_parent: 'FALSE', parent_reference: '' },
].map((hierarchy, index) =>
  rowFrom('customers-advanced', {
    create_customer: 'TRUE',
    organization_name: `Org ${hierarchy.import_identifier_customer_reference}`,
    ...hierarchy,
    first_name: 'Pat',
    last_name: hierarchy.import_identifier_customer_reference,
    email: `${hierarchy.import_identifier_customer_reference}@example.com`,
    vat_number: index === 2 ? 'DE123456789' : '',
    shipping_country: index === 2 ? 'DE' : '',
    'custom_field[Segment]': index === 0 ? 'SMB' : '',
    create_payment_profile: index === 1 ? 'FALSE' : 'TRUE',
    payment_profile_type: 'credit_card',
    current_vault: 'stripe_connect',
    vault_token: 'cus_ABCDEF123',
    credit_card_first_name: 'Pat',
    credit_card_last_name: 'Doe',
    last_four: '4242',
    card_type: 'visa',
    exp_month: '1',
    exp_year: '2031',
  }, index + 2),
);

const ADVANCED = {
  create_subscription: 'TRUE',
  import_identifier_customer_reference: 'kid',
  who_pays: 'parent',
  invoice_type: 'consolidated',
  align: '',
  receive_invoice_emails: 'FALSE',
  subscription_reference: 'sub-kid-1',
  currency: 'USD',
  payment_collection_method: 'remittance',
  next_billing_at: '2026-12-15',
  net_terms: '30',
  product_handle: 'basic',
  product_price_point_handle: '',
  coupon_code_1: '',
  component_1: '',
  'custom_field[Owner]': 'ops',
};

describe('advanced customers and subscriptions', () => {
  it('order a hierarchy through dependencies and resolve parent_id', async () => {
    const targetSite = await site();
    const target = targetSite.client;
    const steps = stepsOf(CUSTOMERS);
    expect(steps.map((step) => [step.naturalKey, step.dependsOn.map((ref) => `${ref.type}:${ref.key}`)])).toEqual([
      ['customer:kid', ['customer:mom']],
      ['payment_profile:kid', ['customer:kid']],
      ['customer:mom', ['customer:gran']],
      ['customer:gran', []],
      ['payment_profile:gran', ['customer:gran']],
    ]);
    await runSteps(target, steps);
    const customers = targetSite.creates().filter((call) => call.path === '/customers.json').map((call) => call.body.customer as Record<string, unknown>);
    expect(customers.map((customer) => customer.reference)).toEqual(['gran', 'mom', 'kid']);
    const gran = (await target.findCustomerByReference('gran'))!;
    const mom = (await target.findCustomerByReference('mom'))!;
    expect(customers[0]).toMatchObject({ vat_number: '123456789', country: 'DE' });
    expect(customers[0]!.parent_id).toBeUndefined();
    expect(customers[1]!.parent_id).toBe(gran.id);
    expect(customers[2]!.parent_id).toBe(mom.id);
    const kid = (await target.findCustomerByReference('kid'))!;
    expect(await target.listMetadata('customers', Number(kid.id))).toEqual({ Segment: 'SMB' });
    const profiles = targetSite.creates().filter((call) => call.path === '/payment_profiles.json').map((call) => call.body.payment_profile);
    expect(profiles[0]).toMatchObject({ customer_id: gran.id, current_vault: 'stripe_connect', vault_token: 'cus_ABCDEF123', last_four: '4242' });
  });

  it('record what each step applied by template column, the customer apart from its profile, tokens masked', async () => {
    const targetSite = await site();
    const target = targetSite.client;
    const outcomes = await runSteps(target, stepsOf(CUSTOMERS));
    expect(outcomes.get('customer:kid')!.applied).toEqual({
      create_customer: 'TRUE', organization_name: 'Org kid', import_identifier_customer_reference: 'kid', customer_type: 'child', has_parent: 'TRUE', parent_reference: 'mom',
      first_name: 'Pat', last_name: 'kid', email: 'kid@example.com', 'custom_field[Segment]': 'SMB',
    });
    expect(outcomes.get('payment_profile:kid')!.applied).toEqual({
      import_identifier_customer_reference: 'kid', create_payment_profile: 'TRUE', payment_profile_type: 'credit_card', current_vault: 'stripe_connect', vault_token: '****F123',
      credit_card_first_name: 'Pat', credit_card_last_name: 'Doe', last_four: '4242', card_type: 'visa', exp_month: '1', exp_year: '2031',
    });
  });

  it('group a parent-paid subscription for consolidated invoices and find it by reference', async () => {
    const targetSite = await site();
    const target = targetSite.client;
    await withCatalog(targetSite);
    await runSteps(target, stepsOf(CUSTOMERS));
    targetSite.forget();
    const steps = stepsOf([rowFrom('subscriptions-advanced', ADVANCED)]);
    expect(steps[0]!.naturalKey).toBe('subscription:sub-kid-1');
    expect(steps[0]!.dependsOn).toEqual([{ type: 'customer', key: 'kid' }, { type: 'product', key: 'basic' }]);
    const outcomes = await runSteps(target, steps);
    const kid = (await target.findCustomerByReference('kid'))!;
    expect(targetSite.creates()[0]!.body).toEqual({
      subscription: {
        customer_id: kid.id,
        product_handle: 'basic',
        currency: 'USD',
        payment_collection_method: 'remittance',
        next_billing_at: '2026-12-15T12:00:00+00:00',
        net_terms: '30',
        receives_invoice_emails: 'false',
        reference: 'sub-kid-1',
        group: { target: { type: 'parent' }, billing: { align_date: true } },
        metafields: { Owner: 'ops' },
      },
    });
    const found = await steps[0]!.find(target, new SimpleResolver(target));
    expect(found?.id).toBe(outcomes.get('subscription:sub-kid-1')!.id);
  });

  it('pay a self-paid subscription with the customer profile imported before it', async () => {
    const targetSite = await site();
    const target = targetSite.client;
    await withCatalog(targetSite);
    const customerSteps = stepsOf(CUSTOMERS);
    const subscriptionSteps = stepsOf([rowFrom('subscriptions-advanced', { ...ADVANCED, who_pays: 'self', invoice_type: 'normal', subscription_reference: '' })]);
    expect(subscriptionSteps[0]!.naturalKey).toBe('subscription:kid/basic');
    expect(subscriptionSteps[0]!.dependsOn).toContainEqual({ type: 'payment_profile', key: 'kid' });
    const outcomes = await runSteps(target, [...customerSteps, ...subscriptionSteps]);
    const body = targetSite.creates().find((call) => call.path === '/subscriptions.json')!.body.subscription as Record<string, unknown>;
    expect(body.payment_profile_id).toBe(outcomes.get('payment_profile:kid')!.id);
    expect(body.group).toBeUndefined();
    const resolver = new SimpleResolver(target);
    resolver.created.set('customer:kid', outcomes.get('customer:kid')!);
    expect((await subscriptionSteps[0]!.find(target, resolver))?.id).toBe(outcomes.get('subscription:kid/basic')!.id);
  });
});
