// invoice operations → Create Invoice on the subscription, open, with its line items; found again as the
// `occurrence`-th of the subscription's invoices with the same issue date and line items.
import type { InvoiceFields, LineItemFields } from '../../../plan/map/invoices.js';
import { compact } from './compact.js';
import type { Operation, StepOutcome } from '../../../plan/operation.js';
import { Decimal } from '../../../pricing/money.js';
import { linkTo } from './site.js';
import type { Json, JsonObject, AdvancedBillingApi } from '../api.js';
import type { OperationHandler } from './handler.js';
import { idIfExists } from './id-if-exists.js';
import { siteId } from './lookup.js';

function lineItemAttributes(item: LineItemFields): JsonObject {
  return compact({ title: item.title, quantity: item.quantity, unit_price: item.unitPrice, period_range_start: item.periodStart, period_range_end: item.periodEnd });
}

function outcome(api: AdvancedBillingApi, operation: Operation<InvoiceFields>, invoice: JsonObject): StepOutcome {
  return {
    id: String(invoice.uid),
    link: linkTo(api, { type: 'invoice', uid: String(invoice.uid) }),
    applied: operation.applied,
    ...(typeof invoice.total_amount === 'string' || typeof invoice.total_amount === 'number' ? { amount: String(invoice.total_amount) } : {}),
  };
}

/** Whether a site invoice holds exactly these line items, in order (amounts compared as decimals). */
function holdsLineItems(invoice: JsonObject, lineItems: readonly LineItemFields[]): boolean {
  const shown = Array.isArray(invoice.line_items) ? invoice.line_items : [];
  if (shown.length !== lineItems.length) return false;
  const sameAmount = (a: Json | undefined, b: string): boolean => {
    try {
      return new Decimal(String(a)).equals(new Decimal(b));
    } catch {
      return false;
    }
  };
  return lineItems.every((item, index) => {
    const site = shown[index];
    if (typeof site !== 'object' || site === null || Array.isArray(site)) return false;
    return site.title === item.title && sameAmount(site.quantity, item.quantity) && sameAmount(site.unit_price, item.unitPrice) &&
      (item.periodStart === undefined || site.period_range_start === item.periodStart) &&
      (item.periodEnd === undefined || site.period_range_end === item.periodEnd);
  });
}

/** The `occurrence`-th (by id) of the subscription's invoices with this issue date and these line items. */
async function findBySubscription(api: AdvancedBillingApi, fields: InvoiceFields, subscriptionId: number): Promise<JsonObject | undefined> {
  const matches: JsonObject[] = [];
  for await (const invoice of api.listInvoices()) {
    if (Number(invoice.subscription_id) === subscriptionId && invoice.issue_date === fields.issueDate && holdsLineItems(invoice, fields.lineItems)) matches.push(invoice);
  }
  return matches.sort((a, b) => Number(a.id) - Number(b.id))[fields.occurrence - 1];
}

export const invoiceHandler: OperationHandler<InvoiceFields> = {
  async create(api, operation, resolver, intent) {
    const { fields } = operation;
    const subscriptionId = await siteId(resolver, fields.subscription);
    const attrs: JsonObject = { issue_date: fields.issueDate, net_terms: fields.netTerms, status: 'open', line_items: fields.lineItems.map(lineItemAttributes) };
    const invoice = await api.createInvoice(subscriptionId, attrs, intent(() => findBySubscription(api, fields, subscriptionId)));
    return outcome(api, operation, invoice);
  },
  async find(api, operation, resolver) {
    const subscriptionId = await idIfExists(resolver, operation.fields.subscription);
    if (subscriptionId === undefined) return undefined;
    const invoice = await findBySubscription(api, operation.fields, subscriptionId);
    return invoice ? outcome(api, operation, invoice) : undefined;
  },
};
