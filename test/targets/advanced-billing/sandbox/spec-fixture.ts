// A small site built through the API for the spec-driven test: one object of each kind the served
// operations name in their paths, and what a request example refers to (a customer with a parent, a
// payment profile, a component of each kind with a second price point, a coupon, a subscription, an
// invoice). Its handles and codes differ from every example's, so an example creating one is not a clash.
import type { Harness } from './harness.js';

export type ComponentKind = 'quantity_based' | 'metered' | 'on_off' | 'prepaid_usage' | 'event_based';

export interface FixtureComponent {
  id: number;
  handle: string;
  /** A price point besides the default, for examples that name one. */
  pricePoint: { id: number; handle: string };
}

export interface Fixture {
  familyId: number;
  product: { id: number; handle: string; pricePoint: { id: number; handle: string } };
  components: Record<ComponentKind, FixtureComponent>;
  coupon: { id: number; code: string };
  parent: { id: number; reference: string };
  customer: { id: number; reference: string };
  /** A customer with nothing of its own, for the operations that delete one. */
  spare: { id: number };
  paymentProfileId: number;
  subscription: { id: number; reference: string };
  invoiceUid: string;
}

const BRACKETS = [{ starting_quantity: 1, unit_price: '2.00' }];

export async function buildFixture(harness: Harness): Promise<Fixture> {
  const created = async (method: string, path: string, body: unknown, root: string): Promise<Record<string, any>> => {
    const response = await harness.call(method, path, body);
    if (response.status >= 300) throw new Error(`fixture: ${method} ${path} answered ${response.status}: ${response.text}`);
    return response.body[root];
  };
  const family = await created('POST', '/product_families.json', { product_family: { name: 'Fixture family', handle: 'fixture-family' } }, 'product_family');
  const product = await created(
    'POST',
    `/product_families/${family.id}/products.json`,
    { product: { name: 'Fixture plan', handle: 'fixture-plan', description: 'Plan', price_in_cents: 5000, interval: 1, interval_unit: 'month' } },
    'product',
  );
  const productPoint = await created(
    'POST',
    `/products/${product.id}/price_points.json`,
    { price_point: { name: 'Fixture annual', handle: 'fixture-annual', price_in_cents: 50000, interval: 12, interval_unit: 'month' } },
    'price_point',
  );
  const component = async (kind: ComponentKind, extra: Record<string, unknown>): Promise<FixtureComponent> => {
    const handle = `fixture-${kind.replace('_', '-')}`;
    const made = await created(
      'POST',
      `/product_families/${family.id}/${kind}_components.json`,
      { [`${kind}_component`]: { name: `Fixture ${kind}`, handle, ...extra } },
      'component',
    );
    const point = await created(
      'POST',
      `/components/${made.id}/price_points.json`,
      { price_point: { name: `Fixture ${kind} special`, handle: `${handle}-special`, pricing_scheme: 'per_unit', prices: BRACKETS } },
      'price_point',
    );
    return { id: made.id, handle, pricePoint: { id: point.id, handle: point.handle } };
  };
  const priced = { unit_name: 'unit', pricing_scheme: 'per_unit', prices: BRACKETS };
  const components: Record<ComponentKind, FixtureComponent> = {
    quantity_based: await component('quantity_based', { ...priced, allow_fractional_quantities: true }),
    metered: await component('metered', priced),
    on_off: await component('on_off', { unit_price: '10.00' }),
    prepaid_usage: await component('prepaid_usage', { ...priced, overage_pricing: { pricing_scheme: 'per_unit', prices: BRACKETS } }),
    event_based: await component('event_based', { ...priced, event_based_billing_metric_id: 1 }),
  };
  const coupon = await created('POST', `/product_families/${family.id}/coupons.json`, { coupon: { name: 'Fixture ten', code: 'FIXTURE10', percentage: 10, stackable: true } }, 'coupon');
  const parent = await created('POST', '/customers.json', { customer: { first_name: 'Pat', last_name: 'Parent', email: 'parent@example.com', reference: 'fixture-parent' } }, 'customer');
  const customer = await created(
    'POST',
    '/customers.json',
    { customer: { first_name: 'Chris', last_name: 'Child', email: 'child@example.com', reference: 'fixture-customer', parent_id: parent.id } },
    'customer',
  );
  const spare = await created('POST', '/customers.json', { customer: { first_name: 'Sam', last_name: 'Spare', email: 'spare@example.com' } }, 'customer');
  const profile = await created(
    'POST',
    '/payment_profiles.json',
    { payment_profile: { customer_id: customer.id, vault_token: 'tok_fixture_4242', current_vault: 'bogus', last_four: '4242', card_type: 'visa', expiration_month: 4, expiration_year: 2032 } },
    'payment_profile',
  );
  const subscription = await created(
    'POST',
    '/subscriptions.json',
    {
      subscription: {
        product_handle: 'fixture-plan',
        customer_id: customer.id,
        payment_profile_id: profile.id,
        reference: 'fixture-subscription',
        coupon_code: 'FIXTURE10',
        components: [
          { component_id: components.quantity_based.id, allocated_quantity: 3 },
          { component_id: components.metered.id, unit_balance: 10 },
          { component_id: components.on_off.id, enabled: true },
        ],
      },
    },
    'subscription',
  );
  const invoice = await created(
    'POST',
    `/subscriptions/${subscription.id}/invoices.json`,
    { invoice: { line_items: [{ title: 'Fixture charge', quantity: 1, unit_price: '5.00' }] } },
    'invoice',
  );
  return {
    familyId: family.id,
    product: { id: product.id, handle: 'fixture-plan', pricePoint: { id: productPoint.id, handle: 'fixture-annual' } },
    components,
    coupon: { id: coupon.id, code: 'FIXTURE10' },
    parent: { id: parent.id, reference: 'fixture-parent' },
    customer: { id: customer.id, reference: 'fixture-customer' },
    spare: { id: spare.id },
    paymentProfileId: profile.id,
    subscription: { id: subscription.id, reference: 'fixture-subscription' },
    invoiceUid: invoice.uid,
  };
}
