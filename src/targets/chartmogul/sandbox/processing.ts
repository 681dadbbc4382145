// Asynchronous processing as ChartMogul does it: an imported invoice is "pending" until its data source
// has processed it, `processingDelayMs` after the import (fixed at the import as its `processed_at`);
// only processed invoices make subscriptions and MRR. Derived from the clock, so it survives restarts
// without timers.
import type { StoredRecord } from '../../advanced-billing/sandbox/store.js';
import type { CmContext } from './context.js';

export function isProcessed(invoice: StoredRecord, context: Pick<CmContext, 'now'>): boolean {
  return context.now.getTime() >= Number(invoice.processed_at);
}

/** The `processing_status` a data source reports, and its `status` (never_imported, importing, idle). */
export function processingOf(dataSource: StoredRecord, context: Pick<CmContext, 'now' | 'account' | 'store'>): {
  status: string;
  processing_status: { processed: number; failed: number; pending: number };
} {
  const invoices = context.store.allBy('invoices', 'data_source_uuid', String(dataSource.uuid));
  const processed = invoices.filter((invoice) => isProcessed(invoice, context)).length;
  const pending = invoices.length - processed;
  const status = dataSource.imported !== true ? 'never_imported' : pending > 0 ? 'importing' : 'idle';
  return { status, processing_status: { processed, failed: 0, pending } };
}
