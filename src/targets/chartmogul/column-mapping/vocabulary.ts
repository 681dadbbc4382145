// The ChartMogul mapping tables' vocabulary and the blocks several templates share (status, customer,
// payment profile, subscription): where a column's value goes in the configured data source, in the words
// of ChartMogul's API reference (operations "Create a Customer", "Create a Plan", "Import Invoices").
import { paymentProfileColumns } from '../../../templates/columns.js';
import { getTemplate, type TemplateKind } from '../../../templates/index.js';
import type { ApiField, ColumnMapping, MappingTable } from '../../column-mapping.js';

export const CREATE_CUSTOMER = 'Create a Customer';
export const CREATE_PLAN = 'Create a Plan';
export const IMPORT_INVOICES = 'Import Invoices';

export const field = (operation: string, path: string, when?: string): ApiField => (when === undefined ? { operation, field: path } : { operation, field: path, when });
/** The API fields that carry the column's value, with a note when it is transformed or chosen on the way. */
export const sentTo = (fields: readonly ApiField[], note?: string): ColumnMapping => (note === undefined ? { sentAs: fields } : { sentAs: fields, note });
/** A column the toolkit itself uses (output, row enabler, a reference to another object, pricing). */
export const toolkit = (what: string): ColumnMapping => ({ toolkit: what });
/** ChartMogul has no place for the column: what that means for the migration. */
export const notApplicable = (meaning: string): ColumnMapping => ({ notApplicable: meaning });
/** Every one of `columns` not applicable with the same meaning. */
export const allNotApplicable = (columns: readonly string[], meaning: string): MappingTable =>
  Object.fromEntries(columns.map((column) => [column, notApplicable(meaning)]));

export const MINOR_UNIT = "in the currency's minor unit (10.50 → 1050)";
/** How subscription rows' extra charges and discounts reach the opening invoice. */
export const PRICED = 'priced by the toolkit from the catalog templates, as validate --preview prices them';
export const STATUS = toolkit('toolkit: result column (success, error, pending), written by the import');

/** Rows that make a customer, or an invoice for one: the Result links to the customer's ChartMogul page. */
export const statusMapping: MappingTable = {
  Status: STATUS,
  Result: toolkit("toolkit: result column (a link to the customer's ChartMogul page, or the error), written by the import"),
};

/** Rows ChartMogul takes nothing from: their Status and Result still say how the row went. */
export const notTakenStatusMapping: MappingTable = {
  Status: STATUS,
  Result: toolkit('toolkit: result column, written by the import (ChartMogul takes nothing from the row itself: see its columns)'),
};

/** A template ChartMogul takes nothing from: every column but Status and Result not applicable with `meaning`. */
export function wholeKindNotApplicable(kind: TemplateKind, meaning: string): MappingTable {
  const columns = getTemplate(kind).columns.map((column) => column.name).filter((name) => !(name in notTakenStatusMapping));
  return { ...notTakenStatusMapping, ...allNotApplicable(columns, meaning) };
}

export const enabler = (what: string): ColumnMapping => toolkit(`row enabler: TRUE ${what}; not sent`);

export const NO_HIERARCHY = 'ChartMogul has no customer hierarchy: parents, children and who pays stay in the billing system';
const NEVER_CHARGES = 'ChartMogul never charges anyone: payment methods and vault tokens stay in the billing system';
const NO_CONTACTS = 'ChartMogul keeps one email per customer and no contacts are created';

/**
 * The customer columns, sent by Create a Customer in the configured data source. `reference` is the
 * template's customer reference column, which becomes the customer's external_id.
 */
export function customerMapping(reference: string, referenceNote: string): MappingTable {
  const name = (when: string) => field(CREATE_CUSTOMER, 'name', when);
  return {
    [reference]: sentTo([field(CREATE_CUSTOMER, 'external_id')], `unique in the configured data source (data_source_uuid); ${referenceNote}`),
    organization_name: sentTo([field(CREATE_CUSTOMER, 'company'), field(CREATE_CUSTOMER, 'name')], 'also its name; blank: the name is first_name last_name'),
    first_name: sentTo([name('organization_name is blank')], 'name = first_name + " " + last_name'),
    last_name: sentTo([name('organization_name is blank')], 'name = first_name + " " + last_name'),
    email: sentTo([field(CREATE_CUSTOMER, 'email')]),
    cc_emails: notApplicable(`${NO_CONTACTS}: cc addresses stay in the billing system`),
    phone: notApplicable(`${NO_CONTACTS}: the phone number stays in the billing system`),
    ...allNotApplicable(['shipping_address', 'shipping_address_2'], "ChartMogul keeps a customer's country, state, city and zip, not street lines: the street address stays in the billing system"),
    shipping_city: sentTo([field(CREATE_CUSTOMER, 'city')]),
    shipping_state: sentTo([field(CREATE_CUSTOMER, 'state')]),
    shipping_zip: sentTo([field(CREATE_CUSTOMER, 'zip')]),
    shipping_country: sentTo([field(CREATE_CUSTOMER, 'country')]),
    tax_exempt: notApplicable('ChartMogul taxes no one: tax exemption stays in the billing system'),
    vat_number: notApplicable('ChartMogul taxes no one: VAT numbers stay in the billing system'),
    verified: notApplicable('ChartMogul makes no ACH payments, so it keeps no verified flag: it stays in the billing system'),
    locale: notApplicable('ChartMogul sends customers nothing, so it keeps no invoice language: it stays in the billing system'),
    ...allNotApplicable(paymentProfileColumns.map((column) => column.name), NEVER_CHARGES),
  };
}

/** A custom field pattern whose values become the customer's custom attributes. */
export const customAttribute = sentTo([field(CREATE_CUSTOMER, 'attributes.custom[].value (key: Name, type String)')], 'one custom attribute per column, on the customer');
export const SUBSCRIPTION_CUSTOM_FIELD = notApplicable('ChartMogul keeps custom attributes on customers, not subscriptions: subscription custom fields stay in the billing system');

const line = (path: string, when?: string) => field(IMPORT_INVOICES, `line_items[].${path}`, when);
const NO_BALANCES = 'ChartMogul keeps no balances';

/**
 * The columns the four subscription kinds share. A subscription becomes the invoice that opens its
 * current billing period: one subscription line item on the plan of its price point, priced as
 * validate --preview prices the renewal; `enables` says how the row's subscription_external_id is made.
 */
export function subscriptionMapping(customPricing: boolean, enables: string): MappingTable {
  const priced = sentTo([line('amount_in_cents')], `${PRICED}; ChartMogul has no components`);
  return {
    ...statusMapping,
    ChargifyNextRenewal: toolkit('toolkit: written by the import: the amount of the opening invoice imported for the row (on ChartMogul)'),
    YourExpectedRenewal: toolkit("toolkit: compared after the import (compare): normalised to a month by the subscription's interval, against the MRR ChartMogul reports for the subscription; not sent"),
    create_subscription: enabler(`imports the invoice that opens the subscription's current billing period (${enables})`),
    currency: sentTo([field(IMPORT_INVOICES, 'currency')], 'upper-cased'),
    previous_billing_at: sentTo([field(IMPORT_INVOICES, 'date'), line('service_period_start')], 'blank: next_billing_at less one interval of the plan'),
    next_billing_at: sentTo([line('service_period_end')]),
    product_handle: sentTo([line('plan_uuid')], "a line item of type subscription on the plan made from the row's price point, found by its external_id"),
    product_price_point_handle: sentTo([line('plan_uuid')], "blank: the plan of the product's default price point"),
    coupon_code_N: sentTo([line('discount_code'), line('discount_amount_in_cents')], `${PRICED}; ChartMogul has no coupons`),
    component_N: priced,
    componentPricepoint_N: priced,
    componentQuantity_N: priced,
    ...(customPricing ? { componentCustomPrice_N: priced } : {}),
    payment_collection_method: notApplicable('ChartMogul never charges anyone: how a subscription is paid stays in the billing system'),
    net_terms: notApplicable('ChartMogul collects no payments: payment terms stay in the billing system'),
    service_credit_balance: notApplicable(`${NO_BALANCES}: service credits stay in the billing system`),
    prepayment_balance: notApplicable(`${NO_BALANCES}: prepayments stay in the billing system`),
  };
}
