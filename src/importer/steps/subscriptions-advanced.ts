// Create Subscriptions (advanced, and with custom pricing) rows: mapped to a subscription operation for a
// customer from the customers file (or on the site), plus balance operations; applied by the Advanced Billing handlers.
import { advancedSubscriptionOperations } from '../../plan/map/subscriptions.js';
import type { ImportStep, SourceRow } from '../types.js';
import { subscriptionSteps } from './subscription-common.js';

export { advancedSubscriptionKey } from '../../plan/map/subscriptions.js';

export function subscriptionAdvancedSteps(row: SourceRow, customPricing: boolean, occurrence = 1): ImportStep[] {
  return subscriptionSteps(advancedSubscriptionOperations(row, customPricing, occurrence));
}
