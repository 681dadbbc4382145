// Where the coupons template's columns go on ChartMogul (`migrate templates coupons --system chartmogul` prints it):
// ChartMogul has no coupons; a subscription's coupons are priced into its opening invoice as its discount.
import type { MappingTable } from '../../column-mapping.js';
import { allNotApplicable, notApplicable, notTakenStatusMapping, toolkit } from './vocabulary.js';

const NO_COUPONS = "ChartMogul has no coupons: a subscription's coupons are priced into its opening invoice as its discount";
const PRICES = toolkit('prices the opening invoice of each subscription that uses it; ChartMogul has no coupons; not sent');

export const couponsMapping: MappingTable = {
  ...notTakenStatusMapping,
  ...allNotApplicable(['name', 'description', 'product_family_id', 'review_after_import'], NO_COUPONS),
  code: toolkit("the code subscriptions name in coupon_code_N (sent as that line item's discount_code); prices their opening invoices"),
  percentage_discount: PRICES,
  flat_discount: PRICES,
  stackable: PRICES,
  recurring: notApplicable('ChartMogul has no coupons: whether a discount recurs shows in the invoices the billing system issues'),
};
