// Which handler applies each kind of neutral operation on an Advanced Billing site.
import { naturalKeyOf, type ObjectType, type Operation, type StepOutcome } from '../../../plan/operation.js';
import type { Resolver } from '../../target.js';
import type { AdvancedBillingApi } from '../api.js';
import { prepaymentHandler, serviceCreditHandler } from './balance.js';
import { componentPricePointHandler } from './component-price-point.js';
import { componentHandler } from './component.js';
import { couponHandler } from './coupon.js';
import { customerHandler } from './customer.js';
import type { OperationHandler } from './handler.js';
import { invoiceHandler } from './invoice.js';
import { paymentProfileHandler } from './payment-profile.js';
import { productFamilyHandler } from './product-family.js';
import { productPricePointHandler } from './product-price-point.js';
import { productHandler } from './product.js';
import { segmentHandler } from './segment.js';
import { subscriptionHandler } from './subscription.js';

// Each handler reads its own kind's fields; the plan guarantees an operation's fields match its kind.
type AnyHandler = OperationHandler<never>;

const HANDLERS: Record<ObjectType, AnyHandler> = {
  product_family: productFamilyHandler as AnyHandler,
  product: productHandler as AnyHandler,
  product_price_point: productPricePointHandler as AnyHandler,
  component: componentHandler as AnyHandler,
  component_price_point: componentPricePointHandler as AnyHandler,
  coupon: couponHandler as AnyHandler,
  segment: segmentHandler as AnyHandler,
  customer: customerHandler as AnyHandler,
  payment_profile: paymentProfileHandler as AnyHandler,
  subscription: subscriptionHandler as AnyHandler,
  service_credit: serviceCreditHandler as AnyHandler,
  prepayment: prepaymentHandler as AnyHandler,
  invoice: invoiceHandler as AnyHandler,
};

export function handlerFor(operation: Operation): OperationHandler {
  return HANDLERS[operation.kind] as unknown as OperationHandler;
}

/** Creates an operation's object, then completes it: the create every import makes, idempotent through `token`. */
export async function applyCreate(api: AdvancedBillingApi, operation: Operation, resolver: Resolver, token?: string): Promise<StepOutcome> {
  const handler = handlerFor(operation);
  const naturalKey = naturalKeyOf(operation);
  const outcome = await handler.create(api, operation, resolver, (lookup) => ({ naturalKey, lookup, ...(token === undefined ? {} : { token }) }));
  await handler.finish?.(api, operation, resolver, outcome);
  return outcome;
}
