// Where the coupons template's columns go in Advanced Billing (`migrate templates coupons` prints it).
import { BOOLEAN, MONEY, statusMapping, to, toolkit } from './vocabulary.js';
import type { MappingTable } from '../../column-mapping.js';

const CREATE = 'Create Coupon';

export const couponsMapping: MappingTable = {
  ...statusMapping,
  name: to(CREATE, 'coupon.name', 'a value enables the row'),
  code: to(CREATE, 'coupon.code', 'also how a re-run finds the coupon'),
  description: to(CREATE, 'coupon.description'),
  product_family_id: toolkit('reference: the family (ID or handle) resolved to its id, sent as the path {product_family_id} and coupon.product_family_id of Create Coupon'),
  percentage_discount: to(CREATE, 'coupon.percentage'),
  flat_discount: to(CREATE, 'coupon.amount_in_cents', MONEY),
  stackable: to(CREATE, 'coupon.stackable', BOOLEAN),
  recurring: to(CREATE, 'coupon.recurring', BOOLEAN),
  review_after_import: toolkit('TRUE appends " EDIT" to coupon.name (Create Coupon), so the coupons to review can be found on the site'),
};
