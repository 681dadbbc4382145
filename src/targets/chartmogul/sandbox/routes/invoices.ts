// Invoices: import per customer (subscription and one-time line items, discounts, taxes, transactions;
// all or nothing, the external_id unique per data source), list a customer's, list all, read, delete one,
// delete a customer's in a data source. Imported invoices wait for processing (processing.ts).
import type { Router } from '../../../advanced-billing/sandbox/router.js';
import type { RecordValue, StoredRecord } from '../../../advanced-billing/sandbox/store.js';
import { CmError, isoTime, type CmContext, type CmHandler } from '../context.js';
import { cmMessages } from '../messages.js';
import { paginate } from '../pagination.js';
import { byUuid, listed, newUuid, parseTime, text } from '../records.js';
import { findCustomer } from './customers.js';
import { dataSourceNotFound } from './data-sources.js';

type Json = Record<string, unknown>;

function invoiceNotFound(): CmError {
  return new CmError(404, { error: cmMessages.invoiceNotFound });
}

export function registerInvoiceRoutes(router: Router<CmHandler>): void {
  router.add('POST', '/v1/import/customers/:uuid/invoices', (context) => {
    const customer = findCustomer(context);
    const sent = Array.isArray(context.body.invoices) ? (context.body.invoices as unknown[]) : [];
    const problems = sent.map((invoice) => invoiceProblems(invoice, customer, context));
    if (problems.some((errors) => Object.keys(errors).length > 0)) {
      throw new CmError(422, { invoices: sent.map((invoice, index) => ({ external_id: (invoice as Json | null)?.external_id ?? null, errors: problems[index] })) });
    }
    const created = sent.map((invoice) => importInvoice(invoice as Json, customer, context));
    const dataSource = { ...context.store.findBy('data_sources', 'uuid', String(customer.data_source_uuid))! };
    if (dataSource.imported !== true) context.store.put('data_sources', { ...dataSource, imported: true });
    return { status: 201, body: { invoices: created.map((invoice) => invoiceJson(invoice, false)) } };
  });

  router.add('GET', '/v1/import/customers/:uuid/invoices', (context) => {
    const customer = findCustomer(context);
    const page = paginate(listed(context.store, 'invoices', (invoice) => invoice.customer_uuid === customer.uuid), context.query);
    return { status: 200, body: { customer_uuid: customer.uuid, invoices: page.items.map((invoice) => invoiceJson(invoice, false)), ...page.fields } };
  });

  router.add('GET', '/v1/invoices', (context) => {
    const customer = context.query.get('customer_uuid');
    const dataSource = context.query.get('data_source_uuid');
    const externalId = context.query.get('external_id');
    const invoices = listed(
      context.store,
      'invoices',
      (invoice) =>
        (customer === null || invoice.customer_uuid === customer) &&
        (dataSource === null || invoice.data_source_uuid === dataSource) &&
        (externalId === null || invoice.external_id === externalId),
    );
    const page = paginate(invoices, context.query);
    return { status: 200, body: { invoices: page.items.map((invoice) => invoiceJson(invoice, true)), ...page.fields } };
  });

  router.add('GET', '/v1/invoices/:uuid', (context) => ({ status: 200, body: invoiceJson(byUuid(context.store, 'invoices', context.params.uuid ?? '', invoiceNotFound), true) }));

  router.add('DELETE', '/v1/invoices/:uuid', (context) => {
    context.store.remove('invoices', byUuid(context.store, 'invoices', context.params.uuid ?? '', invoiceNotFound).id);
    return { status: 204 };
  });

  router.add('DELETE', '/v1/data_sources/:ds/customers/:uuid/invoices', (context) => {
    byUuid(context.store, 'data_sources', context.params.ds ?? '', dataSourceNotFound);
    const customer = findCustomer(context);
    for (const invoice of context.store.allBy('invoices', 'customer_uuid', String(customer.uuid))) {
      if (invoice.data_source_uuid === context.params.ds) context.store.remove('invoices', invoice.id);
    }
    return { status: 204 };
  });
}

/** What is wrong with one invoice of an import, keyed by field ({} when nothing). */
function invoiceProblems(value: unknown, customer: StoredRecord, context: CmContext): Record<string, string> {
  if (typeof value !== 'object' || value === null) return { invoice: 'must be an object' };
  const invoice = value as Json;
  const errors: Record<string, string> = {};
  const externalId = text(invoice, 'external_id');
  if (externalId === undefined) errors.external_id = cmMessages.required('external_id');
  else if (context.store.allBy('invoices', 'external_id', externalId).some((other) => other.data_source_uuid === customer.data_source_uuid)) {
    errors.external_id = cmMessages.invoiceExternalIdTaken;
  }
  if (parseTime(invoice.date) === undefined) errors.date = cmMessages.required('date');
  if (text(invoice, 'currency') === undefined) errors.currency = cmMessages.required('currency');
  const items = Array.isArray(invoice.line_items) ? (invoice.line_items as unknown[]) : [];
  if (items.length === 0) errors.line_items = cmMessages.required('line_items');
  items.forEach((raw, index) => {
    const item = (raw ?? {}) as Json;
    if (item.type !== 'subscription' && item.type !== 'one_time') errors[`line_items[${index}].type`] = 'must be subscription or one_time';
    if (!Number.isInteger(item.amount_in_cents)) errors[`line_items[${index}].amount_in_cents`] = cmMessages.required('amount_in_cents');
    if (item.type === 'subscription') {
      if (text(item, 'subscription_external_id') === undefined) errors[`line_items[${index}].subscription_external_id`] = cmMessages.required('subscription_external_id');
      if (typeof item.plan_uuid !== 'string' || context.store.findBy('plans', 'uuid', item.plan_uuid) === undefined) errors[`line_items[${index}].plan_uuid`] = cmMessages.planNotFound;
      if (parseTime(item.service_period_start) === undefined) errors[`line_items[${index}].service_period_start`] = cmMessages.required('service_period_start');
    }
  });
  return errors;
}

function importInvoice(invoice: Json, customer: StoredRecord, context: CmContext): StoredRecord {
  const time = (value: unknown): string | null => {
    const date = parseTime(value);
    return date === undefined ? null : isoTime(date);
  };
  const lineItems = (invoice.line_items as Json[]).map((item) => ({
    uuid: newUuid('li'),
    external_id: typeof item.external_id === 'string' ? item.external_id : null,
    type: item.type as string,
    ...(item.type === 'subscription'
      ? {
          subscription_uuid: subscriptionUuid(customer, String(item.subscription_external_id), context),
          subscription_external_id: String(item.subscription_external_id),
          subscription_set_external_id: typeof item.subscription_set_external_id === 'string' ? item.subscription_set_external_id : null,
          plan_uuid: item.plan_uuid as string,
          service_period_start: time(item.service_period_start),
          service_period_end: time(item.service_period_end),
          cancelled_at: time(item.cancelled_at),
          prorated: item.prorated === true,
          proration_type: null,
        }
      : {}),
    description: typeof item.description === 'string' ? item.description : null,
    amount_in_cents: item.amount_in_cents as number,
    quantity: Number.isInteger(item.quantity) ? (item.quantity as number) : 1,
    discount_code: typeof item.discount_code === 'string' ? item.discount_code : '',
    discount_amount_in_cents: Number.isInteger(item.discount_amount_in_cents) ? (item.discount_amount_in_cents as number) : 0,
    tax_amount_in_cents: Number.isInteger(item.tax_amount_in_cents) ? (item.tax_amount_in_cents as number) : 0,
    transaction_fees_in_cents: Number.isInteger(item.transaction_fees_in_cents) ? (item.transaction_fees_in_cents as number) : 0,
    account_code: typeof item.account_code === 'string' ? item.account_code : '',
    transaction_fees_currency: null,
    discount_description: typeof item.discount_description === 'string' ? item.discount_description : null,
    event_order: null,
    balance_transfer: null,
  }));
  const transactions = (Array.isArray(invoice.transactions) ? (invoice.transactions as Json[]) : []).map((transaction) => ({
    uuid: newUuid('tr'),
    external_id: typeof transaction.external_id === 'string' ? transaction.external_id : null,
    amount_in_cents: Number.isInteger(transaction.amount_in_cents) ? (transaction.amount_in_cents as number) : null,
    type: String(transaction.type ?? 'payment'),
    date: time(transaction.date),
    result: String(transaction.result ?? 'successful'),
    transaction_fees_in_cents: null,
    transaction_fees_currency: null,
  }));
  const record: StoredRecord = {
    id: context.store.nextId('invoices'),
    uuid: newUuid('inv'),
    external_id: String(invoice.external_id),
    date: time(invoice.date),
    due_date: time(invoice.due_date),
    currency: String(invoice.currency),
    customer_uuid: String(customer.uuid),
    data_source_uuid: String(customer.data_source_uuid),
    imported_at: context.now.getTime(),
    processed_at: context.now.getTime() + context.account.processingDelayMs,
    line_items: lineItems as unknown as RecordValue,
    transactions: transactions as unknown as RecordValue,
  };
  return context.store.put('invoices', record);
}

/** The uuid a customer's subscription already has (from an earlier invoice), or a new one. */
function subscriptionUuid(customer: StoredRecord, externalId: string, context: CmContext): string {
  for (const invoice of context.store.allBy('invoices', 'customer_uuid', String(customer.uuid))) {
    for (const item of (invoice.line_items ?? []) as Json[]) {
      if (item.subscription_external_id === externalId && typeof item.subscription_uuid === 'string') return item.subscription_uuid;
    }
  }
  return newUuid('sub');
}

function invoiceJson(record: StoredRecord, withCustomer: boolean): Json {
  return {
    uuid: record.uuid,
    external_id: record.external_id,
    date: record.date,
    due_date: record.due_date,
    currency: record.currency,
    ...(withCustomer ? { customer_uuid: record.customer_uuid } : {}),
    errors: {},
    line_items: record.line_items,
    transactions: record.transactions,
  };
}
