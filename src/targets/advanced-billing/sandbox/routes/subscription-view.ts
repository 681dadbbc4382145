// A subscription and its components as the API shows them: the stored record with its customer,
// product and payment profile embedded.
import { publicView } from '../fields.js';
import type { StoredRecord, Store } from '../store.js';
import { paymentProfileView } from './payment-profiles.js';
import { productView } from './products.js';

/** One component line of a subscription as stored (private field `_components`). */
export interface StoredSubscriptionComponent {
  component_id: number;
  price_point_id: number;
  /** Decimal string: allocated quantity, unit balance, or 1/0 for on/off. */
  quantity: string;
  enabled: boolean | null;
  custom_price: { pricing_scheme: string; prices: Array<{ starting_quantity: number; ending_quantity: number | null; unit_price: string }> } | null;
}

export function storedComponents(subscription: StoredRecord): StoredSubscriptionComponent[] {
  return (subscription._components ?? []) as unknown as StoredSubscriptionComponent[];
}

export function subscriptionView(store: Store, subscription: StoredRecord): Record<string, unknown> {
  const customer = store.get('customers', Number(subscription.customer_id));
  const product = store.get('products', Number(subscription.product_id));
  const profile = subscription.payment_profile_id === null ? undefined : store.get('payment_profiles', Number(subscription.payment_profile_id));
  const view = publicView(subscription);
  delete view.customer_id;
  delete view.product_id;
  delete view.payment_profile_id;
  return {
    ...view,
    customer: customer ? publicView(customer) : undefined,
    // Priced as the subscription is, at its own price point (catalog or custom), as a real site shows it.
    product: product ? productView(store, product, subscription.product_price_point_id) : undefined,
    ...(profile?.payment_type === 'bank_account' ? { bank_account: paymentProfileView(profile) } : {}),
    ...(profile && profile.payment_type !== 'bank_account' ? { credit_card: paymentProfileView(profile) } : {}),
    payment_type: profile ? profile.payment_type : null,
  };
}

export function subscriptionComponentView(store: Store, subscription: StoredRecord, line: StoredSubscriptionComponent): Record<string, unknown> {
  const component = store.get('components', line.component_id);
  const point = store.get('component_price_points', line.price_point_id);
  const family = component ? store.get('product_families', Number(component.product_family_id)) : undefined;
  const kind = String(component?.kind ?? 'quantity_based_component');
  const quantity = Number(line.quantity);
  return {
    id: line.component_id,
    name: component?.name ?? '',
    kind,
    unit_name: component?.unit_name ?? '',
    ...(kind === 'on_off_component' ? { enabled: line.enabled === true } : {}),
    unit_balance: kind === 'metered_component' || kind === 'prepaid_usage_component' ? Math.trunc(quantity) : 0,
    currency: subscription.currency,
    allocated_quantity: kind === 'quantity_based_component' ? quantity : 0,
    pricing_scheme: line.custom_price?.pricing_scheme ?? point?.pricing_scheme ?? null,
    component_id: line.component_id,
    component_handle: component?.handle ?? null,
    subscription_id: subscription.id,
    recurring: component?.recurring ?? true,
    upgrade_charge: null,
    downgrade_credit: null,
    archived_at: component?.archived_at ?? null,
    price_point_id: line.price_point_id,
    price_point_handle: point?.handle ?? null,
    price_point_type: line.custom_price ? 'custom' : point?.type === 'default' ? 'default' : 'catalog',
    price_point_name: point?.name ?? null,
    product_family_id: component?.product_family_id ?? null,
    product_family_handle: family?.handle ?? null,
    created_at: subscription.created_at,
    updated_at: subscription.updated_at,
    use_site_exchange_rate: true,
    description: component?.description ?? null,
    allow_fractional_quantities: component?.allow_fractional_quantities ?? false,
  };
}
