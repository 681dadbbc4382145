// A subscription as the invoice that opens its current billing period, priced by the toolkit from the
// catalog templates (src/pricing, as `validate --preview` prices it): what a target that derives
// subscriptions from invoices (ChartMogul) imports for a subscription row. The importer attaches it to
// a subscription operation's fields as `opening` when the target's profile asks for it.
import type { ObjectRef } from './operation.js';

export type OpeningInvoiceLine = {
  kind: 'product' | 'component';
  handle: string;
  pricePoint?: string;
  /** A decimal string (components). */
  quantity?: string;
  /** Before discounts, a decimal string in the currency. */
  amount: string;
};

export type OpeningInvoiceFields = {
  currency: string;
  /** The product price point the subscription is on (`${product}/${price point}`): its plan on the target. */
  plan: ObjectRef;
  lines: OpeningInvoiceLine[];
  /** The coupon codes the pricing applied. */
  couponCodes: string[];
  /** All discounts, positive, a decimal string. */
  discount: string;
  /** What the invoice charges: the lines less the discount, a decimal string. */
  total: string;
};
