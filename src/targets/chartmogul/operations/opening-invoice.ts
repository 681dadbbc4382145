// subscription operations → the invoice that opens the subscription's current billing period, imported
// for its customer (created first for standard rows): one subscription line item on the plan of its
// price point, `subscription_external_id` the subscription's key, for the amount the toolkit priced
// from the catalog templates (components included, coupons as its discount). ChartMogul derives the
// subscription and its MRR from it once the data source has processed the import.
import { addDays, addMonths, parseIsoDate, type CalendarDate } from '../../../dates/index.js';
import type { SubscriptionFields } from '../../../plan/map/subscriptions.js';
import type { OpeningInvoiceFields } from '../../../plan/opening-invoice.js';
import type { Operation, StepOutcome } from '../../../plan/operation.js';
import { RowError } from '../../../plan/row-error.js';
import { Decimal, formatMoney } from '../../../pricing/index.js';
import { minorUnitsOf } from '../../minor-units.js';
import type { Resolver } from '../../target.js';
import type { JsonObject } from '../api.js';
import { customerPage, uuidOf, type ChartMogulContext } from './context.js';
import { customerKeyOf, ensureCustomer } from './customer.js';
import { createOnce, type ChartMogulHandler } from './handler.js';

type Fields = SubscriptionFields & { opening?: OpeningInvoiceFields };

/** The opening invoice's `external_id`: the subscription's key, marked so it never meets an invoice id of the invoices template. */
export function openingInvoiceId(subscriptionKey: string): string {
  return `opening:${subscriptionKey}`;
}

function openingOf(operation: Operation<Fields>): OpeningInvoiceFields {
  const { opening } = operation.fields;
  if (opening === undefined) throw new RowError(operation.source, 'product_handle', 'the subscription was not priced from the catalog templates', 'Include the catalog templates (products.csv, components.csv, coupons.csv) among the files.');
  return opening;
}

/** When the current period began: previous_billing_at, else one plan interval before next_billing_at. */
function periodStart(fields: Fields, plan: JsonObject | undefined): CalendarDate {
  const end = parseIsoDate(fields.nextBillingDate)!;
  if (fields.previousBillingDate !== undefined) return parseIsoDate(fields.previousBillingDate)!;
  const count = Number(plan?.interval_count ?? 1);
  const unit = String(plan?.interval_unit ?? 'month');
  if (unit === 'day') return addDays(end, -count);
  return addMonths(end, -(unit === 'year' ? 12 * count : count));
}

/** The customer the subscription belongs to: the one it names (advanced rows), or its own, created now (standard rows). */
async function customerOf(context: ChartMogulContext, fields: Fields, resolver: Resolver): Promise<JsonObject> {
  if (fields.customer !== undefined) {
    const customer = await resolver.object(fields.customer);
    if (customer === undefined) await resolver.id(fields.customer); // throws, naming the customer
    return customer as JsonObject;
  }
  const customer = fields.newCustomer!;
  return ensureCustomer(context, customer, customerKeyOf(customer));
}

function describeLines(opening: OpeningInvoiceFields): string {
  return opening.lines.map((line) => (line.quantity === undefined ? line.handle : `${line.handle} × ${line.quantity}`)).join(', ');
}

function outcome(operation: Operation<Fields>, customer: JsonObject, invoice: JsonObject, opening: OpeningInvoiceFields): StepOutcome {
  return { id: uuidOf(invoice), link: customerPage(customer), applied: operation.applied, nextRenewal: formatMoney(new Decimal(opening.total), opening.currency) };
}

/** Imports the subscription's opening invoice for this customer (never twice: found by its external id when already there). */
export async function importOpeningInvoice(context: ChartMogulContext, operation: Operation<Fields>, customer: JsonObject, resolver: Resolver): Promise<StepOutcome> {
  const opening = openingOf(operation);
  const { fields, source } = operation;
  const planUuid = await resolver.id(opening.plan);
  const start = periodStart(fields, (await resolver.object(opening.plan)) as JsonObject | undefined);
  const discount = minorUnitsOf(opening.discount, opening.currency, source, 'product_handle');
  const item: JsonObject = {
    type: 'subscription',
    subscription_external_id: operation.key,
    plan_uuid: planUuid,
    service_period_start: start,
    service_period_end: fields.nextBillingDate,
    amount_in_cents: minorUnitsOf(opening.total, opening.currency, source, 'product_handle'),
    quantity: 1,
    description: describeLines(opening),
    ...(discount > 0 ? { discount_amount_in_cents: discount } : {}),
    ...(opening.couponCodes.length > 0 ? { discount_code: opening.couponCodes.join(',') } : {}),
  };
  const dataSource = await context.dataSourceUuid();
  const externalId = openingInvoiceId(operation.key);
  const invoice = await createOnce(
    () => context.api.importInvoice(uuidOf(customer), { external_id: externalId, date: start, currency: opening.currency, line_items: [item] }),
    () => context.api.findInvoice(dataSource, externalId),
  );
  return outcome(operation, customer, invoice, opening);
}

export const openingInvoiceHandler: ChartMogulHandler<Fields> = {
  async create(context, operation, resolver) {
    return importOpeningInvoice(context, operation, await customerOf(context, operation.fields, resolver), resolver);
  },
  async find(context, operation) {
    const opening = openingOf(operation);
    const invoice = await context.api.findInvoice(await context.dataSourceUuid(), openingInvoiceId(operation.key));
    if (invoice === undefined) return undefined;
    const customer = await context.api.readCustomer(String(invoice.customer_uuid));
    return customer === undefined ? undefined : outcome(operation, customer, invoice, opening);
  },
};
