// A component's or component price point's price → the API's pricing attributes: the scheme, the
// `prices` brackets, and a prepaid usage component's overage pricing, renewal, rollover and expiry.
import type { ComponentPrice, ComponentPricing } from '../../../plan/map/components.js';
import { compact } from './compact.js';
import type { JsonObject } from '../api.js';
import { wirePrices } from './prices.js';

function wirePrice({ pricingScheme, prices }: ComponentPrice): JsonObject {
  return { pricing_scheme: pricingScheme, prices: wirePrices(prices) };
}

export function wireComponentPricing(pricing: ComponentPricing): JsonObject {
  return { ...wirePrice(pricing), ...(pricing.prepaid ? wirePrepaid(pricing.prepaid) : {}) };
}

function wirePrepaid(prepaid: NonNullable<ComponentPricing['prepaid']>): JsonObject {
  return compact({
    overage_pricing: wirePrice(prepaid.overage),
    renew_prepaid_allocation: prepaid.autoRenew,
    rollover_prepaid_remainder: prepaid.rollover,
    expiration_interval: prepaid.expirationInterval,
    expiration_interval_unit: prepaid.expirationIntervalUnit,
  });
}
