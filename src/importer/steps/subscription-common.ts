// Subscription rows of every template yield a subscription and its balances (service credit,
// prepayment): each operation goes to its Advanced Billing handler.
import type { BalanceOperation, SubscriptionOperation } from '../../plan/map/subscriptions.js';
import { prepaymentHandler, serviceCreditHandler } from '../../targets/advanced-billing/operations/balance.js';
import { subscriptionHandler } from '../../targets/advanced-billing/operations/subscription.js';
import type { ImportStep } from '../types.js';
import { operationStep } from './step.js';

export function subscriptionSteps(operations: Array<SubscriptionOperation | BalanceOperation>): ImportStep[] {
  return operations.map((operation) => {
    if (operation.kind === 'subscription') return operationStep(operation, subscriptionHandler);
    return operationStep(operation, operation.kind === 'service_credit' ? serviceCreditHandler : prepaymentHandler);
  });
}
