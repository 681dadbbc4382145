// invoice operations → Import Invoices for the customer of the subscription the invoice belongs to:
// its `external_id` the template's invoice id, each line a one-time line item (quantity × unit price),
// in the currency of that subscription's opening invoice. ChartMogul never counts one-time items in MRR.
import type { InvoiceFields } from '../../../plan/map/invoices.js';
import type { Operation, StepOutcome } from '../../../plan/operation.js';
import { RowError } from '../../../plan/row-error.js';
import { Decimal, formatMoney } from '../../../pricing/index.js';
import { minorUnitsOf } from '../../minor-units.js';
import type { Resolver } from '../../target.js';
import type { JsonObject } from '../api.js';
import { customerPage, uuidOf, type ChartMogulContext } from './context.js';
import { createOnce, type ChartMogulHandler } from './handler.js';

/** The subscription's opening invoice (its customer and currency), as the resolver finds it. */
export async function openingInvoice(operation: Operation<InvoiceFields>, resolver: Resolver): Promise<JsonObject> {
  const opening = (await resolver.object(operation.fields.subscription)) as JsonObject | undefined;
  if (opening === undefined) await resolver.id(operation.fields.subscription); // throws, naming the subscription
  return opening!;
}

function lineItem(operation: Operation<InvoiceFields>, line: InvoiceFields['lineItems'][number], currency: string): JsonObject {
  const quantity = new Decimal(line.quantity);
  const amount = quantity.times(line.unitPrice);
  // ChartMogul counts whole units; a fractional quantity is sent as one item of the whole amount.
  const whole = quantity.isInteger() && quantity.greaterThan(0);
  return {
    type: 'one_time',
    description: whole ? line.title : `${line.title} (${quantity.toString()} × ${line.unitPrice})`,
    quantity: whole ? quantity.toNumber() : 1,
    amount_in_cents: minorUnitsOf(amount.toString(), currency, operation.source, 'unit_price'),
  };
}

function totalOf(operation: Operation<InvoiceFields>, currency: string): string {
  const total = operation.fields.lineItems.reduce((sum, line) => sum.plus(new Decimal(line.quantity).times(line.unitPrice)), new Decimal(0));
  return formatMoney(total, currency);
}

async function outcome(context: ChartMogulContext, operation: Operation<InvoiceFields>, invoice: JsonObject, customerUuid: string): Promise<StepOutcome> {
  const customer = await context.api.readCustomer(customerUuid);
  const link = customer === undefined ? '' : customerPage(customer);
  return { id: uuidOf(invoice), link, applied: operation.applied, amount: totalOf(operation, String(invoice.currency)) };
}

/** Imports the invoice for this customer in this currency (never twice: found by its external id when already there). */
export async function importOneTimeInvoice(context: ChartMogulContext, operation: Operation<InvoiceFields>, customerUuid: string, currency: string): Promise<StepOutcome> {
  const { fields } = operation;
  if (fields.lineItems.length === 0) throw new RowError(operation.source, 'attach_to', 'the invoice has no line items', 'Add rows whose attach_to names this invoice id.');
  const dataSource = await context.dataSourceUuid();
  const invoice = await createOnce(
    () =>
      context.api.importInvoice(customerUuid, {
        external_id: operation.key,
        date: fields.issueDate,
        due_date: fields.dueDate,
        currency,
        line_items: fields.lineItems.map((line) => lineItem(operation, line, currency)),
      }),
    () => context.api.findInvoice(dataSource, operation.key),
  );
  return outcome(context, operation, invoice, customerUuid);
}

export const invoiceHandler: ChartMogulHandler<InvoiceFields> = {
  async create(context, operation, resolver) {
    const opening = await openingInvoice(operation, resolver);
    return importOneTimeInvoice(context, operation, String(opening.customer_uuid), String(opening.currency));
  },
  async find(context, operation) {
    const invoice = await context.api.findInvoice(await context.dataSourceUuid(), operation.key);
    return invoice === undefined ? undefined : outcome(context, operation, invoice, String(invoice.customer_uuid));
  },
};
