// Finds the object a ref names in the configured data source: by the id this run or the journal has
// for it, else by its external id (a subscription by its opening invoice's).
import type { ObjectRef } from '../../../plan/operation.js';
import type { JsonObject } from '../api.js';
import type { ChartMogulContext } from './context.js';
import { openingInvoiceId } from './opening-invoice.js';

export async function lookupObject(context: ChartMogulContext, ref: ObjectRef, knownId?: string): Promise<JsonObject | undefined> {
  const { api } = context;
  switch (ref.type) {
    case 'customer': {
      // A customer merged into another on ChartMogul is gone under its own uuid; its external id finds the one that survives.
      const known = knownId !== undefined ? await api.readCustomer(knownId) : undefined;
      return known ?? api.findCustomer(await context.dataSourceUuid(), ref.key);
    }
    case 'product_price_point':
      return api.findPlan(await context.dataSourceUuid(), ref.key);
    case 'subscription':
      return knownId !== undefined ? api.readInvoice(knownId) : api.findInvoice(await context.dataSourceUuid(), openingInvoiceId(ref.key));
    case 'invoice':
      return knownId !== undefined ? api.readInvoice(knownId) : api.findInvoice(await context.dataSourceUuid(), ref.key);
    default:
      return undefined;
  }
}

/** The uuid of what lookupObject found. */
export function idOfObject(object: JsonObject | undefined): string | undefined {
  return typeof object?.uuid === 'string' ? object.uuid : undefined;
}
