// Where the products template's columns go in Advanced Billing (`migrate templates products` prints it).
import { BOOLEAN, MONEY, sent, statusMapping, to, toMany, toolkit } from './vocabulary.js';
import type { MappingTable } from '../../column-mapping.js';

const PRODUCT = 'Create Product';
const PRICE_POINT = 'Create Product Price Point';
/** The pricing columns go to both: the product's own price and the row's price point (promoted to default). */
const priced = (field: string, note?: string) =>
  toMany([sent(PRODUCT, `product.${field}`, 'a product row'), sent(PRICE_POINT, `price_point.${field}`)], note);

export const productsMapping: MappingTable = {
  ...statusMapping,
  product_name: to(PRODUCT, 'product.name', 'a value makes the row a product'),
  description: to(PRODUCT, 'product.description'),
  product_family_id: toolkit('reference: the family (ID or handle) resolved to its id, the path {product_family_id} of Create Product'),
  tax_code: to(PRODUCT, 'product.tax_code'),
  require_payment_method: to(PRODUCT, 'product.require_credit_card', BOOLEAN),
  auto_create_signup_page: to(PRODUCT, 'product.auto_create_signup_page', `${BOOLEAN}; the site shows the page it made in public_signup_pages`),
  handle: to(PRODUCT, 'product.handle'),
  attach_to: toolkit("reference: the product (handle or ID) the price point is created on, the path {product_id} of Create Product Price Point; a product row's price point is promoted to default (Promote Product Price Point to Default)"),
  price_point_name: to(PRICE_POINT, 'price_point.name'),
  price_point_handle: to(PRICE_POINT, 'price_point.handle'),
  price: priced('price_in_cents', MONEY),
  renew_every: priced('interval'),
  month_or_day: priced('interval_unit'),
  trial_price: priced('trial_price_in_cents', MONEY),
  trial_interval: priced('trial_interval'),
  trial_month_or_day: priced('trial_interval_unit'),
  trial_type: priced('trial_type'),
  expiration_interval: priced('expiration_interval'),
  expiration_month_or_day: priced('expiration_interval_unit'),
  setup_fee_price: to(PRICE_POINT, 'price_point.initial_charge_in_cents', MONEY),
};
