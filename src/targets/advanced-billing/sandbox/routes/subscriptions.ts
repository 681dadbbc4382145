// Subscriptions: create (see subscription-signup.ts), list, read, update, lookup by reference, cancel,
// purge (test sites only), components, service credits, and prepayments (create and list).
import { SandboxError, reply, timestamp, type RequestContext } from '../context.js';
import { DAY_COUNT_RANGE, FieldErrors, paginate, recordById, rootObject, type Attributes } from '../fields.js';
import { dateRangeFilter, idParameter } from '../list-filters.js';
import { findByField, recordsWhere } from '../lookup.js';
import { messages } from '../messages.js';
import type { Router } from '../router.js';
import type { StoredRecord, Store } from '../store.js';
import { Decimal, minorUnitDigits } from '../../../../pricing/index.js';
import { removeResourceMetadata } from './metafields.js';
import { createPaymentProfile } from './payment-profiles.js';
import { previewRenewal } from './renewal-preview.js';
import { createSubscription } from './subscription-signup.js';
import { storedComponents, subscriptionComponentView, subscriptionView } from './subscription-view.js';

export function registerSubscriptionRoutes(router: Router): void {
  router.add('POST', '/subscriptions.json', (context) => reply(201, { subscription: subscriptionView(context.store, createSubscription(context)) }));
  router.add('GET', '/subscriptions.json', ({ store, query, site }) => {
    const state = query.get('state');
    const product = idParameter(query, 'product');
    const pricePoint = idParameter(query, 'product_price_point_id');
    const couponId = idParameter(query, 'coupon');
    // The coupon "currently applied": its code among the subscription's (codes are unique on a site).
    const couponCode = couponId === null ? null : (store.get('coupons', couponId)?.code ?? '');
    const inRange = dateRangeFilter(query, site.timeZone, ['created_at', 'updated_at'], 'GET /subscriptions.json');
    const subscriptions = recordsWhere(
      store,
      'subscriptions',
      (subscription) =>
        (state === null || subscription.state === state) &&
        (product === null || subscription.product_id === product) &&
        (pricePoint === null || subscription.product_price_point_id === pricePoint) &&
        (couponCode === null || (Array.isArray(subscription.coupon_codes) && subscription.coupon_codes.includes(couponCode))) &&
        (inRange === undefined || inRange(subscription)),
    );
    const ordered = query.get('direction') === 'desc' ? subscriptions.reverse() : subscriptions;
    return reply(200, paginate(ordered, query).map((subscription) => ({ subscription: subscriptionView(store, subscription) })));
  });
  router.add('GET', '/subscriptions/lookup.json', ({ store, query }) => {
    const subscription = findByField(store, 'subscriptions', 'reference', query.get('reference') ?? '');
    if (!subscription) throw new SandboxError(404, [messages.recordNotFound('Subscription')]);
    return reply(200, { subscription: subscriptionView(store, subscription) });
  });
  router.add('GET', '/subscriptions/:id.json', ({ store, params, query }) => {
    const includes = [...query.getAll('include[]'), ...query.getAll('include')];
    const other = includes.find((include) => include !== 'coupons');
    if (other !== undefined) throw new SandboxError(501, [messages.notImplementedParameter(`include[]=${other.slice(0, 50)}`, 'GET /subscriptions/{subscription_id}.json')]);
    const subscription = recordById(store, 'subscriptions', params.id, 'Subscription');
    const view = subscriptionView(store, subscription);
    return reply(200, { subscription: includes.length > 0 ? { ...view, coupons: includedCoupons(store, subscription) } : view });
  });
  router.add('PUT', '/subscriptions/:id.json', updateSubscription);
  router.add('DELETE', '/subscriptions/:id.json', ({ store, params, now }) => {
    const subscription = recordById(store, 'subscriptions', params.id, 'Subscription');
    const at = timestamp(now);
    const canceled = store.put('subscriptions', {
      ...subscription,
      previous_state: subscription.state,
      state: 'canceled',
      canceled_at: at,
      cancellation_method: 'merchant_api',
      updated_at: at,
    });
    return reply(200, { subscription: subscriptionView(store, canceled) });
  });
  router.add('POST', '/subscriptions/:id/purge.json', purgeSubscription);
  router.add('GET', '/subscriptions/:id/components.json', ({ store, params }) => {
    const subscription = recordById(store, 'subscriptions', params.id, 'Subscription');
    return reply(
      200,
      storedComponents(subscription).map((line) => ({ component: subscriptionComponentView(store, subscription, line) })),
    );
  });
  router.add('POST', '/subscriptions/:id/renewals/preview.json', (context) => reply(200, previewRenewal(context)));
  router.add('POST', '/subscriptions/:id/service_credits.json', issueServiceCredit);
  router.add('POST', '/subscriptions/:id/prepayments.json', createPrepayment);
  router.add('GET', '/subscriptions/:id/prepayments.json', ({ store, params, query }) => {
    const subscription = recordById(store, 'subscriptions', params.id, 'Subscription');
    // The spec's filter[…] (by date) is not served: every prepayment of the subscription is listed, by id.
    const prepayments = store.allBy('prepayments', 'subscription_id', subscription.id);
    return reply(200, { prepayments: paginate(prepayments, query).map(prepaymentView) });
  });
}

function updateSubscription(context: RequestContext) {
  const { store, params, now, site } = context;
  const subscription = recordById(store, 'subscriptions', params.id, 'Subscription');
  const attrs = rootObject(context, 'subscription');
  const errors = new FieldErrors();
  const changes: Partial<StoredRecord> = {};
  const nextBillingAt = errors.dateTime(attrs, 'next_billing_at', 'Next billing at', site.timeZone);
  if (nextBillingAt !== undefined && new Date(nextBillingAt).getTime() <= now.getTime() - 24 * 3600 * 1000) errors.add(messages.nextBillingInPast);
  else if (nextBillingAt !== undefined) {
    changes.next_assessment_at = nextBillingAt;
    changes.current_period_ends_at = nextBillingAt;
  }
  const reference = errors.string(attrs, 'reference', 'Reference');
  if (reference !== undefined) {
    const holder = findByField(store, 'subscriptions', 'reference', reference);
    if (holder && holder.id !== subscription.id) errors.add(messages.taken('Reference'));
    changes.reference = reference;
  }
  const netTerms = errors.integerWithin(attrs, 'net_terms', 'Net terms', DAY_COUNT_RANGE);
  if (netTerms !== undefined) changes.net_terms = netTerms;
  const method = errors.oneOf(attrs, 'payment_collection_method', 'Payment collection method', ['automatic', 'remittance', 'prepaid', 'invoice'] as const);
  if (method !== undefined) changes.payment_collection_method = method;
  const profileId = errors.integer(attrs, 'payment_profile_id', 'Payment profile');
  if (profileId !== undefined) {
    const profile = store.get('payment_profiles', profileId);
    if (!profile) errors.add(messages.notFoundBy('Payment profile', 'id', String(profileId)));
    else if (profile.customer_id !== subscription.customer_id) errors.add(messages.paymentProfileOtherCustomer);
    changes.payment_profile_id = profileId;
  }
  const receivesInvoiceEmails = errors.boolean(attrs, 'receives_invoice_emails', 'Receives invoice emails');
  if (receivesInvoiceEmails !== undefined) changes.receives_invoice_emails = receivesInvoiceEmails;
  const delayEnabled = errors.boolean(attrs, 'dunning_communication_delay_enabled', 'Dunning communication delay enabled');
  if (delayEnabled !== undefined) changes.dunning_communication_delay_enabled = delayEnabled;
  if ('dunning_communication_delay_time_zone' in attrs) {
    changes.dunning_communication_delay_time_zone = errors.string(attrs, 'dunning_communication_delay_time_zone', 'Dunning communication delay time zone') ?? null;
  }
  const transactionId = errors.integer(attrs, 'stored_credential_transaction_id', 'Stored credential transaction');
  if (transactionId !== undefined) changes.stored_credential_transaction_id = transactionId;
  errors.done();
  // A new card replaces the subscription's payment profile, as Update Subscription's example does.
  const card = attrs.credit_card_attributes;
  if (typeof card === 'object' && card !== null && !Array.isArray(card)) {
    changes.payment_profile_id = createPaymentProfile(store, card as Attributes, 'credit_card', Number(subscription.customer_id), now).id;
  }
  const updated = store.put('subscriptions', { ...subscription, ...changes, updated_at: timestamp(now) } as StoredRecord);
  return reply(200, { subscription: subscriptionView(store, updated) });
}

/**
 * `include[]=coupons`: the subscription's coupons in the spec's "Subscription Included Coupon" shape.
 * `use_count` and `uses_allowed` are left out: the sandbox does not bill, so it cannot count uses.
 */
function includedCoupons(store: Store, subscription: StoredRecord): Array<Record<string, unknown>> {
  const codes = Array.isArray(subscription.coupon_codes) ? subscription.coupon_codes : [];
  return codes.flatMap((code) => {
    const coupon = findByField(store, 'coupons', 'code', String(code));
    if (coupon === undefined) return [];
    return [{ code: coupon.code, expires_at: coupon.end_date ?? null, recurring: coupon.recurring === true, amount_in_cents: coupon.amount_in_cents ?? null, percentage: coupon.percentage ?? null }];
  });
}

function purgeSubscription({ store, params, query, site }: RequestContext) {
  if (site.mode !== 'test') throw new SandboxError(403, [messages.forbiddenLiveMode]);
  const subscription = recordById(store, 'subscriptions', params.id, 'Subscription');
  if (query.get('ack') !== String(subscription.customer_id)) throw new SandboxError(422, [messages.purgeAckMismatch]);
  const cascade = [...query.getAll('cascade[]'), ...query.getAll('cascade')];
  // The spec's 200 has no body, the vendor's SDK parses one as a Subscription Response: the subscription
  // as it was when purged satisfies both.
  const purged = { subscription: subscriptionView(store, subscription) };
  for (const collection of ['invoices', 'service_credits', 'prepayments'] as const) {
    for (const record of store.allBy(collection, 'subscription_id', subscription.id)) store.remove(collection, record.id);
  }
  removeResourceMetadata(store, 'subscriptions', subscription.id);
  store.remove('subscriptions', subscription.id);
  const customerId = Number(subscription.customer_id);
  if (cascade.includes('payment_profile') && typeof subscription.payment_profile_id === 'number') {
    store.remove('payment_profiles', subscription.payment_profile_id);
  }
  if (cascade.includes('customer') && store.allBy('subscriptions', 'customer_id', customerId).length === 0) {
    for (const profile of store.allBy('payment_profiles', 'customer_id', customerId)) store.remove('payment_profiles', profile.id);
    removeResourceMetadata(store, 'customers', customerId);
    store.remove('customers', customerId);
  }
  return reply(200, purged);
}

function issueServiceCredit(context: RequestContext) {
  const { store, params, now } = context;
  const subscription = recordById(store, 'subscriptions', params.id, 'Subscription');
  const attrs = rootObject(context, 'service_credit');
  const errors = new FieldErrors();
  const amount = errors.decimal(attrs, 'amount', 'Amount', true);
  // Optional in the spec (Issue Service Credit's example sends none).
  const memo = errors.string(attrs, 'memo', 'Memo');
  if (amount !== undefined && new Decimal(amount).lessThanOrEqualTo(0)) errors.add(messages.amountNotPositive('Amount'));
  const cents = minorUnitsOf(amount, subscription);
  const balance = Number(subscription.credit_balance_in_cents ?? 0) + cents;
  if (!Number.isSafeInteger(balance)) errors.add(messages.tooLarge('Amount'));
  errors.done();
  store.put('subscriptions', { ...subscription, credit_balance_in_cents: balance, updated_at: timestamp(now) });
  const credit = store.put('service_credits', {
    id: store.nextId('service_credits'),
    subscription_id: subscription.id,
    amount_in_cents: cents,
    ending_balance_in_cents: balance,
    entry_type: 'Credit',
    memo: memo ?? '',
    created_at: timestamp(now),
  });
  return reply(201, { id: credit.id, amount_in_cents: cents, ending_balance_in_cents: balance, entry_type: 'Credit', memo: credit.memo });
}

function createPrepayment(context: RequestContext) {
  const { store, params, now } = context;
  const subscription = recordById(store, 'subscriptions', params.id, 'Subscription');
  const attrs = rootObject(context, 'prepayment');
  const errors = new FieldErrors();
  const amount = errors.decimal(attrs, 'amount', 'Amount', true);
  const memo = errors.string(attrs, 'memo', 'Memo', true);
  const details = errors.string(attrs, 'details', 'Details', true);
  const method = errors.oneOf(attrs, 'method', 'Method', ['check', 'cash', 'money_order', 'ach', 'paypal_account', 'credit_card', 'credit_card_on_file', 'other'] as const, true);
  if (amount !== undefined && new Decimal(amount).lessThanOrEqualTo(0)) errors.add(messages.amountNotPositive('Amount'));
  const cents = minorUnitsOf(amount, subscription);
  const starting = Number(subscription.prepayment_balance_in_cents ?? 0);
  if (!Number.isSafeInteger(starting + cents)) errors.add(messages.tooLarge('Amount'));
  errors.done();
  const at = timestamp(now);
  store.put('subscriptions', { ...subscription, prepayment_balance_in_cents: starting + cents, updated_at: at });
  const prepayment = store.put('prepayments', {
    id: store.nextId('prepayments'),
    subscription_id: subscription.id,
    amount_in_cents: cents,
    memo: memo ?? '',
    created_at: at,
    starting_balance_in_cents: starting,
    ending_balance_in_cents: starting + cents,
    details: details ?? '',
    method: method ?? 'other',
  });
  const { details: _details, method: _method, ...created } = prepayment;
  return reply(201, { prepayment: created });
}

/**
 * A prepayment as List Prepayments shows it. The sandbox applies no prepayment to invoices and refunds
 * none, so all of it remains; a card charged on file is not external, any other payment is.
 */
function prepaymentView(prepayment: StoredRecord): Record<string, unknown> {
  const method = typeof prepayment.method === 'string' ? prepayment.method : undefined;
  return {
    id: prepayment.id,
    subscription_id: prepayment.subscription_id,
    amount_in_cents: prepayment.amount_in_cents,
    remaining_amount_in_cents: prepayment.amount_in_cents,
    refunded_amount_in_cents: 0,
    external: method !== 'credit_card_on_file',
    memo: prepayment.memo,
    ...(typeof prepayment.details === 'string' && prepayment.details !== '' ? { details: prepayment.details } : {}),
    ...(method === undefined ? {} : { payment_type: method === 'credit_card_on_file' ? 'credit_card' : method }),
    created_at: prepayment.created_at,
  };
}

/** An amount in the subscription currency's minor unit (cents for USD, yen for JPY), as prices are kept. */
function minorUnitsOf(amount: string | undefined, subscription: StoredRecord): number {
  let digits = 2;
  try {
    if (typeof subscription.currency === 'string') digits = minorUnitDigits(subscription.currency);
  } catch {
    // A currency the sandbox does not know counts in hundredths, like most.
  }
  return new Decimal(amount ?? 0).times(new Decimal(10).pow(digits)).toDecimalPlaces(0).toNumber();
}
