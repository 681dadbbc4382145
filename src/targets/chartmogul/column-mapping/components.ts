// Where the components template's columns go on ChartMogul (`migrate templates components --system chartmogul` prints it):
// ChartMogul has no components; their pricing prices the opening invoices of the subscriptions that use them.
import type { MappingTable } from '../../column-mapping.js';
import { allNotApplicable, notApplicable, notTakenStatusMapping, toolkit } from './vocabulary.js';

const NO_COMPONENTS = "ChartMogul has no components: a subscription's component charges are priced into the amount of its opening invoice";
/** What catalog pricing reads (src/compare/catalog.ts): which component and price point, its kind and its prices. */
const PRICING = ['component_type', 'handle', 'attach_to', 'price_point_handle', 'pricing_scheme', 'per_unit_price', 'starting_quantity_N', 'ending_quantity_N', 'price_N'];

export const componentsMapping: MappingTable = {
  ...notTakenStatusMapping,
  ...allNotApplicable(
    ['component_name', 'description', 'unit_name', 'product_family_id', 'taxable', 'tax_code', 'allow_fractional_quantities', 'hide_date_range_on_invoice', 'allow_billing_portal_updates', 'upgrade_charge', 'downgrade_credit', 'price_point_name'],
    NO_COMPONENTS,
  ),
  metric_id: notApplicable('ChartMogul has no event-based billing: usage is metered and billed by the billing system'),
  ...Object.fromEntries(PRICING.map((column) => [column, toolkit('prices the opening invoice of each subscription that uses it; ChartMogul has no components; not sent')])),
  ...allNotApplicable(
    ['auto_renew_units', 'allow_rollover', 'expire_after', 'month_or_day', 'overage_pricing_scheme', 'overage_per_unit_price', 'overage_starting_quantity_N', 'overage_ending_quantity_N', 'overage_price_N'],
    'ChartMogul has no prepaid allocations: rollover, expiry and overage stay in the billing system, whose invoices carry their charges',
  ),
};
