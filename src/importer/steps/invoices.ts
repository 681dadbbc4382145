// Invoices rows: mapped to invoice operations, applied by the Advanced Billing handler. An invoice's
// line-item rows share its one step (same operation, same naturalKey), so they succeed or fail with it.
import { invoiceFileOperations } from '../../plan/map/invoices.js';
import type { Operation } from '../../plan/operation.js';
import { invoiceHandler } from '../../targets/advanced-billing/operations/invoice.js';
import type { ImportStep, SourceRow } from '../types.js';
import { operationStep, type RowSteps } from './step.js';

export function invoiceFileSteps(rows: SourceRow[], excluded: ReadonlySet<SourceRow> = new Set()): RowSteps[] {
  const steps = new Map<Operation, ImportStep>();
  return invoiceFileOperations(rows, excluded).map(({ row, operations, error }) => ({
    row,
    steps: operations.map((operation) => {
      let step = steps.get(operation);
      if (!step) steps.set(operation, (step = operationStep(operation, invoiceHandler)));
      return step;
    }),
    ...(error ? { error } : {}),
  }));
}
