// Create Subscriptions (standard, and with custom pricing) rows: mapped to a subscription operation that
// carries its customer and payment method, plus balance operations; applied by the Advanced Billing handlers.
import { standardSubscriptionOperations } from '../../plan/map/subscriptions.js';
import type { ImportStep, SourceRow } from '../types.js';
import { subscriptionSteps } from './subscription-common.js';

export { standardSubscriptionKey } from '../../plan/map/subscriptions.js';

export function subscriptionStandardSteps(row: SourceRow, customPricing: boolean, occurrence = 1): ImportStep[] {
  return subscriptionSteps(standardSubscriptionOperations(row, customPricing, occurrence));
}
