// What resync updates on ChartMogul and how it reads it back: a customer's fields (named as ChartMogul
// names them, made from the template columns as operations/customer.ts sends them), and a customer
// people merged into another, followed to the one that survives.
import type { SubscriptionFields } from '../../plan/map/subscriptions.js';
import type { CellValue } from '../../plan/map/updatable-cells.js';
import type { Operation } from '../../plan/operation.js';
import type { SiteFields, SiteValue } from '../records.js';
import type { MergedCustomer, SiteCustomer } from '../resync-support.js';
import type { UpdatableField, UpdatableResource } from '../target.js';
import { customerPage, type ChartMogulContext } from './operations/context.js';
import { customerKeyOf } from './operations/customer.js';

/** ChartMogul's own name for a customer: the organisation when there is one, else the person (as created). */
function nameOf(cells: Readonly<Record<string, CellValue>>): CellValue {
  const organization = cells.organization_name;
  if (typeof organization === 'string' && organization !== '') return organization;
  return `${String(cells.first_name ?? '')} ${String(cells.last_name ?? '')}`.trim();
}

const CUSTOMER_FIELDS: readonly UpdatableField[] = [
  { field: 'name', column: 'organization_name', combined: { columns: ['first_name', 'last_name'], value: nameOf } },
  { field: 'email', column: 'email' },
  { field: 'company', column: 'organization_name' },
  { field: 'city', column: 'shipping_city' },
  { field: 'state', column: 'shipping_state' },
  { field: 'zip', column: 'shipping_zip' },
  { field: 'country', column: 'shipping_country' },
];

/** Customers' fields; a subscription is its invoices, which ChartMogul does not edit (resync imports them again). */
export function chartMogulUpdatableFields(resource: UpdatableResource): readonly UpdatableField[] {
  return resource === 'customer' ? CUSTOMER_FIELDS : [];
}

export async function readCustomerFields(context: ChartMogulContext, uuid: string): Promise<SiteFields | undefined> {
  const customer = await context.api.readCustomer(uuid);
  if (customer === undefined) return undefined;
  return Object.fromEntries(CUSTOMER_FIELDS.map(({ field }) => [field, siteValue(customer[field])]));
}

/** The customer a subscription's opening invoice belongs to (merges move invoices to the customer that survives). */
export async function readSubscriptionFields(context: ChartMogulContext, invoiceUuid: string): Promise<{ customerId: string; fields: SiteFields } | undefined> {
  const invoice = await context.api.readInvoice(invoiceUuid);
  return invoice === undefined ? undefined : { customerId: String(invoice.customer_uuid), fields: {} };
}

export async function updateFields(context: ChartMogulContext, resource: UpdatableResource, uuid: string, values: Record<string, SiteValue>): Promise<void> {
  if (resource !== 'customer' || Object.keys(values).length === 0) return;
  await context.api.updateCustomer(uuid, Object.fromEntries(Object.entries(values).map(([field, value]) => [field, value === null ? null : String(value)])));
}

function siteValue(value: unknown): SiteValue {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? value : null;
}

/** The external id of the customer an operation's row names: its own, a standard subscription row's, or an advanced row's. */
function customerKeyOfOperation(operation: Operation): string | undefined {
  if (operation.kind === 'customer') return operation.key;
  if (operation.kind !== 'subscription') return undefined;
  const fields = operation.fields as SubscriptionFields;
  return fields.customer?.key ?? (fields.newCustomer !== undefined ? customerKeyOf(fields.newCustomer) : undefined);
}

/**
 * A merge on ChartMogul deletes the merged customer and keeps its external id on the one that survives
 * (`external_ids`, and a find by external id answers the survivor): a customer whose key is among the
 * site customer's other external ids was merged into it.
 */
export function chartMogulMergedCustomer(context: ChartMogulContext): MergedCustomer {
  return {
    async survivor(operation, siteCustomerId): Promise<SiteCustomer | undefined> {
      const key = customerKeyOfOperation(operation);
      if (key === undefined) return undefined;
      const customer = await context.api.readCustomer(siteCustomerId);
      if (customer === undefined || customer.external_id === key) return undefined;
      const others: unknown[] = Array.isArray(customer.external_ids) ? customer.external_ids : [];
      return others.includes(key) ? { id: siteCustomerId, link: customerPage(customer) } : undefined;
    },
  };
}
