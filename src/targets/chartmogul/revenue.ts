// What compare asks of ChartMogul: whether the data source has processed every import, and a
// subscription's MRR, found by its reference through the invoice that opened it (its customer), as
// ChartMogul lists the customer's subscriptions.
import { decimalFromMinorUnits } from '../minor-units.js';
import type { MrrFacts, ProcessingState, RecurringRevenue } from '../target.js';
import type { JsonObject } from './api.js';
import type { ChartMogulContext } from './operations/context.js';
import { openingInvoiceId } from './operations/opening-invoice.js';

const UNITS: Record<string, MrrFacts['interval']['unit']> = { day: 'day', month: 'month', year: 'year' };

export class ChartMogulRevenue implements RecurringRevenue {
  readonly systemName = 'ChartMogul';

  /** A customer's subscriptions, asked once per compare. */
  private readonly subscriptions = new Map<string, Promise<JsonObject[]>>();

  constructor(private readonly context: ChartMogulContext) {}

  async processing(): Promise<ProcessingState> {
    const source = await this.context.api.readDataSource(await this.context.dataSourceUuid());
    const status = source?.processingStatus ?? { processed: 0, failed: 0, pending: 0 };
    return { pending: status.pending, processed: status.processed, failed: status.failed };
  }

  async subscriptionMrr(reference: string): Promise<MrrFacts | undefined> {
    const { api } = this.context;
    const opening = await api.findInvoice(await this.context.dataSourceUuid(), openingInvoiceId(reference));
    if (opening === undefined) return undefined;
    const customer = String(opening.customer_uuid);
    let listed = this.subscriptions.get(customer);
    if (listed === undefined) {
      listed = api.customerSubscriptions(customer);
      this.subscriptions.set(customer, listed);
      listed.catch(() => this.subscriptions.delete(customer));
    }
    const subscription = (await listed).find((candidate) => candidate.external_id === reference);
    if (subscription === undefined) return undefined;
    const currency = String(subscription.currency ?? opening.currency);
    return {
      subscriptionId: String(subscription.uuid),
      mrr: decimalFromMinorUnits(Number(subscription.mrr ?? 0), currency),
      currency,
      interval: { unit: UNITS[String(subscription['billing-cycle'])] ?? 'month', count: Number(subscription['billing-cycle-count'] ?? 1) },
    };
  }
}
