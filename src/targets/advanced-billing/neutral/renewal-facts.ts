// compare's renewal facts from the API: finds the subscription (by id, else by reference), asks for its
// renewal preview and reads its components, and reduces the three to neutral facts in currency units.
import { Decimal, minorUnitDigits } from '../../../pricing/index.js';
import type { RenewalFactLine, RenewalFacts, SubscriptionLocator } from '../../facts.js';
import type { AdvancedBillingApi, Json, JsonObject } from '../api.js';
import { isObject, stringOf } from './json.js';

export async function renewalFacts(api: AdvancedBillingApi, locator: SubscriptionLocator, siteCurrency: string): Promise<RenewalFacts | undefined> {
  const subscription = await findSubscription(api, locator);
  if (subscription === undefined) return undefined;
  const id = Number(subscription.id);
  const [preview, components] = await Promise.all([api.previewRenewal(id), api.listSubscriptionComponents(id)]);
  const currency = typeof subscription.currency === 'string' ? subscription.currency.toUpperCase() : siteCurrency;
  const next = typeof preview.next_assessment_at === 'string' ? preview.next_assessment_at.slice(0, 10) : undefined;
  return { subscriptionId: String(id), ...previewFacts(preview, subscription, components, currency), ...(next !== undefined ? { nextBillingAt: next } : {}) };
}

async function findSubscription(api: AdvancedBillingApi, locator: SubscriptionLocator): Promise<JsonObject | undefined> {
  if (locator.id !== undefined) {
    const byId = await api.readSubscription(Number(locator.id));
    if (byId !== undefined) return byId;
  }
  if (locator.reference !== undefined) return api.findSubscriptionByReference(locator.reference);
  return undefined;
}

/** Reduces the API's renewal preview (with the subscription and its components) to the facts compare explains with. */
function previewFacts(preview: JsonObject, subscription: JsonObject, components: JsonObject[], currency: string): Omit<RenewalFacts, 'subscriptionId' | 'nextBillingAt'> {
  const units = (cents: Json | undefined): string => new Decimal(typeof cents === 'number' || typeof cents === 'string' ? String(cents) : '0').dividedBy(new Decimal(10).pow(minorUnitDigits(currency))).toString();
  const items = Array.isArray(preview.line_items) ? preview.line_items.filter(isObject) : [];
  const product = isObject(subscription.product) ? subscription.product : undefined;
  const pricePointHandle = stringOf(subscription.product_price_point_handle) ?? stringOf(product?.product_price_point_handle);
  const lines: RenewalFactLine[] = [];
  for (const item of items) {
    if (item.transaction_type !== undefined && item.transaction_type !== 'charge') continue;
    const componentHandle = stringOf(item.component_handle);
    if (componentHandle === undefined && (item.kind === 'baseline' || item.component_id === undefined)) {
      lines.push({ kind: 'product', handle: stringOf(item.product_handle) ?? stringOf(product?.handle) ?? '', amount: units(item.amount_in_cents), ...(pricePointHandle ? { pricePoint: pricePointHandle } : {}) });
      continue;
    }
    const component = components.find((candidate) => candidate.component_id === item.component_id || (componentHandle !== undefined && candidate.component_handle === componentHandle));
    const quantity = component === undefined ? undefined : quantityOf(component);
    lines.push({
      kind: 'component',
      handle: componentHandle ?? stringOf(component?.component_handle) ?? String(item.component_id ?? ''),
      amount: units(item.amount_in_cents),
      ...(quantity !== undefined ? { quantity } : {}),
      ...(stringOf(component?.price_point_handle) ? { pricePoint: stringOf(component?.price_point_handle)! } : {}),
    });
  }
  // Components the subscription has but the preview does not charge (quantity 0) still belong beside the row.
  for (const component of components) {
    const handle = stringOf(component.component_handle);
    if (handle === undefined || lines.some((line) => line.kind === 'component' && line.handle === handle)) continue;
    lines.push({ kind: 'component', handle, amount: '0', quantity: quantityOf(component) ?? '0' });
  }
  const couponCodes = Array.isArray(subscription.coupon_codes) ? subscription.coupon_codes.filter((code): code is string => typeof code === 'string') : undefined;
  return {
    currency,
    lines,
    ...(couponCodes !== undefined ? { couponCodes } : {}),
    discount: units(preview.total_discount_in_cents),
    tax: units(preview.total_tax_in_cents),
    uncalculatedTaxes: preview.uncalculated_taxes === true,
    total: units(preview.total_in_cents),
  };
}

/** A subscription component's quantity: on/off as 1 or 0, usage kinds by their balance, the rest as allocated. */
function quantityOf(component: JsonObject): string | undefined {
  const kind = component.kind;
  if (kind === 'on_off_component') return component.enabled === true ? '1' : '0';
  const value = kind === 'metered_component' || kind === 'prepaid_usage_component' || kind === 'event_based_component' ? component.unit_balance : component.allocated_quantity;
  return typeof value === 'number' || (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value)) ? String(value) : undefined;
}
