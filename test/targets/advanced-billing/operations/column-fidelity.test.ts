// The column fidelity guard (issue 10): a row filling the columns with distinctive values, imported into
// a sandbox site, is read back over HTTP and found where the adapter's mapping table says (that every
// column has an entry is test/targets/advanced-billing/column-mapping.test.ts).
import Decimal from 'decimal.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getTemplate } from '../../../../src/templates/index.js';
import type { JsonObject } from '../../../../src/targets/advanced-billing/api.js';
import { testDate } from '../../../helpers/clock.js';
import { CATALOG } from './catalog-rows.js';
import { checkRow, misplaced, patternOf, unfilled, type SiteObjects } from './column-checks.js';
import { rowFrom, rowsOf, runSteps, stepsOf } from './harness.js';
import { siteUnderTest, type SiteUnderTest } from './site-under-test.js';

// ---- The rows ---------------------------------------------------------------------------------

let site: SiteUnderTest;
beforeAll(async () => {
  site = await siteUnderTest();
  await runSteps(site.client, CATALOG.slice(0, 4).flatMap(([kind, csv]) => stepsOf(rowsOf(kind, csv))));
  await site.client.ensureMetafields('customers', ['Tier']);
  await site.client.ensureMetafields('subscriptions', ['Region', 'Channel']);
});
afterAll(async () => site.close());

async function importRow(kind: string, values: Record<string, string>): Promise<void> {
  await runSteps(site.client, stepsOf([rowFrom(kind, values)]));
}

async function all(items: AsyncIterable<JsonObject>): Promise<JsonObject[]> {
  const list: JsonObject[] = [];
  for await (const item of items) list.push(item);
  return list;
}

const NEXT = testDate(45);
const PREVIOUS = testDate(-15);

const CUSTOMER = {
  organization_name: 'Fidelity Org 11', first_name: 'Fiona', last_name: 'Fidel', email: 'fiona.fidel@example.com',
  cc_emails: 'one@example.com, two@example.com', phone: '+1 555 0101', shipping_address: '11 Fidelity Way', shipping_address_2: 'Suite 11',
  shipping_city: 'Faro', shipping_state: 'CA', shipping_zip: '90011', shipping_country: 'US', tax_exempt: 'TRUE', vat_number: 'DE123456789',
  verified: 'TRUE', locale: 'fr-CA',
};
const CARD = {
  create_payment_profile: 'TRUE', payment_profile_type: 'credit_card', current_vault: 'bogus', vault_token: 'tok_fidelity_11', customer_vault_token: 'cus_fidelity_11',
  credit_card_first_name: 'Carla', credit_card_last_name: 'Cardholder', last_four: '4242', card_type: 'visa', exp_month: '7', exp_year: '2031',
  billing_address: '22 Billing Rd', billing_address_2: 'Floor 2', billing_city: 'Boston', billing_state: 'MA', billing_country: 'US', billing_zip: '02110',
};
const BANK = {
  create_payment_profile: 'TRUE', payment_profile_type: 'bank_account', current_vault: 'bogus', vault_token: 'tok_bank_12',
  bank_account_first_name: 'Bea', bank_account_last_name: 'Banker', bank_name: 'Fidelity Bank', bank_account_last_four: '6789', bank_routing_last_four: '1234',
  billing_address: '33 Bank St', billing_address_2: 'Unit 3', billing_city: 'Denver', billing_state: 'CO', billing_country: 'US', billing_zip: '80202',
};
const SUBSCRIPTION = {
  currency: 'usd', payment_collection_method: 'automatic', previous_billing_at: PREVIOUS, next_billing_at: NEXT, net_terms: '15',
  service_credit_balance: '12.34', prepayment_balance: '56.78', product_handle: 'basic', product_price_point_handle: 'basic-yearly',
  coupon_code_1: 'FIVE-OFF',
  component_1: 'seats', componentPricepoint_1: 'seats-disc', componentQuantity_1: '7',
  component_2: 'messages', componentQuantity_2: '250', component_3: 'support', componentQuantity_3: '1',
};

/** The custom-pricing kinds: the first component priced by the row, the second by its price point. */
const CUSTOM_PRICED = { componentPricepoint_1: '', componentCustomPrice_1: '3.25', componentPricepoint_2: 'messages-vol' };

/** Sent to live sites only (a test site routes every profile to its own gateway), so a sandbox cannot show it. */
const GATEWAY_HANDLE = ['gateway_handle'];

/** The renewal preview's component lines with the per-unit price they charge (amount ÷ the component's quantity). */
function previewUnitPrices(lines: JsonObject[], components: JsonObject[]): JsonObject[] {
  return lines.filter((line) => line.component_id).map((line) => {
    const component = components.find((candidate) => candidate.component_id === line.component_id);
    const quantity = Number(component?.allocated_quantity ?? 0);
    return quantity > 0 ? { ...line, unit_price: new Decimal(Number(line.amount_in_cents)).dividedBy(100).dividedBy(quantity).toString() } : line;
  });
}

/** What a subscription row made, read back over HTTP by the wire roots its fields were sent under. */
async function subscriptionObjects(customer: JsonObject, subscriptionId: number): Promise<SiteObjects> {
  const client = site.client;
  const [profile] = await client.listPaymentProfiles(Number(customer.id));
  const read = (await client.readSubscription(subscriptionId))!;
  const pricePoints = await all(client.listProductPricePoints(Number((read.product as JsonObject).id)));
  const components = await client.listSubscriptionComponents(subscriptionId);
  return {
    customer,
    subscription: read,
    product_price_point: pricePoints.find((point) => point.id === read.product_price_point_id),
    payment_profile: profile,
    components,
    preview_components: previewUnitPrices((await client.previewRenewal(subscriptionId)).line_items as JsonObject[], components),
    prepayments: await client.listPrepayments(subscriptionId),
    customer_metadata: await client.listMetadata('customers', Number(customer.id)),
    subscription_metadata: await client.listMetadata('subscriptions', subscriptionId),
  };
}

/** A standard row's customer (by its reference) and the one subscription it made. */
async function standardObjects(reference: string): Promise<SiteObjects> {
  const customer = (await site.client.findCustomerByReference(reference))!;
  const [subscription] = await site.client.listCustomerSubscriptions(Number(customer.id));
  return subscriptionObjects(customer, Number(subscription!.id));
}

describe('every column on the site', () => {
  it.each(['subscriptions-standard', 'subscriptions-standard-custom-pricing'])('%s (card and bank rows)', async (kind) => {
    const template = getTemplate(kind);
    const custom = kind.endsWith('custom-pricing') ? CUSTOM_PRICED : {};
    const common = { ...SUBSCRIPTION, ...custom, YourExpectedRenewal: '99.00', 'custom_field_customer[Tier]': 'gold-11', 'custom_field_subscription[Region]': 'north-11', 'custom_field[Channel]': 'web-11' };
    const rows = [
      { ...CUSTOMER, ...CARD, ...common, create_subscription: 'TRUE', customer_reference: `${kind}-card` },
      { ...CUSTOMER, ...BANK, ...common, create_subscription: 'TRUE', customer_reference: `${kind}-bank`, email: 'bea.banker@example.com' },
    ];
    expect(unfilled(template, rows, GATEWAY_HANDLE)).toEqual([]);
    for (const values of rows) {
      await importRow(kind, values);
      expect(misplaced(checkRow(template, values, await standardObjects(values.customer_reference)))).toEqual([]);
    }
  });
});

describe('every catalog column on the site', () => {
  it('product-families', async () => {
    const values = { name: 'Fidelity Family 21', description: 'Family described 21', handle: 'fidelity-family-21' };
    expect(unfilled(getTemplate('product-families'), [values])).toEqual([]);
    await importRow('product-families', values);
    const family = await site.client.findProductFamilyByHandle('fidelity-family-21');
    expect(misplaced(checkRow(getTemplate('product-families'), values, { product_family: family }))).toEqual([]);
  });

  it('coupons', async () => {
    const template = getTemplate('coupons');
    const rows = [
      { name: 'Fidelity Percent 31', code: 'FID-PCT-31', description: 'Coupon described 31', product_family_id: 'acme-projects', percentage_discount: '31', stackable: 'TRUE', recurring: 'FALSE', review_after_import: 'TRUE' },
      { name: 'Fidelity Flat 32', code: 'FID-FLAT-32', description: 'Coupon described 32', product_family_id: 'acme-projects', flat_discount: '3.20', stackable: 'FALSE', recurring: 'TRUE', review_after_import: 'FALSE' },
    ];
    expect(unfilled(template, rows)).toEqual([]);
    for (const values of rows) {
      await importRow('coupons', values);
      const coupon = await site.client.findCouponByCode(values.code);
      expect(misplaced(checkRow(template, values, { coupon }))).toEqual([]);
    }
  });
});

describe('every customers-advanced column on the site', () => {
  it('customers-advanced (a parent with a card, a child with a bank account)', async () => {
    const template = getTemplate('customers-advanced');
    const common = { ...CUSTOMER, create_customer: 'TRUE', 'custom_field[Tier]': 'silver-41' };
    const rows = [
      { ...common, ...CARD, import_identifier_customer_reference: 'adv-parent-41', customer_type: 'parent', has_parent: 'FALSE' },
      {
        ...common, ...BANK, import_identifier_customer_reference: 'adv-child-42', customer_type: 'child', has_parent: 'TRUE',
        parent_name: 'Fidelity Org 11', parent_reference: 'adv-parent-41', email: 'child.42@example.com',
      },
    ];
    expect(unfilled(template, rows, GATEWAY_HANDLE)).toEqual([]);
    for (const values of rows) {
      await importRow('customers-advanced', values);
      const customer = (await site.client.findCustomerByReference(values.import_identifier_customer_reference))!;
      const [profile] = await site.client.listPaymentProfiles(Number(customer.id));
      const parent = customer.parent_id ? await site.client.readCustomer(Number(customer.parent_id)) : undefined;
      const objects = { customer, parent, payment_profile: profile, customer_metadata: await site.client.listMetadata('customers', Number(customer.id)) };
      expect(misplaced(checkRow(template, values, objects))).toEqual([]);
    }
  });
});

describe('every advanced subscription column on the site', () => {
  it.each(['subscriptions-advanced', 'subscriptions-advanced-custom-pricing'])('%s (a self-paid parent, a parent-paid child)', async (kind) => {
    const template = getTemplate(kind);
    const parent = `${kind}-parent`;
    const child = `${kind}-child`;
    await importRow('customers-advanced', { ...CUSTOMER, ...CARD, create_customer: 'TRUE', import_identifier_customer_reference: parent, customer_type: 'parent', has_parent: 'FALSE' });
    await importRow('customers-advanced', {
      ...CUSTOMER, create_customer: 'TRUE', import_identifier_customer_reference: child, customer_type: 'child', has_parent: 'TRUE', parent_reference: parent, email: 'kid@example.com',
    });
    const custom = kind.endsWith('custom-pricing') ? CUSTOM_PRICED : {};
    const common = {
      ...SUBSCRIPTION, ...custom, create_subscription: 'TRUE', organization_name: 'Fidelity Org 11', invoice_type: 'consolidated', align: 'TRUE',
      receive_invoice_emails: 'FALSE', 'custom_field[Channel]': 'partner-51', YourExpectedRenewal: '123.45',
    };
    const rows = [
      { ...common, import_identifier_customer_reference: parent, who_pays: 'self', subscription_reference: `${kind}-sub-parent` },
      { ...common, import_identifier_customer_reference: child, who_pays: 'parent', subscription_reference: `${kind}-sub-child` },
    ];
    expect(unfilled(template, rows)).toEqual([]);
    for (const values of rows) {
      await importRow(kind, values);
      const subscription = (await site.client.findSubscriptionByReference(values.subscription_reference))!;
      const objects = await subscriptionObjects(subscription.customer as JsonObject, Number(subscription.id));
      expect(misplaced(checkRow(template, values, objects))).toEqual([]);
    }
  });
});

describe('every catalog column on the site: products', () => {
  it('products (a product row with its price point, a row attaching a second one)', async () => {
    const template = getTemplate('products');
    const product = {
      product_name: 'Fidelity Plan 61', description: 'Plan described 61', product_family_id: 'acme-projects', taxable: 'TRUE', tax_code: 'digital',
      require_payment_method: 'FALSE', require_billing_address: 'TRUE', require_shipping_address: 'TRUE', auto_create_signup_page: 'TRUE', handle: 'fidelity-plan-61',
    };
    const pricePoint = {
      price: '61.25', renew_every: '3', month_or_day: 'month', trial_price: '1.61', trial_interval: '16', trial_month_or_day: 'day', trial_type: 'payment_expected',
      expiration_interval: '6', expiration_month_or_day: 'month', setup_fee_price: '6.10',
    };
    const rows = [
      { ...product, ...pricePoint, attach_to: 'fidelity-plan-61', price_point_name: 'Fidelity quarterly 61', price_point_handle: 'fidelity-quarterly-61' },
      { ...pricePoint, attach_to: 'fidelity-plan-61', price_point_name: 'Fidelity extra 62', price_point_handle: 'fidelity-extra-62', price: '62.50', setup_fee_price: '6.20' },
    ];
    expect(unfilled(template, rows)).toEqual([]);
    for (const values of rows) {
      await importRow('products', values);
      const read = (await site.client.findProductByHandle('fidelity-plan-61'))!;
      const pricePoints = await all(site.client.listProductPricePoints(Number(read.id)));
      const objects = { product: values.product_name ? read : undefined, price_point: pricePoints.find((point) => point.handle === values.price_point_handle) };
      expect(misplaced(checkRow(template, values, objects))).toEqual([]);
    }
  });
});

describe('every catalog column on the site: components', () => {
  it('components (one row of each type, a row attaching a price point)', async () => {
    const template = getTemplate('components');
    const component = (name: string, type: string, handle: string) => ({
      component_name: name, component_type: type, description: `${name} described`, unit_name: `${handle}-unit`, product_family_id: 'acme-projects',
      taxable: 'TRUE', tax_code: 'digital', allow_fractional_quantities: 'TRUE', hide_date_range_on_invoice: 'TRUE', allow_billing_portal_updates: 'TRUE',
      handle, attach_to: handle, price_point_name: `${name} price`, price_point_handle: `${handle}-pp`,
    });
    const tiered = { pricing_scheme: 'tiered', starting_quantity_1: '1', ending_quantity_1: '10', price_1: '5.71', starting_quantity_2: '11', ending_quantity_2: '', price_2: '4.71' };
    const rows = [
      { ...component('Fidelity Seats 71', 'quantity_recurring', 'fid-seats-71'), ...tiered, upgrade_charge: 'full', downgrade_credit: 'prorated' },
      { ...component('Fidelity Setup 72', 'quantity_onetime', 'fid-setup-72'), pricing_scheme: 'per_unit', per_unit_price: '72.50', upgrade_charge: 'none', downgrade_credit: 'none' },
      { ...component('Fidelity Messages 73', 'metered', 'fid-messages-73'), pricing_scheme: 'volume', starting_quantity_1: '1', ending_quantity_1: '730', price_1: '0.0073', starting_quantity_2: '731', price_2: '0.0037' },
      { ...component('Fidelity Support 74', 'on_off', 'fid-support-74'), unit_name: '', per_unit_price: '74.00', upgrade_charge: 'prorated', downgrade_credit: 'full' },
      // The event-based create has no allow_fractional_quantities: declared not importable there, so not looked for.
      { ...component('Fidelity Calls 75', 'event_based', 'fid-calls-75'), metric_id: '75', pricing_scheme: 'per_unit', per_unit_price: '0.075' },
      {
        ...component('Fidelity Credits 76', 'prepaid_usage', 'fid-credits-76'), pricing_scheme: 'per_unit', per_unit_price: '0.76',
        auto_renew_units: 'TRUE', allow_rollover: 'TRUE', expire_after: '76', month_or_day: 'day',
        overage_pricing_scheme: 'tiered', overage_starting_quantity_1: '1', overage_ending_quantity_1: '760', overage_price_1: '1.76', overage_starting_quantity_2: '761', overage_price_2: '0.76',
      },
      { attach_to: 'fid-seats-71', price_point_name: 'Fidelity Seats stairs 77', price_point_handle: 'fid-seats-stairs-77', pricing_scheme: 'stairstep', starting_quantity_1: '1', ending_quantity_1: '77', price_1: '77.00' },
      { attach_to: 'fid-support-74', price_point_name: 'Fidelity Support discounted 78', price_point_handle: 'fid-support-disc-78', pricing_scheme: 'per_unit', per_unit_price: '7.80' },
    ];
    expect(unfilled(template, rows, ['overage_per_unit_price'])).toEqual([]);
    for (const values of rows) {
      await importRow('components', values);
      const read = (await site.client.findComponentByHandle(values.attach_to))!;
      const pricePoints = await all(site.client.listComponentPricePoints(Number(read.id)));
      const objects = { component: 'component_name' in values ? read : undefined, price_point: pricePoints.find((point) => point.handle === values.price_point_handle) };
      expect(misplaced(checkRow(template, values, objects)), values.price_point_handle).toEqual([]);
    }
  });
});

describe('every catalog column on the site: EBB segments', () => {
  it('ebb-segments (a per_unit segment with four properties, a tiered one)', async () => {
    const template = getTemplate('ebb-segments');
    const segment = { component_name: 'API calls', metric_id: '77', component_handle: 'api-calls', pricepoint_handle: 'api-default' };
    const rows = [
      { ...segment, property_1: 'EU-81', property_2: 'gold-81', property_3: 'mobile-81', property_4: 'night-81', pricing_scheme: 'per_unit', per_unit_price: '0.081' },
      { ...segment, property_1: 'US-82', pricing_scheme: 'tiered', starting_quantity_1: '1', ending_quantity_1: '820', price_1: '0.082', starting_quantity_2: '821', price_2: '0.028' },
    ];
    expect(unfilled(template, rows)).toEqual([]);
    const component = (await site.client.findComponentByHandle('api-calls'))!;
    const pricePoint = (await all(site.client.listComponentPricePoints(Number(component.id)))).find((point) => point.handle === 'api-default')!;
    for (const values of rows) {
      await importRow('ebb-segments', values);
      const segments = await all(site.client.listSegments(Number(component.id), Number(pricePoint.id)));
      const objects = { segment: segments.find((candidate) => candidate.segment_property_1_value === values.property_1) };
      expect(misplaced(checkRow(template, values, objects))).toEqual([]);
    }
  });
});

describe('every invoice column on the site', () => {
  it('invoices (an invoice row with its own line item, a second line-item row)', async () => {
    const template = getTemplate('invoices');
    await importRow('customers-advanced', { ...CUSTOMER, ...CARD, create_customer: 'TRUE', import_identifier_customer_reference: 'invoiced-91', customer_type: 'normal', has_parent: 'FALSE' });
    await importRow('subscriptions-advanced', {
      ...SUBSCRIPTION, create_subscription: 'TRUE', import_identifier_customer_reference: 'invoiced-91', who_pays: 'self', invoice_type: 'normal',
      receive_invoice_emails: 'TRUE', subscription_reference: 'invoiced-sub-91',
    });
    const issued = testDate(-9);
    const rows = [
      {
        create_invoice: 'TRUE', customer: 'Fidelity Org 11', sub_reference: 'invoiced-sub-91', id: 'inv-91', total_amount: '201.82', issue_date: issued, due_date: testDate(21),
        net_terms: '30', attempt_charge: 'no', name: 'Migrated licence 91', quantity: '2', unit_price: '91.91', start_date: testDate(-40), end_date: testDate(-10), attach_to: 'inv-91',
      },
      { name: 'Migrated support 92', quantity: '1.5', unit_price: '12.00', start_date: testDate(-39), end_date: testDate(-9), attach_to: 'inv-91' },
    ];
    expect(unfilled(template, rows)).toEqual([]);
    await runSteps(site.client, stepsOf(rows.map((values, index) => rowFrom('invoices', values, index + 2))));
    const subscription = (await site.client.findSubscriptionByReference('invoiced-sub-91'))!;
    const invoice = (await all(site.client.listInvoices())).find((candidate) => candidate.subscription_id === subscription.id)!;
    for (const values of rows) {
      // The row's own line item: `line_items[]` in the table is the one the row made.
      const lineItem = (invoice.line_items as JsonObject[]).find((item) => item.title === values.name);
      const objects = { invoice: { ...invoice, line_items: lineItem ? [lineItem] : [] } };
      expect(misplaced(checkRow(template, values, objects)), values.name).toEqual([]);
    }
  });
});
