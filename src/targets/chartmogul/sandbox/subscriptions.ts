// Subscriptions and MRR derived from processed invoices, by ChartMogul's published formula (cited in
// docs/sandbox-chartmogul.md): a subscription is the line items sharing a `subscription_external_id`;
// its MRR is its latest line item's (amount_in_cents − tax_amount_in_cents) — the amount is after
// discounts and with tax — normalised to a month by the plan's interval, rounded to a cent; one-time
// items never count; a cancelled subscription has none. Proration is not modelled (a full period each).
import { billingUnitOf, monthlyAmount } from '../../../pricing/monthly.js';
import type { StoredRecord } from '../../advanced-billing/sandbox/store.js';
import type { CmContext } from './context.js';
import { isProcessed } from './processing.js';

type LineItem = Record<string, unknown>;

export interface DerivedSubscription {
  uuid: string;
  externalId: string;
  setExternalId: string | null;
  dataSourceUuid: string;
  planUuid: string | null;
  /** The currency of the invoice that carried its latest line item. */
  currency: string;
  /** The latest line item: the one whose period is the subscription's current one. */
  latest: LineItem;
  mrrCents: number;
  /** The latest cancellation date, if any; all of them in `cancellationDates`. */
  cancelledAt: string | null;
  cancellationDates: string[];
}

/** The monthly value of `amountCents` billed every `count` `unit`s, rounded to the closest cent (the toolkit's one normalisation). */
export function monthlyCents(amountCents: number, unit: string, count: number): number {
  return monthlyAmount(amountCents, { unit: billingUnitOf(unit), count }, 0).toNumber();
}

/** A customer's subscriptions, from its invoices that are processed (all of them with `includePending`). */
export function subscriptionsOf(customer: StoredRecord, context: Pick<CmContext, 'now' | 'account' | 'store'>, includePending = false): DerivedSubscription[] {
  const invoices = context.store
    .allBy('invoices', 'customer_uuid', String(customer.uuid))
    .filter((invoice) => includePending || isProcessed(invoice, context));
  const bySubscription = new Map<string, LineItem[]>();
  for (const invoice of invoices) {
    for (const item of (invoice.line_items ?? []) as LineItem[]) {
      if (item.type !== 'subscription' || typeof item.subscription_uuid !== 'string') continue;
      const items = bySubscription.get(item.subscription_uuid) ?? [];
      items.push({ ...item, data_source_uuid: invoice.data_source_uuid, currency: invoice.currency });
      bySubscription.set(item.subscription_uuid, items);
    }
  }
  return [...bySubscription.entries()].map(([uuid, items]) => {
    const latest = items.reduce((a, b) => (String(b.service_period_start) >= String(a.service_period_start) ? b : a));
    // Dates set by PATCH /v1/import/subscriptions replace those the line items carried.
    const set = context.store.findBy('cancellations', 'subscription_uuid', uuid)?.dates;
    const cancellationDates = Array.isArray(set) ? set.filter((value): value is string => typeof value === 'string') : items.map((item) => item.cancelled_at).filter((value): value is string => typeof value === 'string');
    const cancelledAt = cancellationDates.at(-1) ?? null;
    const plan = typeof latest.plan_uuid === 'string' ? context.store.findBy('plans', 'uuid', latest.plan_uuid) : undefined;
    const amount = Number(latest.amount_in_cents ?? 0) - Number(latest.tax_amount_in_cents ?? 0);
    const mrrCents = cancelledAt !== null && new Date(cancelledAt) <= context.now ? 0 : monthlyCents(amount, String(plan?.interval_unit ?? 'month'), Number(plan?.interval_count ?? 1));
    return {
      uuid,
      externalId: String(latest.subscription_external_id),
      setExternalId: typeof latest.subscription_set_external_id === 'string' ? latest.subscription_set_external_id : null,
      dataSourceUuid: String(latest.data_source_uuid),
      planUuid: typeof latest.plan_uuid === 'string' ? latest.plan_uuid : null,
      currency: String(latest.currency),
      latest,
      mrrCents,
      cancelledAt,
      cancellationDates,
    };
  });
}

export function customerMrrCents(customer: StoredRecord, context: Pick<CmContext, 'now' | 'account' | 'store'>): number {
  return subscriptionsOf(customer, context).reduce((sum, subscription) => sum + subscription.mrrCents, 0);
}
