// Catalog - Product Families rows: mapped to neutral operations, applied by the Advanced Billing handler.
import { productFamilyOperations } from '../../plan/map/product-families.js';
import { productFamilyHandler } from '../../targets/advanced-billing/operations/product-family.js';
import type { ImportStep, SourceRow } from '../types.js';
import { operationStep } from './step.js';

export function productFamilySteps(row: SourceRow): ImportStep[] {
  return productFamilyOperations(row).map((operation) => operationStep(operation, productFamilyHandler));
}
