// Data sources: create (a name, unique), list (by `name`, with `with_processing_status`), read, delete
// (with everything imported into it). Errors: `{"error": ...}` for 404, `{"errors": {field: ...}}` for 422.
import type { Router } from '../../../advanced-billing/sandbox/router.js';
import type { StoredRecord } from '../../../advanced-billing/sandbox/store.js';
import { CmError, isoTime, type CmContext, type CmHandler } from '../context.js';
import { cmMessages } from '../messages.js';
import { processingOf } from '../processing.js';
import { byUuid, listed, newUuid, text } from '../records.js';

export function dataSourceNotFound(): CmError {
  return new CmError(404, { error: cmMessages.dataSourceNotFound });
}

export function registerDataSourceRoutes(router: Router<CmHandler>): void {
  router.add('POST', '/v1/data_sources', (context) => {
    const name = text(context.body, 'name');
    if (name === undefined) throw new CmError(422, { errors: { name: cmMessages.dataSourceNameRequired } });
    if (context.store.findBy('data_sources', 'name', name) !== undefined) throw new CmError(422, { errors: { name: cmMessages.dataSourceNameTaken } });
    const record = context.store.put('data_sources', {
      id: context.store.nextId('data_sources'),
      uuid: newUuid('ds'),
      name,
      created_at: isoTime(context.now),
      imported: false,
    });
    return { status: 201, body: dataSourceJson(record, context, { processing: false, autoChurn: false, invoiceHandling: false }) };
  });

  router.add('GET', '/v1/data_sources', (context) => {
    const name = context.query.get('name');
    const sources = listed(context.store, 'data_sources', (record) => name === null || record.name === name);
    return { status: 200, body: { data_sources: sources.map((record) => dataSourceJson(record, context)) } };
  });

  router.add('GET', '/v1/data_sources/:uuid', (context) => {
    const record = byUuid(context.store, 'data_sources', context.params.uuid ?? '', dataSourceNotFound);
    return { status: 200, body: dataSourceJson(record, context) };
  });

  router.add('DELETE', '/v1/data_sources/:uuid', (context) => {
    const record = byUuid(context.store, 'data_sources', context.params.uuid ?? '', dataSourceNotFound);
    // A data source takes its customers, plans, invoices, cancellations and merged external ids with it.
    for (const collection of ['invoices', 'cancellations', 'plans', 'aliases', 'customers'] as const) {
      for (const owned of context.store.allBy(collection, 'data_source_uuid', String(record.uuid))) context.store.remove(collection, owned.id);
    }
    context.store.remove('data_sources', record.id);
    return { status: 204 };
  });
}

function dataSourceJson(record: StoredRecord, context: CmContext, settings = wanted(context.query)): Record<string, unknown> {
  const { status, processing_status } = processingOf(record, context);
  const withStatus = settings.processing;
  return {
    uuid: record.uuid,
    name: record.name,
    system: 'Import API',
    created_at: record.created_at,
    status,
    ...(withStatus ? { processing_status } : {}),
    ...(settings.autoChurn ? { auto_churn_subscription_setting: { enabled: false, interval: null } } : {}),
    ...(settings.invoiceHandling ? { invoice_handling_setting: { manual: INVOICE_HANDLING, automatic: INVOICE_HANDLING } } : {}),
  };
}

/** ChartMogul's default invoice handling: the emulator has no other, and answers it when asked. */
const INVOICE_HANDLING = {
  create_subscription_when_invoice_is: 'open',
  update_subscription_when_invoice_is: 'open',
  prevent_subscription_for_invoice_voided: true,
  prevent_subscription_for_invoice_refunded: false,
  prevent_subscription_for_invoice_written_off: true,
};

/** Which optional parts of a data source a list or read asks for. */
function wanted(query: URLSearchParams): { processing: boolean; autoChurn: boolean; invoiceHandling: boolean } {
  return {
    processing: query.get('with_processing_status') === 'true',
    autoChurn: query.get('with_auto_churn_subscription_setting') === 'true',
    invoiceHandling: query.get('with_invoice_handling_setting') === 'true',
  };
}
