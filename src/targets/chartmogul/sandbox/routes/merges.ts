// Merging customers: POST /v1/customers/merges moves the `from` customer's invoices, tags and custom
// attributes into the `into` customer and deletes `from`; its external id stays the merged customer's (an
// alias: still taken in its data source, and found by `external_id`). Answered 202 `{}` as recorded;
// ChartMogul merges asynchronously, the emulator at once.
import type { Router } from '../../../advanced-billing/sandbox/router.js';
import type { RecordValue, StoredRecord } from '../../../advanced-billing/sandbox/store.js';
import { codeError, type CmContext, type CmHandler } from '../context.js';
import { cmMessages } from '../messages.js';
import { text } from '../records.js';

type Json = Record<string, unknown>;

/** The aliases a merged customer carries: the external ids (and their data sources) merged into it. */
export function aliasesOf(customer: StoredRecord, context: Pick<CmContext, 'store'>): StoredRecord[] {
  return context.store.allBy('aliases', 'customer_uuid', String(customer.uuid));
}

/** The customer an external id names in a data source (or any data source), itself or by an alias. */
export function customersByExternalId(externalId: string, dataSource: string | null, context: Pick<CmContext, 'store'>): StoredRecord[] {
  const direct = context.store.allBy('customers', 'external_id', externalId);
  const merged = context.store.allBy('aliases', 'external_id', externalId).flatMap((alias) => context.store.findBy('customers', 'uuid', String(alias.customer_uuid)) ?? []);
  const inSource = (record: StoredRecord, source: RecordValue | undefined): boolean => dataSource === null || source === dataSource;
  return [
    ...direct.filter((record) => inSource(record, record.data_source_uuid)),
    ...merged.filter((record) => context.store.allBy('aliases', 'customer_uuid', String(record.uuid)).some((alias) => alias.external_id === externalId && inSource(record, alias.data_source_uuid))),
  ];
}

export function registerMergeRoutes(router: Router<CmHandler>): void {
  router.add('POST', '/v1/customers/merges', (context) => {
    const from = resolve(context.body.from, context);
    const into = resolve(context.body.into, context);
    if (from.uuid === into.uuid) return { status: 202, body: {} };
    const { store } = context;
    for (const invoice of store.allBy('invoices', 'customer_uuid', String(from.uuid))) store.put('invoices', { ...invoice, customer_uuid: String(into.uuid) });
    for (const alias of aliasesOf(from, context)) store.put('aliases', { ...alias, customer_uuid: String(into.uuid) });
    for (const cancellation of store.allBy('cancellations', 'customer_uuid', String(from.uuid))) store.put('cancellations', { ...cancellation, customer_uuid: String(into.uuid) });
    store.put('aliases', { id: store.nextId('aliases'), customer_uuid: String(into.uuid), external_id: String(from.external_id), data_source_uuid: String(from.data_source_uuid) });
    const tags = [...new Set([...(into.tags as string[]), ...(from.tags as string[])])];
    store.put('customers', { ...into, tags, custom: { ...(from.custom as Json as Record<string, RecordValue>), ...(into.custom as Json as Record<string, RecordValue>) } });
    store.remove('customers', from.id);
    return { status: 202, body: {} };
  });
}

/** The customer a merge side names: `{customer_uuid}` or `{external_id, data_source_uuid}`; else 404. */
function resolve(side: unknown, context: CmContext): StoredRecord {
  const reference = (typeof side === 'object' && side !== null ? side : {}) as Json;
  const uuid = text(reference, 'customer_uuid');
  if (uuid !== undefined) {
    const found = context.store.findBy('customers', 'uuid', uuid);
    if (found !== undefined) return found;
    throw codeError(404, cmMessages.customerNotFound(uuid));
  }
  const externalId = text(reference, 'external_id') ?? '';
  const found = customersByExternalId(externalId, text(reference, 'data_source_uuid') ?? null, context)[0];
  if (found === undefined) throw codeError(404, cmMessages.customerNotFound(externalId));
  return found;
}
