// Catalog - Components rows: mapped to neutral operations, applied by the Advanced Billing handlers.
import { componentOperations } from '../../plan/map/components.js';
import { componentHandler } from '../../targets/advanced-billing/operations/component.js';
import { componentPricePointHandler } from '../../targets/advanced-billing/operations/component-price-point.js';
import type { ImportStep, SourceRow } from '../types.js';
import { operationStep } from './step.js';

export function componentSteps(row: SourceRow): ImportStep[] {
  return componentOperations(row).map((operation) =>
    operation.kind === 'component' ? operationStep(operation, componentHandler) : operationStep(operation, componentPricePointHandler));
}
