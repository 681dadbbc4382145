// A customer's subscriptions, once its data source has processed them: the import view
// (/v1/import/customers/:uuid/subscriptions) and the metrics view with MRR (/v1/customers/:uuid/subscriptions).
import type { Router } from '../../../advanced-billing/sandbox/router.js';
import type { CmHandler } from '../context.js';
import { paginate } from '../pagination.js';
import { subscriptionsOf } from '../subscriptions.js';
import { findCustomer } from './customers.js';

export function registerSubscriptionRoutes(router: Router<CmHandler>): void {
  router.add('GET', '/v1/import/customers/:uuid/subscriptions', (context) => {
    const customer = findCustomer(context);
    const numbered = subscriptionsOf(customer, context).map((subscription, index) => ({ ...subscription, id: index + 1 }));
    const page = paginate(numbered, context.query);
    return {
      status: 200,
      body: {
        customer_uuid: customer.uuid,
        subscriptions: page.items.map((subscription) => ({
          external_id: subscription.externalId,
          subscription_set_external_id: subscription.setExternalId,
          uuid: subscription.uuid,
          cancellation_dates: subscription.cancellationDates,
          plan_uuid: subscription.planUuid,
          data_source_uuid: subscription.dataSourceUuid,
        })),
        ...page.fields,
      },
    };
  });

  router.add('GET', '/v1/customers/:uuid/subscriptions', (context) => {
    const customer = findCustomer(context);
    const numbered = subscriptionsOf(customer, context).map((subscription, index) => ({ ...subscription, id: customer.id * 1000 + index + 1 }));
    const page = paginate(numbered, context.query);
    return {
      status: 200,
      body: {
        entries: page.items.map((subscription) => {
          const plan = subscription.planUuid === null ? undefined : context.store.findBy('plans', 'uuid', subscription.planUuid);
          return {
            id: subscription.id,
            external_id: subscription.externalId,
            subscription_set_external_id: subscription.setExternalId ?? subscription.externalId,
            quantity: subscription.latest.quantity ?? 1,
            uuid: subscription.uuid,
            mrr: subscription.mrrCents,
            arr: subscription.mrrCents * 12,
            status: subscription.mrrCents > 0 ? 'active' : 'inactive',
            plan: plan?.name ?? null,
            'billing-cycle': plan?.interval_unit ?? 'month',
            'billing-cycle-count': plan?.interval_count ?? 1,
            'start-date': subscription.latest.service_period_start ?? null,
            'end-date': subscription.latest.service_period_end ?? null,
            currency: subscription.currency,
            'currency-sign': subscription.currency,
          };
        }),
        has_more: page.fields.has_more,
        per_page: page.fields.per_page ?? page.items.length,
        page: 1,
        cursor: page.fields.cursor,
      },
    };
  });
}
