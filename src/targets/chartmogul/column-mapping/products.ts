// Where the products template's columns go on ChartMogul (`migrate templates products --system chartmogul` prints it):
// ChartMogul has no products, so each price point becomes a plan of its own.
import type { MappingTable } from '../../column-mapping.js';
import { allNotApplicable, CREATE_PLAN, field, notApplicable, sentTo, STATUS, toolkit } from './vocabulary.js';

const EXTERNAL_ID = sentTo([field(CREATE_PLAN, 'external_id')], '"<attach_to>/<price_point_handle>", unique in the configured data source (data_source_uuid)');
const NO_TRIALS = 'ChartMogul plans configure no trials: a trial shows from the invoices a subscription had, which stay in the billing system';
const NEVER_EXPIRE = 'ChartMogul plans do not expire: a subscription ends there when the billing system stops invoicing it';

export const productsMapping: MappingTable = {
  Status: STATUS,
  Result: toolkit("toolkit: result column (the plan made from the row's price point, or the error), written by the import"),
  product_name: notApplicable("ChartMogul has no products: each of the product's price points becomes a plan, named by price_point_name"),
  description: notApplicable('ChartMogul plans have no description: it stays in the billing system'),
  product_family_id: notApplicable('ChartMogul has no product families: plans stand alone in the data source'),
  taxable: notApplicable('ChartMogul plans carry no tax settings: taxes stay in the billing system'),
  tax_code: notApplicable('ChartMogul plans carry no tax settings: taxes stay in the billing system'),
  require_payment_method: notApplicable('ChartMogul never charges anyone: whether a payment method is required stays in the billing system'),
  ...allNotApplicable(['require_billing_address', 'require_shipping_address'], 'ChartMogul has no signup: what a signup requires stays in the billing system'),
  auto_create_signup_page: notApplicable('ChartMogul has no signup pages: they stay in the billing system'),
  handle: notApplicable("ChartMogul has no products: the product's handle reaches it only in its plans' external_id (through attach_to)"),
  attach_to: EXTERNAL_ID,
  price_point_name: sentTo([field(CREATE_PLAN, 'name')]),
  price_point_handle: EXTERNAL_ID,
  price: toolkit('prices the opening invoice of each subscription on this price point (ChartMogul plans carry no price); not sent'),
  renew_every: sentTo([field(CREATE_PLAN, 'interval_count')]),
  month_or_day: sentTo([field(CREATE_PLAN, 'interval_unit')], 'month or day'),
  ...allNotApplicable(['trial_price', 'trial_interval', 'trial_month_or_day', 'trial_type'], NO_TRIALS),
  ...allNotApplicable(['expiration_interval', 'expiration_month_or_day'], NEVER_EXPIRE),
  setup_fee_price: notApplicable('ChartMogul plans carry no setup fee: it is a one-time charge, which never counts in MRR, and stays in the billing system'),
};
