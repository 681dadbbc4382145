// Neutral billing fields → the API's subscription billing attributes: calendar dates become noon in
// the site's time zone (see billingDateTime), net terms a string, prepaid a prepaid_configuration.
import type { BillingFields } from '../../../plan/map/subscriptions.js';
import { compact } from './compact.js';
import { BILLING_HOUR, wallClockTime } from '../../../dates/zoned-time.js';
import type { JsonObject } from '../api.js';

export function billingAttributes(billing: BillingFields, timeZone: string | undefined): JsonObject {
  return compact({
    currency: billing.currency,
    payment_collection_method: billing.collectionMethod,
    next_billing_at: billingDateTime(billing.nextBillingDate, timeZone),
    previous_billing_at: billing.previousBillingDate === undefined ? undefined : billingDateTime(billing.previousBillingDate, timeZone),
    net_terms: billing.netTerms === undefined ? undefined : String(billing.netTerms),
    prepaid_configuration: prepaidConfiguration(billing),
  });
}

/**
 * A prepaid subscription needs its prepaid_configuration. The template has no auto-replenishment
 * columns, so it is off (the engineer sets it on the site if the old system replenished); the opening
 * balance is the prepayment operation, added as an external prepayment after creation (see balance.ts),
 * not an initial funding the site would charge to the card.
 */
function prepaidConfiguration(billing: BillingFields): JsonObject | undefined {
  return billing.collectionMethod === 'prepaid' ? { auto_replenish: false } : undefined;
}

/**
 * A calendar date as the API's date-time: noon that day in the site's time zone, with its offset
 * ("2027-03-15T12:00:00-04:00"). The API takes a bare date as noon too, but the request schema wants a
 * date-time; noon keeps the day even when the configured zone is a few hours off the site's.
 */
export function billingDateTime(date: string, timeZone = 'UTC'): string {
  return wallClockTime(date, BILLING_HOUR, timeZone);
}
