// Renewal previews from the site through the Target: finds a result row's subscription (by the id in
// its Result link, else by reference), asks for its renewal preview and reads its components and
// coupons, reduced to PreviewFacts for the comparison and the explanations.
import { parseIsoDate, type CalendarDate } from '../dates/index.js';
import { Decimal, minorUnitDigits } from '../pricing/index.js';
import type { Json, JsonObject, Target } from '../targets/advanced-billing/api.js';
import type { PreviewFacts, PreviewLine } from './preview-facts.js';
import type { SubscriptionRow } from './result-rows.js';

export interface SitePreview {
  subscriptionId: number;
  facts: PreviewFacts;
  nextBillingAt?: CalendarDate;
}

/** The site's renewal preview of the row's subscription, or undefined when the site does not have it. */
export async function previewFromSite(target: Target, row: SubscriptionRow, siteCurrency: string): Promise<SitePreview | undefined> {
  const subscription = await findSubscription(target, row);
  if (subscription === undefined) return undefined;
  const id = Number(subscription.id);
  const [preview, components] = await Promise.all([target.previewRenewal(id), target.listSubscriptionComponents(id)]);
  const currency = typeof subscription.currency === 'string' ? subscription.currency.toUpperCase() : siteCurrency;
  const next = typeof preview.next_assessment_at === 'string' ? parseIsoDate(preview.next_assessment_at.slice(0, 10)) : undefined;
  return { subscriptionId: id, facts: previewFacts(preview, subscription, components, currency), ...(next ? { nextBillingAt: next } : {}) };
}

async function findSubscription(target: Target, row: SubscriptionRow): Promise<JsonObject | undefined> {
  if (row.subscriptionId !== undefined) {
    const byId = await target.readSubscription(row.subscriptionId);
    if (byId !== undefined) return byId;
  }
  if (row.subscriptionReference !== undefined) return target.findSubscriptionByReference(row.subscriptionReference);
  return undefined;
}

/** Reduces the API's renewal preview (with the subscription and its components) to PreviewFacts. */
function previewFacts(preview: JsonObject, subscription: JsonObject, components: JsonObject[], currency: string): PreviewFacts {
  const units = (cents: Json | undefined): Decimal => new Decimal(typeof cents === 'number' || typeof cents === 'string' ? String(cents) : '0').dividedBy(new Decimal(10).pow(minorUnitDigits(currency)));
  const items = Array.isArray(preview.line_items) ? preview.line_items.filter(isObject) : [];
  const product = isObject(subscription.product) ? subscription.product : undefined;
  const pricePointHandle = stringOf(subscription.product_price_point_handle) ?? stringOf(product?.product_price_point_handle);
  const lines: PreviewLine[] = [];
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
    lines.push({ kind: 'component', handle, amount: new Decimal(0), quantity: quantityOf(component) ?? new Decimal(0) });
  }
  const couponCodes = Array.isArray(subscription.coupon_codes) ? subscription.coupon_codes.filter((code): code is string => typeof code === 'string') : undefined;
  return {
    source: 'site',
    currency,
    lines,
    ...(couponCodes !== undefined ? { couponCodes } : {}),
    discount: units(preview.total_discount_in_cents),
    tax: units(preview.total_tax_in_cents),
    uncalculatedTaxes: preview.uncalculated_taxes === true,
    total: units(preview.total_in_cents),
  };
}

function quantityOf(component: JsonObject): Decimal | undefined {
  const kind = component.kind;
  if (kind === 'on_off_component') return new Decimal(component.enabled === true ? 1 : 0);
  const value = kind === 'metered_component' || kind === 'prepaid_usage_component' || kind === 'event_based_component' ? component.unit_balance : component.allocated_quantity;
  return typeof value === 'number' || (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value)) ? new Decimal(String(value)) : undefined;
}

function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringOf(value: Json | undefined): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}
