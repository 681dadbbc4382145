// The site side of an explanation: a renewal preview reduced to its lines (product, each component),
// discount and tax, whether it came from the site's renewal preview or from pricing the catalog.
import type { Decimal } from '../pricing/index.js';

export interface PreviewLine {
  kind: 'product' | 'component';
  /** Product or component handle. */
  handle: string;
  /** Price point handle, when known. */
  pricePoint?: string;
  quantity?: Decimal;
  /** Before discounts, in currency units. */
  amount: Decimal;
}

export interface PreviewFacts {
  /** Where the facts come from: the site's renewal preview, or the catalog templates priced locally. */
  source: 'site' | 'catalog';
  currency: string;
  lines: PreviewLine[];
  /** Coupon codes applied, when the source says (the site's preview lists only their total). */
  couponCodes?: string[];
  /** Total discount, positive. */
  discount: Decimal;
  tax: Decimal;
  uncalculatedTaxes: boolean;
  total: Decimal;
}
