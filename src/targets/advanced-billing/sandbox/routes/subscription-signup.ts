// POST /subscriptions.json: a signup as the importer sends it — customer by id, reference or attributes,
// payment profile by id or attributes, product and price point by id or handle (or a custom price),
// components with quantities and custom prices, coupons, billing dates, net terms, reference, group
// (who pays / consolidated invoicing) and metafields. All of it is checked before anything is stored.
import { addDays, addMonths, calendarDateOf } from '../../../../dates/index.js';
import { formatInZone, wallClockTime } from '../../../../dates/zoned-time.js';
import { SandboxError, timestamp, type RequestContext } from '../context.js';
import { DAY_COUNT_RANGE, FieldErrors, INTERVAL_RANGE, isPresent, rootObject, type Attributes } from '../fields.js';
import { findByField } from '../lookup.js';
import { messages } from '../messages.js';
import type { RecordValue, StoredRecord, Store } from '../store.js';
import { componentOfEntry } from './components.js';
import { createCustomer } from './customers.js';
import { setResourceMetadata } from './metafields.js';
import { createPaymentProfile } from './payment-profiles.js';
import { PRICING_SCHEMES, readBrackets } from './price-brackets.js';
import { productPricePoint } from './products.js';
import type { StoredSubscriptionComponent } from './subscription-view.js';

const COLLECTION_METHODS = ['automatic', 'remittance', 'prepaid', 'invoice'] as const;
const GROUP_TARGETS = ['customer', 'subscription', 'self', 'parent', 'eldest'] as const;

export function createSubscription(context: RequestContext): StoredRecord {
  const { store, now, site } = context;
  const attrs = rootObject(context, 'subscription');
  const errors = new FieldErrors();
  const at = timestamp(now);

  const product = resolveProduct(store, attrs, errors);
  const point = product ? resolveProductPricePoint(store, product, attrs, errors) : undefined;
  const components = readComponents(store, attrs, errors);
  const coupons = readCoupons(store, attrs, errors);
  const reference = errors.string(attrs, 'reference', 'Reference');
  if (reference !== undefined && findByField(store, 'subscriptions', 'reference', reference)) errors.add(messages.taken('Reference'));
  const nextBillingAt = errors.dateTime(attrs, 'next_billing_at', 'Next billing at', site.timeZone);
  const previousBillingAt = errors.dateTime(attrs, 'previous_billing_at', 'Previous billing at', site.timeZone);
  if (nextBillingAt !== undefined && new Date(nextBillingAt).getTime() <= now.getTime() - 24 * 3600 * 1000) errors.add(messages.nextBillingInPast);
  const method = errors.oneOf(attrs, 'payment_collection_method', 'Payment collection method', COLLECTION_METHODS) ?? 'automatic';
  const prepaid = readPrepaidConfiguration(attrs, method, errors);
  const currency = readCurrency(attrs, context, errors);
  // The spec's default: a subscription receives invoice emails unless told otherwise.
  const receivesInvoiceEmails = errors.boolean(attrs, 'receives_invoice_emails', 'Receives invoice emails') ?? true;
  const netTerms = errors.integerWithin(attrs, 'net_terms', 'Net terms', DAY_COUNT_RANGE);
  const customPrice = readCustomProductPrice(attrs, errors);
  const existingCustomer = resolveExistingCustomer(store, attrs, errors);
  const metafields = readMetafields(attrs.metafields, errors, 'Metafields');
  const canceled = readCancellation(attrs, errors);
  // Field errors of the subscription come first; the customer and payment profile are checked next.
  errors.done();

  const customer = existingCustomer ?? createCustomerFromAttributes(store, attrs, now);
  const id = store.nextId('subscriptions');
  const group = readGroup(store, attrs, customer, id, errors);
  const profileId = resolvePaymentProfile(store, attrs, customer, now, errors);
  errors.done();
  if (!product || !point) throw new SandboxError(422, [messages.productRequired]);

  const pricePoint = customPrice
    ? store.put('product_price_points', {
        id: store.nextId('product_price_points'),
        name: 'Custom',
        handle: null,
        ...customPrice,
        product_id: product.id,
        type: 'custom',
        tax_included: false,
        use_site_exchange_rate: false,
        archived_at: null,
        created_at: at,
        updated_at: at,
      })
    : point;
  const interval = Number(pricePoint.interval ?? 1);
  const unit = String(pricePoint.interval_unit ?? 'month');
  const periodStart = previousBillingAt ?? formatInZone(now, site.timeZone);
  const nextAssessment = nextBillingAt ?? advance(periodStart, interval, unit, site.timeZone);
  const subscription = store.put('subscriptions', {
    id,
    state: canceled?.canceled_at === undefined ? 'active' : 'canceled',
    balance_in_cents: 0,
    total_revenue_in_cents: 0,
    product_price_in_cents: Number(pricePoint.price_in_cents ?? 0),
    product_version_number: 1,
    current_period_ends_at: nextAssessment,
    next_assessment_at: nextAssessment,
    trial_started_at: null,
    trial_ended_at: null,
    activated_at: at,
    expires_at: null,
    created_at: at,
    updated_at: at,
    cancellation_message: null,
    cancellation_method: null,
    cancel_at_end_of_period: false,
    canceled_at: null,
    current_period_started_at: periodStart,
    previous_state: 'active',
    signup_payment_id: 0,
    signup_revenue: '0.00',
    delayed_cancel_at: null,
    coupon_code: coupons[0] ? String(coupons[0].code) : null,
    coupon_codes: coupons.map((coupon) => String(coupon.code)),
    snap_day: null,
    payment_collection_method: method,
    referral_code: null,
    next_product_id: null,
    next_product_handle: null,
    coupon_use_count: null,
    coupon_uses_allowed: null,
    reason_code: null,
    automatically_resume_at: null,
    offer_id: null,
    payer_id: customer.id,
    current_billing_amount_in_cents: 0,
    product_price_point_id: pricePoint.id,
    product_price_point_type: String(pricePoint.type ?? 'default'),
    next_product_price_point_id: null,
    net_terms: netTerms ?? null,
    stored_credential_transaction_id: null,
    reference: reference ?? null,
    on_hold_at: null,
    ...canceled,
    prepaid_dunning: false,
    dunning_communication_delay_enabled: false,
    dunning_communication_delay_time_zone: null,
    receives_invoice_emails: receivesInvoiceEmails,
    locale: null,
    currency,
    scheduled_cancellation_at: null,
    credit_balance_in_cents: 0,
    prepayment_balance_in_cents: 0,
    group: group ?? null,
    prepaid_configuration: prepaid ? { id, ...prepaid } : null,
    customer_id: customer.id,
    product_id: product.id,
    payment_profile_id: profileId ?? null,
    _components: components as unknown as RecordValue,
  });
  if (metafields) setResourceMetadata(store, 'subscriptions', id, metafields);
  return subscription;
}

/**
 * An import of a subscription that has ended ("Import as Canceled"): with `canceled_at` it is created
 * canceled, with its activation date, message, reason and method as given.
 */
function readCancellation(attrs: Attributes, errors: FieldErrors): Record<string, string | null> | undefined {
  const canceledAt = errors.dateTime(attrs, 'canceled_at', 'Canceled at');
  const activatedAt = errors.dateTime(attrs, 'activated_at', 'Activated at');
  const message = errors.string(attrs, 'cancellation_message', 'Cancellation message') ?? null;
  const reason = errors.string(attrs, 'reason_code', 'Reason code') ?? null;
  const method = errors.string(attrs, 'cancellation_method', 'Cancellation method') ?? 'merchant_api';
  if (canceledAt === undefined) return activatedAt === undefined ? undefined : { activated_at: activatedAt };
  return { canceled_at: canceledAt, cancellation_message: message, reason_code: reason, cancellation_method: method, ...(activatedAt === undefined ? {} : { activated_at: activatedAt }) };
}

/**
 * A prepaid subscription needs its nested prepaid_configuration, as the spec says; amounts are integers
 * in cents, auto_replenish a boolean.
 */
function readPrepaidConfiguration(attrs: Attributes, method: string, errors: FieldErrors): Record<string, number | boolean> | undefined {
  const raw = attrs.prepaid_configuration;
  if (!isObject(raw)) {
    if (method === 'prepaid') errors.add(messages.prepaidConfigurationRequired, 'prepaid_configuration');
    return undefined;
  }
  const config = raw as Attributes;
  const result: Record<string, number | boolean> = {};
  for (const [key, label] of [
    ['initial_funding_amount_in_cents', 'Initial funding amount in cents'],
    ['replenish_to_amount_in_cents', 'Replenish to amount in cents'],
    ['replenish_threshold_amount_in_cents', 'Replenish threshold amount in cents'],
  ] as const) {
    const value = errors.integer(config, key, label);
    if (value !== undefined) result[key] = value;
  }
  const autoReplenish = errors.boolean(config, 'auto_replenish', 'Auto replenish');
  if (autoReplenish !== undefined) result.auto_replenish = autoReplenish;
  return result;
}

/** The site's currency, or one of its other currencies when the signup names it (Multi-Currency). */
function readCurrency(attrs: Attributes, context: RequestContext, errors: FieldErrors): string {
  const given = errors.string(attrs, 'currency', 'Currency')?.toUpperCase();
  if (given === undefined) return context.site.currency;
  if (given !== context.site.currency && !context.site.nonPrimaryCurrencies.includes(given)) errors.add(messages.currencyNotOnSite(given), 'currency');
  return given;
}

function resolveProduct(store: Store, attrs: Attributes, errors: FieldErrors): StoredRecord | undefined {
  const handle = errors.string(attrs, 'product_handle', 'Product handle');
  const id = errors.integer(attrs, 'product_id', 'Product');
  if (handle === undefined && id === undefined) {
    errors.add(messages.productRequired);
    return undefined;
  }
  const product = id !== undefined ? store.get('products', id) : findByField(store, 'products', 'handle', handle ?? '');
  if (!product) {
    errors.add(id !== undefined ? messages.notFoundBy('Product', 'id', String(id)) : messages.notFoundBy('Product', 'handle', handle ?? ''));
    return undefined;
  }
  if (product.archived_at !== null && product.archived_at !== undefined) {
    errors.add(messages.productArchived(String(product.handle ?? product.id)));
    return undefined;
  }
  return product;
}

function resolveProductPricePoint(store: Store, product: StoredRecord, attrs: Attributes, errors: FieldErrors): StoredRecord | undefined {
  const handle = errors.string(attrs, 'product_price_point_handle', 'Product price point handle');
  const id = errors.integer(attrs, 'product_price_point_id', 'Product price point');
  if (handle === undefined && id === undefined) return store.get('product_price_points', Number(product.default_product_price_point_id));
  const key = id !== undefined ? id : `handle:${handle ?? ''}`;
  const point = productPricePoint(store, product, key);
  if (!point) errors.add(messages.pricePointWrongProduct(String(id ?? handle)));
  return point;
}

function readCustomProductPrice(attrs: Attributes, errors: FieldErrors) {
  const raw = attrs.custom_price;
  if (raw === undefined || raw === null) return undefined;
  if (typeof raw !== 'object') {
    errors.add(messages.invalid('Custom price'));
    return undefined;
  }
  const custom = raw as Attributes;
  const price = errors.integer(custom, 'price_in_cents', 'Custom price in cents', true);
  const interval = errors.integerWithin(custom, 'interval', 'Custom price interval', INTERVAL_RANGE, true);
  const unit = errors.oneOf(custom, 'interval_unit', 'Custom price interval unit', ['day', 'month'] as const, true);
  return { price_in_cents: price ?? 0, interval: interval ?? 1, interval_unit: unit ?? 'month' };
}

function resolveExistingCustomer(store: Store, attrs: Attributes, errors: FieldErrors): StoredRecord | undefined {
  const id = errors.integer(attrs, 'customer_id', 'Customer');
  const reference = errors.string(attrs, 'customer_reference', 'Customer reference');
  const byId = id !== undefined ? store.get('customers', id) : undefined;
  const byReference = reference !== undefined ? findByField(store, 'customers', 'reference', reference) : undefined;
  if (id !== undefined && !byId) errors.add(messages.notFoundBy('Customer', 'id', String(id)));
  if (reference !== undefined && !byReference) errors.add(messages.notFoundBy('Customer', 'reference', reference));
  if (byId && byReference && byId.id !== byReference.id) errors.add(messages.referenceMismatch);
  const customer = byId ?? byReference;
  if (!customer && id === undefined && reference === undefined && !isObject(attrs.customer_attributes)) errors.add(messages.customerRequired);
  return customer;
}

function createCustomerFromAttributes(store: Store, attrs: Attributes, now: Date): StoredRecord {
  const customerAttrs = attrs.customer_attributes as Attributes;
  const customer = createCustomer(store, customerAttrs, now);
  const metafields = readMetafields(customerAttrs.metafields, new FieldErrors(), 'Customer metafields');
  if (metafields) setResourceMetadata(store, 'customers', customer.id, metafields);
  return customer;
}

function resolvePaymentProfile(store: Store, attrs: Attributes, customer: StoredRecord, now: Date, errors: FieldErrors): number | undefined {
  const id = errors.integer(attrs, 'payment_profile_id', 'Payment profile');
  if (id !== undefined) {
    const profile = store.get('payment_profiles', id);
    if (!profile) errors.add(messages.notFoundBy('Payment profile', 'id', String(id)));
    else if (profile.customer_id !== customer.id) errors.add(messages.paymentProfileOtherCustomer);
    return profile?.id;
  }
  const candidates: Array<[string, 'credit_card' | 'bank_account' | undefined]> = [
    ['credit_card_attributes', 'credit_card'],
    ['bank_account_attributes', 'bank_account'],
    ['payment_profile_attributes', undefined],
  ];
  for (const [key, type] of candidates) {
    const raw = attrs[key];
    if (!isObject(raw)) continue;
    const profileAttrs = raw as Attributes;
    const given = profileAttrs.payment_type;
    const resolved = type ?? (given === 'bank_account' || given === 'paypal_account' ? given : 'credit_card');
    return createPaymentProfile(store, profileAttrs, resolved, customer.id, now).id;
  }
  return undefined;
}

function readComponents(store: Store, attrs: Attributes, errors: FieldErrors): StoredSubscriptionComponent[] {
  const raw = attrs.components;
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) {
    errors.add(messages.invalid('Components'));
    return [];
  }
  const lines: StoredSubscriptionComponent[] = [];
  raw.forEach((item: unknown, index) => {
    const entry = (isObject(item) ? item : {}) as Attributes;
    const label = `Components[${index}]`;
    const named = componentOfEntry(store, entry, label, errors, (component) => Number(component.default_price_point_id));
    if (!named) return;
    const { component, point } = named;
    if (component.archived === true) errors.add(messages.componentArchived(String(component.handle ?? component.id)));
    const kind = String(component.kind);
    let quantity = '0';
    let enabled: boolean | null = null;
    if (kind === 'on_off_component') {
      enabled = errors.boolean(entry, 'enabled', `${label} enabled`) ?? (isPresent(entry.quantity) ? Number(entry.quantity) > 0 : true);
      quantity = enabled ? '1' : '0';
    } else {
      const given = ['allocated_quantity', 'quantity', 'unit_balance'].find((name) => isPresent(entry[name]));
      if (given !== undefined) {
        const value = errors.decimal(entry, given, `${label} ${given.replace('_', ' ')}`);
        if (value !== undefined) {
          if (value.startsWith('-')) errors.add(messages.notNegative(`${label} ${given.replace('_', ' ')}`));
          else if (!/^\d+$/.test(value) && component.allow_fractional_quantities !== true) {
            errors.add(messages.fractionalQuantity(`${label} ${given.replace('_', ' ')}`, String(component.handle ?? component.name)));
          }
          quantity = value;
        }
      }
    }
    let customPrice: StoredSubscriptionComponent['custom_price'] = null;
    if (isObject(entry.custom_price)) {
      const custom = entry.custom_price as Attributes;
      // The spec: "Omit for On/Off components", which are priced per unit; the other kinds need one.
      const scheme =
        kind === 'on_off_component' && !isPresent(custom.pricing_scheme)
          ? 'per_unit'
          : errors.oneOf(custom, 'pricing_scheme', `${label} custom price pricing scheme`, PRICING_SCHEMES, true);
      const brackets = readBrackets(errors, custom.prices, undefined, scheme);
      if (scheme !== undefined) customPrice = { pricing_scheme: scheme, prices: brackets };
    }
    lines.push({ component_id: component.id, price_point_id: point.id, quantity, enabled, custom_price: customPrice });
  });
  return lines;
}

function readCoupons(store: Store, attrs: Attributes, errors: FieldErrors): StoredRecord[] {
  const codes: string[] = [];
  if (Array.isArray(attrs.coupon_codes)) {
    for (const code of attrs.coupon_codes) if (typeof code === 'string' && code.trim() !== '') codes.push(code.trim());
  }
  const single = errors.string(attrs, 'coupon_code', 'Coupon code');
  if (single !== undefined && !codes.some((code) => code.toLowerCase() === single.toLowerCase())) codes.unshift(single);
  const coupons: StoredRecord[] = [];
  for (const code of codes) {
    const coupon = findByField(store, 'coupons', 'code', code);
    if (!coupon) errors.add(messages.couponNotFound);
    else if (coupon.archived_at !== null) errors.add(messages.couponArchived(code));
    else coupons.push(coupon);
  }
  if (coupons.length > 1 && coupons.some((coupon) => coupon.stackable !== true)) errors.add(messages.couponsNotStackable);
  return coupons;
}

function readGroup(store: Store, attrs: Attributes, customer: StoredRecord, subscriptionId: number, errors: FieldErrors): RecordValue | undefined {
  if (!isObject(attrs.group)) return undefined;
  const group = attrs.group as Attributes;
  const target = (isObject(group.target) ? group.target : {}) as Attributes;
  const type = errors.oneOf(target, 'type', 'Group target type', GROUP_TARGETS, true);
  const targetId = errors.integer(target, 'id', 'Group target id', type === 'customer' || type === 'subscription');
  let payerId = customer.id;
  if (type === 'customer' && targetId !== undefined) {
    if (!store.get('customers', targetId)) errors.add(messages.groupTargetNotFound);
    payerId = targetId;
  } else if (type === 'subscription' && targetId !== undefined) {
    const subscription = store.get('subscriptions', targetId);
    if (!subscription) errors.add(messages.groupTargetNotFound);
    else payerId = Number(subscription.customer_id);
  } else if (type === 'parent' || type === 'eldest') {
    let payer: StoredRecord | undefined = customer;
    if (typeof customer.parent_id !== 'number') errors.add(messages.groupNoParent);
    while (payer && typeof payer.parent_id === 'number') {
      payer = store.get('customers', payer.parent_id);
      if (type === 'parent') break;
    }
    if (payer) payerId = payer.id;
  }
  const billing = (isObject(group.billing) ? group.billing : {}) as Attributes;
  // The group's primary subscription is the payer's first grouped one; the first to join becomes it.
  const primary = store.find('subscriptions', (other) => isObject(other.group) && (other.group as Attributes).payer_id === payerId);
  const primaryId = primary ? primary.id : subscriptionId;
  return {
    uid: `grp_${payerId.toString(36)}`,
    scheme: 1,
    primary_subscription_id: primaryId,
    primary: primaryId === subscriptionId,
    payer_id: payerId,
    target_type: type ?? 'self',
    accrue: errors.boolean(billing, 'accrue', 'Group billing accrue') ?? false,
    align_date: errors.boolean(billing, 'align_date', 'Group billing align date') ?? false,
    prorate: errors.boolean(billing, 'prorate', 'Group billing prorate') ?? false,
  };
}

function readMetafields(raw: unknown, errors: FieldErrors, label: string): Record<string, string> | undefined {
  if (raw === undefined || raw === null) return undefined;
  if (!isObject(raw)) {
    errors.add(messages.invalid(label));
    return undefined;
  }
  const values: Record<string, string> = {};
  for (const [name, value] of Object.entries(raw as Attributes)) {
    if (value === null || value === undefined) continue;
    values[name] = typeof value === 'string' ? value : JSON.stringify(value);
  }
  return values;
}

/**
 * start + interval days or months on the site's calendar, at the same wall-clock time (months clamp to
 * the last day, as billing does).
 */
function advance(start: string, interval: number, unit: string, timeZone: string): string {
  const startInstant = new Date(start);
  const day = calendarDateOf(startInstant, timeZone);
  const next = unit === 'day' ? addDays(day, interval) : addMonths(day, interval);
  const clock = formatInZone(startInstant, timeZone).slice(11, 19);
  // The same wall-clock time on the new day, at the offset in force then.
  const offset = wallClockTime(next, Number(clock.slice(0, 2)), timeZone).slice(19);
  return formatInZone(new Date(`${next}T${clock}${offset}`), timeZone);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
