// Catalog - Coupons rows: mapped to neutral operations, applied by the Advanced Billing handler.
import { couponOperations } from '../../plan/map/coupons.js';
import { couponHandler } from '../../targets/advanced-billing/operations/coupon.js';
import type { ImportStep, SourceRow } from '../types.js';
import { operationStep } from './step.js';

export function couponSteps(row: SourceRow): ImportStep[] {
  return couponOperations(row).map((operation) => operationStep(operation, couponHandler));
}
