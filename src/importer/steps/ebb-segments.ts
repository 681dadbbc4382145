// Catalog - EBB Segments rows: mapped to neutral operations, applied by the Advanced Billing handler.
import { segmentOperations } from '../../plan/map/ebb-segments.js';
import { segmentHandler } from '../../targets/advanced-billing/operations/segment.js';
import type { ImportStep, SourceRow } from '../types.js';
import { operationStep } from './step.js';

export function segmentSteps(row: SourceRow): ImportStep[] {
  return segmentOperations(row).map((operation) => operationStep(operation, segmentHandler));
}
