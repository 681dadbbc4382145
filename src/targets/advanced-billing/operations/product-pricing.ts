// A product's or product price point's billing terms → the API's price point attributes, amounts in
// the minor unit of the site's currency (the `*_in_cents` integers), which only the site knows.
import { PRODUCT_AMOUNT_COLUMNS, type ProductPricing } from '../../../plan/map/products.js';
import { minorUnitsOf } from '../../minor-units.js';
import { compact } from './compact.js';
import type { SourceRow } from '../../../plan/operation.js';
import type { JsonObject } from '../api.js';

type Amount = keyof typeof PRODUCT_AMOUNT_COLUMNS;

/** The amount in minor units; an amount the currency cannot hold fails the row on its template column. */
export function productCents(source: SourceRow, field: Amount, amount: string | undefined, currency: string): number | undefined {
  return amount === undefined ? undefined : minorUnitsOf(amount, currency, source, PRODUCT_AMOUNT_COLUMNS[field]);
}

export function wireProductPricing(source: SourceRow, pricing: ProductPricing, currency: string): JsonObject {
  return compact({
    price_in_cents: productCents(source, 'price', pricing.price, currency),
    interval: pricing.interval,
    interval_unit: pricing.intervalUnit,
    trial_price_in_cents: productCents(source, 'trialPrice', pricing.trialPrice, currency),
    trial_interval: pricing.trialInterval,
    trial_interval_unit: pricing.trialIntervalUnit,
    trial_type: pricing.trialType,
    expiration_interval: pricing.expirationInterval,
    expiration_interval_unit: pricing.expirationIntervalUnit,
  });
}
