// Coupons: create in a family (percentage or flat amount, stackable, recurring), find by code, read,
// list, archive. Codes are unique across the site and compared without case.
import { SandboxError, reply, timestamp, type RequestContext } from '../context.js';
import { FieldErrors, paginate, publicView, rootObject } from '../fields.js';
import { findByField, recordByPathKey, recordsWhere } from '../lookup.js';
import { messages } from '../messages.js';
import type { Router } from '../router.js';
import type { StoredRecord, Store } from '../store.js';
import { Decimal } from '../../../../pricing/index.js';

const CODE = /^[A-Za-z0-9_%@+\-.]+$/;

export function registerCouponRoutes(router: Router): void {
  router.add('POST', '/product_families/:family/coupons.json', createCoupon);
  router.add('GET', '/product_families/:family/coupons.json', ({ store, params, query }) => {
    const family = recordByPathKey(store, 'product_families', params.family, 'Product family');
    const coupons = recordsWhere(store, 'coupons', (coupon) => coupon.product_family_id === family.id && (query.get('filter[archived]') === 'true' || coupon.archived_at === null));
    return reply(200, paginate(coupons, query).map((coupon) => ({ coupon: couponView(store, coupon) })));
  });
  router.add('GET', '/coupons.json', ({ store, query }) => {
    const coupons = recordsWhere(store, 'coupons', (coupon) => query.get('filter[archived]') === 'true' || coupon.archived_at === null);
    return reply(200, paginate(coupons, query).map((coupon) => ({ coupon: couponView(store, coupon) })));
  });
  router.add('GET', '/coupons/find.json', ({ store, query }) => {
    const coupon = findByField(store, 'coupons', 'code', query.get('code') ?? '');
    const familyId = query.get('product_family_id');
    if (!coupon || (familyId !== null && String(coupon.product_family_id) !== familyId)) throw new SandboxError(404, [messages.couponNotFound]);
    return reply(200, { coupon: couponView(store, coupon) });
  });
  router.add('GET', '/product_families/:family/coupons/:coupon.json', ({ store, params }) =>
    reply(200, { coupon: couponView(store, couponInFamily(store, params.family, params.coupon)) }),
  );
  router.add('DELETE', '/product_families/:family/coupons/:coupon.json', ({ store, params, now }) => {
    const coupon = couponInFamily(store, params.family, params.coupon);
    const archived = store.put('coupons', { ...coupon, archived_at: coupon.archived_at ?? timestamp(now), updated_at: timestamp(now) });
    return reply(200, { coupon: couponView(store, archived) });
  });
}

function couponView(store: Store, coupon: StoredRecord): Record<string, unknown> {
  const family = store.get('product_families', Number(coupon.product_family_id));
  return { ...publicView(coupon), product_family_name: family?.name ?? null };
}

function couponInFamily(store: Store, familyKey: string | undefined, couponKey: string | undefined): StoredRecord {
  const family = recordByPathKey(store, 'product_families', familyKey, 'Product family');
  const coupon = recordByPathKey(store, 'coupons', couponKey, 'Coupon');
  if (coupon.product_family_id !== family.id) throw new SandboxError(404, [messages.recordNotFound('Coupon')]);
  return coupon;
}

function createCoupon(context: RequestContext) {
  const { store, params, now } = context;
  const family = recordByPathKey(store, 'product_families', params.family, 'Product family');
  const attrs = rootObject(context, 'coupon');
  const errors = new FieldErrors();
  const name = errors.string(attrs, 'name', 'Name', true);
  const code = errors.string(attrs, 'code', 'Code', true);
  if (code !== undefined && !CODE.test(code)) errors.add(messages.invalid('Code'));
  if (code !== undefined && findByField(store, 'coupons', 'code', code)) errors.add(messages.taken('Code'));
  const percentage = errors.decimal(attrs, 'percentage', 'Percentage');
  const amountInCents = errors.integer(attrs, 'amount_in_cents', 'Amount in cents');
  if ((percentage === undefined) === (amountInCents === undefined) && errors.empty) {
    errors.add(messages.couponNeedsOneDiscount);
  }
  if (percentage !== undefined && (new Decimal(percentage).lessThanOrEqualTo(0) || new Decimal(percentage).greaterThan(100))) {
    errors.add(messages.percentageRange);
  }
  if (amountInCents !== undefined && amountInCents <= 0) errors.add(messages.amountNotPositive('Amount in cents'));
  const recurring = errors.boolean(attrs, 'recurring', 'Recurring') ?? false;
  const durationCount = errors.integer(attrs, 'duration_period_count', 'Duration period count') ?? null;
  const stackable = errors.boolean(attrs, 'stackable', 'Stackable') ?? false;
  const endDate = errors.dateTime(attrs, 'end_date', 'End date') ?? null;
  const description = errors.string(attrs, 'description', 'Description') ?? '';
  const strategy = errors.oneOf(attrs, 'compounding_strategy', 'Compounding strategy', ['compound', 'full-price'] as const) ?? 'compound';
  const excludeMidPeriod = errors.boolean(attrs, 'exclude_mid_period_allocations', 'Exclude mid period allocations') ?? false;
  const applyOnCancel = errors.boolean(attrs, 'apply_on_cancel_at_end_of_period', 'Apply on cancel at end of period') ?? false;
  const applyOnExpiration = errors.boolean(attrs, 'apply_on_subscription_expiration', 'Apply on subscription expiration') ?? false;
  const restrictions = [
    ...readRestrictions(store, context.body.restricted_products, 'products', 'Product', errors),
    ...readRestrictions(store, context.body.restricted_components, 'components', 'Component', errors),
  ];
  errors.done();
  const at = timestamp(now);
  const coupon = store.put('coupons', {
    id: store.nextId('coupons'),
    name: name ?? '',
    code: (code ?? '').toUpperCase(),
    description,
    amount: amountInCents === undefined ? null : amountInCents / 100,
    amount_in_cents: amountInCents ?? null,
    product_family_id: family.id,
    start_date: at,
    end_date: endDate,
    percentage: percentage ?? null,
    recurring,
    recurring_scheme: !recurring ? 'do_not_recur' : durationCount === null ? 'recur_indefinitely' : 'recur_with_duration',
    duration_period_count: durationCount,
    duration_interval: null,
    duration_interval_unit: null,
    duration_interval_span: null,
    allow_negative_balance: errors.boolean(attrs, 'allow_negative_balance', 'Allow negative balance') ?? false,
    archived_at: null,
    conversion_limit: null,
    stackable,
    compounding_strategy: strategy,
    use_site_exchange_rate: true,
    created_at: at,
    updated_at: at,
    discount_type: percentage !== undefined ? 'percent' : 'amount',
    exclude_mid_period_allocations: excludeMidPeriod,
    apply_on_cancel_at_end_of_period: applyOnCancel,
    apply_on_subscription_expiration: applyOnExpiration,
    coupon_restrictions: restrictions.map((restriction, index) => ({ id: index + 1, ...restriction })),
  });
  return reply(201, { coupon: couponView(store, coupon) });
}

/**
 * `restricted_products` / `restricted_components`: ids mapped to whether the coupon applies to them; those
 * it applies to are the coupon's restrictions, as the response lists them. An id the site lacks is a 422.
 */
function readRestrictions(store: Store, raw: unknown, collection: 'products' | 'components', itemType: string, errors: FieldErrors) {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return [];
  return Object.entries(raw as Record<string, unknown>).flatMap(([key, applies]) => {
    const item = /^\d+$/.test(key) ? store.get(collection, Number(key)) : undefined;
    if (item === undefined) {
      errors.add(messages.notFoundBy(`Restricted ${collection}`, 'id', key), `restricted_${collection}`);
      return [];
    }
    if (applies !== true && applies !== 'true') return [];
    return [{ item_type: itemType, item_id: item.id, name: String(item.name ?? ''), handle: typeof item.handle === 'string' ? item.handle : null }];
  });
}
