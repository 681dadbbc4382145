// Catalog - Products rows: mapped to neutral operations, applied by the Advanced Billing handlers.
import { productOperations } from '../../plan/map/products.js';
import { productHandler } from '../../targets/advanced-billing/operations/product.js';
import { productPricePointHandler } from '../../targets/advanced-billing/operations/product-price-point.js';
import type { ImportStep, SourceRow } from '../types.js';
import { operationStep } from './step.js';

export function productSteps(row: SourceRow): ImportStep[] {
  return productOperations(row).map((operation) =>
    operation.kind === 'product' ? operationStep(operation, productHandler) : operationStep(operation, productPricePointHandler));
}
