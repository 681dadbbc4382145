// Create Customers (advanced) rows: mapped to customer and payment_profile operations, applied by the Advanced Billing handlers.
import { customersAdvancedOperations } from '../../plan/map/customers.js';
import { customerHandler } from '../../targets/advanced-billing/operations/customer.js';
import { paymentProfileHandler } from '../../targets/advanced-billing/operations/payment-profile.js';
import type { ImportStep, SourceRow } from '../types.js';
import { operationStep } from './step.js';

export function customerAdvancedSteps(row: SourceRow): ImportStep[] {
  return customersAdvancedOperations(row).map((operation) =>
    operation.kind === 'customer' ? operationStep(operation, customerHandler) : operationStep(operation, paymentProfileHandler));
}
