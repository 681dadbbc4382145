// Customers: create (data_source_uuid + external_id, the external_id unique per data source: 422),
// read, update, delete, list (by external_id / data_source_uuid, cursor pagination), search by email
// (404 when none), and their tags and custom attributes.
import type { Router } from '../../../advanced-billing/sandbox/router.js';
import type { RecordValue, StoredRecord } from '../../../advanced-billing/sandbox/store.js';
import { CmError, codeError, isoTime, type CmContext, type CmHandler } from '../context.js';
import { cmMessages } from '../messages.js';
import { paginate } from '../pagination.js';
import { byUuid, listed, newUuid, text } from '../records.js';
import { customerMrrCents } from '../subscriptions.js';
import { aliasesOf, customersByExternalId } from './merges.js';

/** The fields a create or an update may set, as ChartMogul names them. */
const FIELDS = ['name', 'email', 'company', 'country', 'state', 'city', 'zip', 'lead_created_at', 'free_trial_started_at', 'owner', 'website_url'] as const;

export function customerNotFound(uuid: string): () => CmError {
  return () => codeError(404, cmMessages.customerNotFound(uuid));
}

export function findCustomer(context: CmContext): StoredRecord {
  const uuid = context.params.uuid ?? '';
  return byUuid(context.store, 'customers', uuid, customerNotFound(uuid));
}

export function registerCustomerRoutes(router: Router<CmHandler>): void {
  router.add('POST', '/v1/customers', (context) => {
    const { store, body } = context;
    const dataSourceUuid = text(body, 'data_source_uuid');
    const externalId = text(body, 'external_id');
    if (dataSourceUuid === undefined) throw new CmError(422, { errors: { data_source_uuid: cmMessages.required('data_source_uuid') } });
    if (externalId === undefined) throw new CmError(422, { errors: { external_id: cmMessages.required('external_id') } });
    if (store.findBy('data_sources', 'uuid', dataSourceUuid) === undefined) throw new CmError(422, { errors: { data_source_uuid: cmMessages.dataSourceNotFound } });
    if (customersByExternalId(externalId, dataSourceUuid, context).length > 0) throw new CmError(422, { errors: { external_id: cmMessages.customerExternalIdTaken } });
    const attributes = (body.attributes ?? {}) as { tags?: unknown; custom?: unknown };
    const record: StoredRecord = {
      id: store.nextId('customers'),
      uuid: newUuid('cus'),
      external_id: externalId,
      data_source_uuid: dataSourceUuid,
      created_at: isoTime(context.now),
      tags: stringList(attributes.tags),
      custom: customFromList(attributes.custom),
    };
    setFields(record, body);
    store.put('customers', record);
    return { status: 201, body: customerJson(record, context) };
  });

  router.add('GET', '/v1/customers', (context) => {
    const externalId = context.query.get('external_id');
    const dataSource = context.query.get('data_source_uuid');
    const customers =
      externalId === null
        ? listed(context.store, 'customers', (record) => dataSource === null || record.data_source_uuid === dataSource)
        : customersByExternalId(externalId, dataSource, context).sort((a, b) => a.id - b.id);
    const page = paginate(customers, context.query);
    return { status: 200, body: { entries: page.items.map((record) => customerJson(record, context)), ...page.fields } };
  });

  // Before /v1/customers/:uuid, which would take "search" for a uuid.
  router.add('GET', '/v1/customers/search', (context) => {
    const email = context.query.get('email') ?? '';
    const found = listed(context.store, 'customers', (record) => typeof record.email === 'string' && record.email.toLowerCase() === email.toLowerCase());
    if (found.length === 0) throw codeError(404, cmMessages.noCustomersWithEmail(email));
    const page = paginate(found, context.query);
    return { status: 200, body: { entries: page.items.map((record) => customerJson(record, context)), ...page.fields } };
  });

  router.add('GET', '/v1/customers/:uuid', (context) => ({ status: 200, body: customerJson(findCustomer(context), context) }));

  router.add('PATCH', '/v1/customers/:uuid', (context) => {
    const record = { ...findCustomer(context) };
    setFields(record, context.body);
    context.store.put('customers', record);
    return { status: 200, body: customerJson(record, context) };
  });

  router.add('DELETE', '/v1/customers/:uuid', (context) => {
    const record = findCustomer(context);
    for (const invoice of context.store.allBy('invoices', 'customer_uuid', String(record.uuid))) context.store.remove('invoices', invoice.id);
    for (const alias of aliasesOf(record, context)) context.store.remove('aliases', alias.id);
    for (const cancellation of context.store.allBy('cancellations', 'customer_uuid', String(record.uuid))) context.store.remove('cancellations', cancellation.id);
    context.store.remove('customers', record.id);
    return { status: 204 };
  });

  router.add('GET', '/v1/customers/:uuid/attributes', (context) => {
    const record = findCustomer(context);
    return { status: 200, body: { tags: record.tags ?? [], stripe: {}, clearbit: {}, custom: record.custom ?? {} } };
  });
  router.add('POST', '/v1/customers/:uuid/attributes/tags', (context) => {
    const record = { ...findCustomer(context) };
    record.tags = [...new Set([...stringList(record.tags), ...stringList(context.body.tags)])];
    context.store.put('customers', record);
    return { status: 200, body: { tags: record.tags } };
  });
  router.add('DELETE', '/v1/customers/:uuid/attributes/tags', (context) => {
    const record = { ...findCustomer(context) };
    const removed = new Set(stringList(context.body.tags));
    record.tags = stringList(record.tags).filter((tag) => !removed.has(tag));
    context.store.put('customers', record);
    return { status: 200, body: { tags: record.tags } };
  });
  router.add('POST', '/v1/customers/:uuid/attributes/custom', (context) => {
    const record = { ...findCustomer(context) };
    record.custom = { ...customOf(record), ...customFromList(context.body.custom) };
    context.store.put('customers', record);
    return { status: 200, body: { custom: record.custom } };
  });
  router.add('PUT', '/v1/customers/:uuid/attributes/custom', (context) => {
    const record = { ...findCustomer(context) };
    const changes = context.body.custom;
    record.custom = { ...customOf(record), ...(isObject(changes) ? (changes as Record<string, RecordValue>) : {}) };
    context.store.put('customers', record);
    return { status: 200, body: { custom: record.custom } };
  });
  router.add('DELETE', '/v1/customers/:uuid/attributes/custom', (context) => {
    const record = { ...findCustomer(context) };
    const custom = { ...customOf(record) };
    for (const key of stringList(context.body.custom)) delete custom[key];
    record.custom = custom;
    context.store.put('customers', record);
    return { status: 204 };
  });
}

export function customerJson(record: StoredRecord, context: CmContext): Record<string, unknown> {
  const field = (name: string): RecordValue => record[name] ?? null;
  const mrr = customerMrrCents(record, context);
  const customerId = record.id;
  const aliases = aliasesOf(record, context);
  return {
    id: customerId,
    uuid: record.uuid,
    external_id: record.external_id,
    name: field('name'),
    email: field('email'),
    status: mrr > 0 ? 'Active' : 'New Lead',
    'customer-since': null,
    attributes: { custom: customOf(record), clearbit: {}, stripe: {}, tags: stringList(record.tags) },
    data_source_uuid: record.data_source_uuid,
    data_source_uuids: [record.data_source_uuid, ...aliases.map((alias) => alias.data_source_uuid)],
    external_ids: [record.external_id, ...aliases.map((alias) => alias.external_id)],
    company: record.company ?? '',
    country: field('country'),
    state: field('state'),
    city: field('city'),
    zip: field('zip'),
    lead_created_at: field('lead_created_at'),
    free_trial_started_at: field('free_trial_started_at'),
    address: { country: field('country'), state: field('state'), city: field('city'), address_zip: field('zip') },
    mrr,
    arr: mrr * 12,
    'billing-system-url': null,
    'chartmogul-url': `https://app.chartmogul.com/#/customers/${customerId}`,
    'billing-system-type': 'Import API',
    currency: context.account.currency,
    'currency-sign': context.account.currency,
    owner: field('owner'),
    website_url: field('website_url'),
  };
}

function setFields(record: StoredRecord, body: Record<string, unknown>): void {
  for (const name of FIELDS) {
    const value = body[name];
    if (typeof value === 'string' || value === null) record[name] = value;
  }
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

function isObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function customOf(record: StoredRecord): Record<string, RecordValue> {
  return isObject(record.custom) ? (record.custom as Record<string, RecordValue>) : {};
}

/** Custom attributes as a create sends them, `[{type, key, value}]`, to the `{key: value}` ChartMogul answers. */
function customFromList(value: unknown): Record<string, RecordValue> {
  const custom: Record<string, RecordValue> = {};
  if (!Array.isArray(value)) return custom;
  for (const item of value) {
    if (isObject(item) && typeof (item as { key?: unknown }).key === 'string') {
      const entry = item as { key: string; value?: unknown };
      custom[entry.key] = (entry.value ?? null) as RecordValue;
    }
  }
  return custom;
}
