// Changes to what an import made: a transaction added to an imported invoice
// (POST /v1/import/invoices/{uuid}/transactions, 201) and a subscription's cancellation dates
// (PATCH /v1/import/subscriptions/{uuid} with `cancellation_dates` or `cancelled_at`, 202; an empty list
// takes the cancellation back).
import type { Router } from '../../../advanced-billing/sandbox/router.js';
import type { RecordValue } from '../../../advanced-billing/sandbox/store.js';
import { CmError, isoTime, type CmHandler } from '../context.js';
import { cmMessages } from '../messages.js';
import { byUuid, newUuid, parseTime, text } from '../records.js';

type Json = Record<string, unknown>;

export function registerSubscriptionUpdateRoutes(router: Router<CmHandler>): void {
  router.add('POST', '/v1/import/invoices/:uuid/transactions', (context) => {
    const invoice = byUuid(context.store, 'invoices', context.params.uuid ?? '', () => new CmError(404, { error: cmMessages.invoiceNotFound }));
    const { body } = context;
    const errors: Record<string, string> = {};
    if (body.type !== 'payment' && body.type !== 'refund') errors.type = 'must be payment or refund';
    if (body.result !== 'successful' && body.result !== 'failed') errors.result = 'must be successful or failed';
    const date = parseTime(body.date);
    if (date === undefined) errors.date = cmMessages.required('date');
    const externalId = text(body, 'external_id') ?? null;
    const existing = (invoice.transactions ?? []) as Json[];
    if (externalId !== null && existing.some((transaction) => transaction.external_id === externalId)) errors.external_id = cmMessages.transactionExternalIdTaken;
    if (Object.keys(errors).length > 0) throw new CmError(422, { errors });
    const transaction = {
      uuid: newUuid('tr'),
      external_id: externalId,
      type: String(body.type),
      date: isoTime(date!),
      result: String(body.result),
      amount_in_cents: Number.isInteger(body.amount_in_cents) ? (body.amount_in_cents as number) : null,
      transaction_fees_in_cents: Number.isInteger(body.transaction_fees_in_cents) ? (body.transaction_fees_in_cents as number) : null,
      transaction_fees_currency: null,
    };
    context.store.put('invoices', { ...invoice, transactions: [...existing, transaction] as unknown as RecordValue });
    return { status: 201, body: transaction };
  });

  router.add('PATCH', '/v1/import/subscriptions/:uuid', (context) => {
    const uuid = context.params.uuid ?? '';
    // A subscription is its line items: the invoice carrying one names its customer, plan and data source.
    let item: Json | undefined;
    const invoice = context.store.find('invoices', (record) => {
      item = ((record.line_items ?? []) as Json[]).find((line) => line.subscription_uuid === uuid);
      return item !== undefined;
    });
    if (invoice === undefined || item === undefined) throw new CmError(404, { error: cmMessages.subscriptionNotFound });
    // `cancelled_at` (one date) is the older form of the same change.
    const { cancellation_dates: list, cancelled_at: single } = context.body;
    const sent = Array.isArray(list) ? (list as unknown[]) : single !== undefined ? [single] : undefined;
    const dates = sent?.map(parseTime);
    if (dates === undefined || dates.some((date) => date === undefined)) throw new CmError(422, { errors: { cancellation_dates: cmMessages.badCancellationDates } });
    const cancellation_dates = dates.map((date) => isoTime(date!));
    const previous = context.store.findBy('cancellations', 'subscription_uuid', uuid);
    context.store.put('cancellations', {
      id: previous?.id ?? context.store.nextId('cancellations'),
      subscription_uuid: uuid,
      customer_uuid: String(invoice.customer_uuid),
      data_source_uuid: String(invoice.data_source_uuid),
      dates: cancellation_dates,
    });
    return {
      status: 202,
      body: {
        uuid,
        external_id: item.subscription_external_id,
        cancellation_dates,
        customer_uuid: invoice.customer_uuid,
        plan_uuid: item.plan_uuid,
        data_source_uuid: invoice.data_source_uuid,
      },
    };
  });
}
