// Billing on ChartMogul is imported history: an invoice cannot be edited, so resync deletes a customer's
// invoices in the data source and imports them again, priced from the templates as they are now. The
// customer record stays, and with it its tags, custom attributes and merges.
import { TargetError } from '../../errors.js';
import type { SubscriptionFields } from '../../plan/map/subscriptions.js';
import type { InvoiceFields } from '../../plan/map/invoices.js';
import type { ObjectRef, Operation, StepOutcome } from '../../plan/operation.js';
import type { BillingChange, BillingHistory, ImportedBilling, SiteCustomer } from '../resync-support.js';
import type { Resolver } from '../target.js';
import { customerPage, type ChartMogulContext } from './operations/context.js';
import { importOneTimeInvoice, openingInvoice } from './operations/invoice.js';
import { importOpeningInvoice, openingInvoiceId } from './operations/opening-invoice.js';

/** The template columns that reach an invoice beyond its amount: a subscription's plan, period, currency and discount codes; a one-time invoice's dates and lines. */
const INVOICE_COLUMNS: Readonly<Record<string, (column: string) => boolean>> = {
  subscription: (column) => ['product_handle', 'product_price_point_handle', 'previous_billing_at', 'next_billing_at', 'currency'].includes(column) || /^coupon_code_\d+$/.test(column),
  invoice: (column) => ['issue_date', 'due_date', 'name', 'quantity', 'unit_price', 'sub_reference'].includes(column),
};

const OPENING_PREFIX = openingInvoiceId('');

/** A change of the amount the toolkit priced (a subscription's opening invoice, a one-time invoice's total). */
function amountChange(imported: string | undefined, now: string | undefined): BillingChange[] {
  return imported !== undefined && now !== undefined && imported !== now ? [{ field: 'amount', base: imported, template: now }] : [];
}

function columnChanges(kind: string, imported: Record<string, string>, now: Record<string, string>): BillingChange[] {
  const reaches = INVOICE_COLUMNS[kind];
  if (reaches === undefined) return [];
  const columns = [...new Set([...Object.keys(imported), ...Object.keys(now)])].filter(reaches);
  return columns.filter((column) => (imported[column] ?? '') !== (now[column] ?? '')).map((column) => ({ field: column, base: imported[column] ?? '', template: now[column] ?? '' }));
}

export function chartMogulBillingHistory(context: ChartMogulContext): BillingHistory {
  const { api } = context;
  return {
    changes(operation: Operation, imported: ImportedBilling, now: StepOutcome): BillingChange[] {
      const amount = operation.kind === 'subscription' ? amountChange(imported.nextRenewal, now.nextRenewal) : operation.kind === 'invoice' ? amountChange(imported.amount, now.amount) : [];
      return [...amount, ...columnChanges(operation.kind, imported.applied ?? {}, now.applied ?? {})];
    },
    async holder(operation: Operation, id: string): Promise<SiteCustomer | undefined> {
      if (operation.kind !== 'subscription' && operation.kind !== 'invoice') return undefined;
      const invoice = await api.readInvoice(id);
      const customer = invoice === undefined ? undefined : await api.readCustomer(String(invoice.customer_uuid));
      return customer === undefined ? undefined : { id: String(customer.uuid), link: customerPage(customer) };
    },
    async held(customerId: string): Promise<ObjectRef[]> {
      const invoices = await api.customerInvoices(await context.dataSourceUuid(), customerId);
      return invoices.map((invoice) => {
        const externalId = String(invoice.external_id ?? '');
        return externalId.startsWith(OPENING_PREFIX) ? { type: 'subscription', key: externalId.slice(OPENING_PREFIX.length) } : { type: 'invoice', key: externalId };
      });
    },
    async clear(customerId: string): Promise<void> {
      await api.deleteCustomerInvoices(await context.dataSourceUuid(), customerId);
    },
    async importFor(customerId: string, operation: Operation, resolver: Resolver): Promise<StepOutcome> {
      if (operation.kind === 'subscription') {
        const customer = await api.readCustomer(customerId);
        if (customer === undefined) throw new TargetError('customer-gone', `customer ${customerId} is no longer on ChartMogul`, { rowLevel: true });
        return importOpeningInvoice(context, operation as Operation<SubscriptionFields>, customer, resolver);
      }
      if (operation.kind !== 'invoice') throw new TypeError(`ChartMogul imports no ${operation.kind} as billing`);
      // In the currency of its subscription's opening invoice, as the import sent it.
      const opening = await openingInvoice(operation as Operation<InvoiceFields>, resolver);
      return importOneTimeInvoice(context, operation as Operation<InvoiceFields>, customerId, String(opening.currency));
    },
  };
}
