// What a created or found subscription leaves behind: its id and link, and `ChargifyNextRenewal` from
// the site's renewal preview; and how a subscription without a reference is found again.
import type { StepOutcome } from '../../../plan/operation.js';
import { fromMinorUnits } from '../../../plan/map/cells.js';
import { linkTo, siteInfo } from './site.js';
import { objectId } from './ids.js';
import { perTarget } from './per-target.js';
import type { JsonObject, AdvancedBillingApi } from '../api.js';

/** The outcome of a created or found subscription, with `ChargifyNextRenewal` from the site's renewal preview. */
export async function subscriptionOutcome(target: AdvancedBillingApi, subscription: JsonObject, applied: Record<string, string>): Promise<StepOutcome> {
  const id = objectId(subscription);
  const preview = await target.previewRenewal(id);
  const currency = await subscriptionCurrency(target, id, subscription);
  const total = preview.total_in_cents;
  return {
    id,
    link: linkTo(target, { type: 'subscription', id }),
    applied,
    ...(typeof total === 'number' || typeof total === 'string' ? { nextRenewal: fromMinorUnits(total, currency) } : {}),
  };
}

/** The subscription's product handle as the site reports it. */
function productHandleOf(subscription: JsonObject): string | undefined {
  const product = subscription.product;
  return product && typeof product === 'object' && !Array.isArray(product) && typeof product.handle === 'string' ? product.handle : undefined;
}

/** The `occurrence`-th (1-based, by id) of a customer's subscriptions to a product. */
export async function nthSubscriptionOf(target: AdvancedBillingApi, customerId: number, productHandle: string, occurrence: number): Promise<JsonObject | undefined> {
  const subscriptions = (await target.listCustomerSubscriptions(customerId))
    .filter((subscription) => productHandleOf(subscription) === productHandle)
    .sort((a, b) => objectId(a) - objectId(b));
  return subscriptions[occurrence - 1];
}

/**
 * Currencies of the subscriptions a target created or read in this process: a subscription's currency
 * never changes, and a balance added right after its subscription then needs no second read.
 */
const knownCurrencies = perTarget<number, string>();

/** The currency of a subscription as the site holds it (the site's own when the subscription names none). */
export async function subscriptionCurrency(target: AdvancedBillingApi, subscriptionId: number, known?: JsonObject): Promise<string> {
  const currencies = knownCurrencies(target);
  const remembered = known === undefined ? currencies.get(subscriptionId) : undefined;
  if (remembered !== undefined) return remembered;
  const subscription = known ?? (await target.readSubscription(subscriptionId));
  const currency = typeof subscription?.currency === 'string' ? subscription.currency : (await siteInfo(target)).currency;
  if (subscription !== undefined) currencies.set(subscriptionId, currency);
  return currency;
}
