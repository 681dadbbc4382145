// Which handler applies each kind of neutral operation on ChartMogul; the kinds it does not take
// (src/targets/chartmogul/profile.ts) never reach it.
import type { ObjectType, Operation } from '../../../plan/operation.js';
import { TargetError } from '../../../errors.js';
import { customerHandler } from './customer.js';
import type { ChartMogulHandler } from './handler.js';
import { invoiceHandler } from './invoice.js';
import { openingInvoiceHandler } from './opening-invoice.js';
import { planHandler } from './plan.js';

type AnyHandler = ChartMogulHandler<never>;

const HANDLERS: Partial<Record<ObjectType, AnyHandler>> = {
  product_price_point: planHandler as AnyHandler,
  customer: customerHandler as AnyHandler,
  subscription: openingInvoiceHandler as AnyHandler,
  invoice: invoiceHandler as AnyHandler,
};

export function handlerFor(operation: Operation): ChartMogulHandler {
  const handler = HANDLERS[operation.kind];
  if (handler === undefined) {
    throw new TargetError('not-applicable', `ChartMogul has no place for a ${operation.kind.replace(/_/g, ' ')}.`, { rowLevel: true });
  }
  return handler as unknown as ChartMogulHandler;
}
