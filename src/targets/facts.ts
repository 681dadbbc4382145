// What compare reads from a site, in the toolkit's terms: a subscription's renewal preview and the
// catalog's prices. Amounts are decimal strings in currency units (never minor units), dates YYYY-MM-DD.
import type { ComponentLine, PricingScheme } from '../pricing/index.js';

/** Finds a subscription: by its site id first, else by its reference. */
export interface SubscriptionLocator {
  /** The target's id, as text. */
  id?: string;
  reference?: string;
}

export interface RenewalFactLine {
  kind: 'product' | 'component';
  /** Product or component handle. */
  handle: string;
  /** Price point handle, when known. */
  pricePoint?: string;
  quantity?: string;
  /** Before discounts. */
  amount: string;
}

export interface RenewalFacts {
  /** The target's id of the subscription, as text. */
  subscriptionId: string;
  /** The subscription's currency, else the site's. */
  currency: string;
  /** When the renewal is due (YYYY-MM-DD), as the preview says. */
  nextBillingAt?: string;
  lines: RenewalFactLine[];
  /** Coupon codes applied to the subscription, when the site says. */
  couponCodes?: string[];
  /** Total discount, positive. */
  discount: string;
  tax: string;
  uncalculatedTaxes: boolean;
  total: string;
}

export interface SiteProduct {
  handle: string;
  name: string;
  defaultPricePoint?: string;
  pricePoints: Array<{ handle: string; price: string }>;
}

export interface SitePriceBracket {
  startingQuantity: string;
  endingQuantity: string | null;
  unitPrice: string;
}

export interface SiteComponentPricePoint {
  handle: string;
  scheme: PricingScheme;
  /** per_unit pricing. */
  unitPrice?: string;
  /** volume, tiered and stairstep pricing. */
  brackets?: SitePriceBracket[];
}

export interface SiteComponent {
  handle: string;
  name: string;
  kind: ComponentLine['kind'];
  defaultPricePoint?: string;
  pricePoints: SiteComponentPricePoint[];
}

export interface SiteCoupon {
  code: string;
  stackable: boolean;
  percentage?: string;
  amount?: string;
}

/** The site's active (unarchived) catalog, in the site's order. */
export interface SiteCatalog {
  products: SiteProduct[];
  components: SiteComponent[];
  coupons: SiteCoupon[];
}
