// Components: create each of the five kinds in a family (with price brackets), lookup by handle, read,
// list, archive; component price points: create, list, read, archive, promote to the component's default.
import { SandboxError, reply, timestamp, type RequestContext } from '../context.js';
import { FieldErrors, INTERVAL_RANGE, paginate, publicView, rootObject, type Attributes } from '../fields.js';
import { findByField, findByIdOrHandle, recordByPathKey, recordsWhere } from '../lookup.js';
import { messages } from '../messages.js';
import type { Router } from '../router.js';
import type { StoredRecord, Store } from '../store.js';
import { archivePricePoint, promotePricePoint, type PricePointOwner } from './default-price-point.js';
import { checkHandleFormat, handleFrom } from './handles.js';
import { PRICING_SCHEMES, readBrackets, storedBrackets, type Scheme } from './price-brackets.js';

const COMPONENT_KINDS = ['metered', 'quantity_based', 'on_off', 'prepaid_usage', 'event_based'] as const;
const CREDIT_TYPES = ['full', 'prorated', 'none'] as const;
const INTERVAL_UNITS = ['day', 'month'] as const;
type Kind = (typeof COMPONENT_KINDS)[number];

export function registerComponentRoutes(router: Router): void {
  for (const kind of COMPONENT_KINDS) {
    router.add('POST', `/product_families/:family/${kind}_components.json`, (context) => createComponent(context, kind));
  }
  router.add('GET', '/components/lookup.json', ({ store, query }) => {
    const component = findByField(store, 'components', 'handle', query.get('handle') ?? '');
    if (!component) throw new SandboxError(404, [messages.recordNotFound('Component')]);
    return reply(200, { component: componentView(store, component) });
  });
  router.add('GET', '/components.json', ({ store, query }) => {
    const components = recordsWhere(store, 'components', (component) => query.get('include_archived') === 'true' || component.archived !== true);
    return reply(200, paginate(components, query).map((component) => ({ component: componentView(store, component) })));
  });
  router.add('GET', '/product_families/:family/components.json', ({ store, params, query }) => {
    const family = recordByPathKey(store, 'product_families', params.family, 'Product family');
    const components = recordsWhere(
      store,
      'components',
      (component) => component.product_family_id === family.id && (query.get('include_archived') === 'true' || component.archived !== true),
    );
    return reply(200, paginate(components, query).map((component) => ({ component: componentView(store, component) })));
  });
  router.add('GET', '/product_families/:family/components/:component.json', ({ store, params }) => {
    const component = componentInFamily(store, params.family, params.component);
    return reply(200, { component: componentView(store, component) });
  });
  router.add('DELETE', '/product_families/:family/components/:component.json', ({ store, params, now }) => {
    const component = componentInFamily(store, params.family, params.component);
    const archived = store.put('components', { ...component, archived: true, archived_at: component.archived_at ?? timestamp(now), updated_at: timestamp(now) });
    return reply(200, { component: componentView(store, archived) });
  });
  router.add('POST', '/components/:component/price_points.json', createComponentPricePoint);
  router.add('GET', '/components/:component/price_points.json', ({ store, params, query }) => {
    const component = recordByPathKey(store, 'components', params.component, 'Component');
    // The list is of current price points: archived ones only with include_archived=true (as products').
    const points = recordsWhere(store, 'component_price_points', (point) =>
      point.component_id === component.id && (query.get('include_archived') === 'true' || point.archived_at === null || point.archived_at === undefined));
    return reply(200, { price_points: paginate(points, query).map((point) => publicView(point)) });
  });
  router.add('GET', '/components/:component/price_points/:point.json', ({ store, params }) => {
    const component = recordByPathKey(store, 'components', params.component, 'Component');
    const point = componentPricePoint(store, component, params.point ?? '');
    if (!point) throw new SandboxError(404, [messages.recordNotFound('Price point')]);
    return reply(200, { price_point: publicView(point) });
  });
  router.add('DELETE', '/components/:component/price_points/:point.json', archiveComponentPricePoint);
  router.add('PUT', '/components/:component/price_points/:point/default.json', promoteComponentPricePoint);
}

function pricePointOf(store: Store, params: Record<string, string>): { component: StoredRecord; point: StoredRecord } {
  const component = recordByPathKey(store, 'components', params.component, 'Component');
  const point = componentPricePoint(store, component, params.point ?? '');
  if (!point) throw new SandboxError(404, [messages.recordNotFound('Price point')]);
  return { component, point };
}

const COMPONENT_PRICE_POINTS: PricePointOwner = {
  owner: 'component',
  owners: 'components',
  collection: 'component_price_points',
  defaultField: 'default_price_point_id',
  mark: (isDefault) => ({ type: isDefault ? 'default' : 'catalog', default: isDefault }),
};

/** Archive Component Price Point: 200 with the price point; the component's default cannot go. */
function archiveComponentPricePoint({ store, params, now }: RequestContext) {
  const { component, point } = pricePointOf(store, params);
  return reply(200, { price_point: publicView(archivePricePoint(store, COMPONENT_PRICE_POINTS, component, point, now)) });
}

/** Promote Price Point to Default (PUT …/default.json): 200 with the component, now priced by that price point. */
function promoteComponentPricePoint({ store, params, now }: RequestContext) {
  const { component, point } = pricePointOf(store, params);
  return reply(200, { component: componentView(store, promotePricePoint(store, COMPONENT_PRICE_POINTS, component, point, now)) });
}

/** The component as the API shows it, priced by its default price point. */
function componentView(store: Store, component: StoredRecord): Record<string, unknown> {
  const family = store.get('product_families', Number(component.product_family_id));
  const point = store.get('component_price_points', Number(component.default_price_point_id));
  const prices = (point?.prices ?? []) as Array<{ unit_price: string }>;
  const count = store.all('component_price_points').filter((candidate) => candidate.component_id === component.id).length;
  return {
    ...publicView(component),
    product_family_name: family?.name ?? '',
    pricing_scheme: point?.pricing_scheme ?? null,
    unit_price: point?.pricing_scheme === 'per_unit' ? (prices[0]?.unit_price ?? null) : null,
    price_per_unit_in_cents: null,
    prices,
    overage_prices: (point?.overage_pricing as { prices?: unknown } | undefined)?.prices ?? null,
    price_point_count: count,
    price_points_url: null,
    default_price_point_name: point?.name ?? 'Original',
  };
}

/**
 * The component and price point an entry of a request's `components` names (`component_id`, optional
 * `price_point_id`: ids or `handle:`), or undefined after adding the API's message to errors.
 * defaultPoint: the price point an entry without one gets.
 */
export function componentOfEntry(
  store: Store,
  entry: Attributes,
  label: string,
  errors: FieldErrors,
  defaultPoint: (component: StoredRecord) => number,
): { component: StoredRecord; point: StoredRecord } | undefined {
  const key = entry.component_id;
  const component = typeof key === 'number' || typeof key === 'string' ? findByIdOrHandle(store, 'components', key) : undefined;
  if (!component) {
    errors.add(messages.notFoundBy(`${label} component`, 'id', String(key ?? '')));
    return undefined;
  }
  const pointKey = entry.price_point_id;
  const point =
    pointKey === undefined || pointKey === null
      ? store.get('component_price_points', defaultPoint(component))
      : componentPricePoint(store, component, typeof pointKey === 'number' ? pointKey : String(pointKey));
  if (!point) {
    errors.add(messages.componentPricePointWrong(String(pointKey)));
    return undefined;
  }
  return { component, point };
}

/** A component's price point by id, `handle:` or plain handle. */
export function componentPricePoint(store: Store, component: StoredRecord, key: string | number): StoredRecord | undefined {
  const handle = typeof key === 'string' ? (key.startsWith('handle:') ? key.slice(7) : /^\d+$/.test(key) ? undefined : key) : undefined;
  const point =
    handle !== undefined
      ? store.find('component_price_points', (candidate) => candidate.component_id === component.id && candidate.handle === handle)
      : store.get('component_price_points', Number(key));
  return point && point.component_id === component.id ? point : undefined;
}

function componentInFamily(store: Store, familyKey: string | undefined, componentKey: string | undefined): StoredRecord {
  const family = recordByPathKey(store, 'product_families', familyKey, 'Product family');
  const component = recordByPathKey(store, 'components', componentKey, 'Component');
  if (component.product_family_id !== family.id) throw new SandboxError(404, [messages.recordNotFound('Component')]);
  return component;
}

function createComponent(context: RequestContext, kind: Kind) {
  const { store, params, now } = context;
  const family = recordByPathKey(store, 'product_families', params.family, 'Product family');
  const attrs = rootObject(context, `${kind}_component`);
  const errors = new FieldErrors();
  const name = errors.string(attrs, 'name', 'Name', true);
  const handle = handleFrom(errors, attrs, name);
  checkHandleFormat(errors, handle);
  if (handle !== undefined && findByField(store, 'components', 'handle', handle)) errors.add(messages.handleTaken(handle, 'Component'));
  const unitName = errors.string(attrs, 'unit_name', 'Unit name', kind !== 'on_off');
  // An on/off component is priced by its unit price alone: its pricing scheme is per_unit.
  const scheme: Scheme | undefined = kind === 'on_off' ? 'per_unit' : errors.oneOf(attrs, 'pricing_scheme', 'Pricing scheme', PRICING_SCHEMES, true);
  const brackets = readBrackets(errors, attrs.prices, attrs.unit_price, scheme);
  const overage = kind === 'prepaid_usage' ? readOverage(errors, attrs) : undefined;
  const description = errors.string(attrs, 'description', 'Description') ?? null;
  const settings = readComponentSettings(errors, attrs, kind);
  const prepaid = kind === 'prepaid_usage' ? readPrepaidSettings(errors, attrs) : undefined;
  const interval = readInterval(errors, attrs);
  const metricId = errors.integer(attrs, 'event_based_billing_metric_id', 'Event based billing metric', kind === 'event_based');
  const extraPoints = (Array.isArray(attrs.price_points) ? attrs.price_points : []).map((raw: unknown, index) => {
    const pointAttrs = (typeof raw === 'object' && raw !== null ? raw : {}) as Attributes;
    const label = `Price points[${index}]`;
    const pointName = errors.string(pointAttrs, 'name', `${label} name`, true) ?? '';
    const pointScheme = errors.oneOf(pointAttrs, 'pricing_scheme', `${label} pricing scheme`, PRICING_SCHEMES, true) ?? 'per_unit';
    const pointBrackets = readBrackets(errors, pointAttrs.prices, pointAttrs.unit_price, pointScheme);
    return { name: pointName, handle: handleFrom(errors, pointAttrs, pointName) ?? null, scheme: pointScheme, brackets: pointBrackets };
  });
  errors.done();

  const at = timestamp(now);
  const componentId = store.nextId('components');
  const point = storePricePoint(store, componentId, {
    name: 'Original',
    handle: 'original',
    scheme: scheme ?? 'per_unit',
    brackets,
    type: 'default',
    at,
    overage,
    prepaid,
    interval,
  });
  const component = store.put('components', {
    id: componentId,
    name: name ?? '',
    handle: handle ?? null,
    kind: `${kind}_component`,
    unit_name: unitName ?? (kind === 'on_off' ? 'on/off' : ''),
    description,
    ...settings,
    product_family_id: family.id,
    default_price_point_id: point.id,
    archived: false,
    archived_at: null,
    item_category: null,
    use_site_exchange_rate: true,
    // No component request schema has accounting_code: a component made through the API has none.
    accounting_code: null,
    // The response schema has them as non-null: present only when the request set them.
    ...(interval.interval !== null ? { interval: interval.interval } : {}),
    ...(interval.interval_unit !== null ? { interval_unit: interval.interval_unit } : {}),
    ...(metricId !== undefined ? { event_based_billing_metric_id: metricId } : {}),
    created_at: at,
    updated_at: at,
  });
  for (const extra of extraPoints) storePricePoint(store, componentId, { ...extra, type: 'catalog', at });
  return reply(201, { component: componentView(store, component) });
}

function createComponentPricePoint(context: RequestContext) {
  const { store, params, now } = context;
  const component = recordByPathKey(store, 'components', params.component, 'Component');
  const attrs = rootObject(context, 'price_point');
  const errors = new FieldErrors();
  const name = errors.string(attrs, 'name', 'Name', true);
  const handle = handleFrom(errors, attrs, name);
  checkHandleFormat(errors, handle);
  if (handle !== undefined && componentPricePoint(store, component, `handle:${handle}`)) errors.add(messages.handleTaken(handle, 'Price Point'));
  const scheme = component.kind === 'on_off_component' ? 'per_unit' : errors.oneOf(attrs, 'pricing_scheme', 'Pricing scheme', PRICING_SCHEMES, true);
  const brackets = readBrackets(errors, attrs.prices, attrs.unit_price, scheme);
  const isPrepaid = component.kind === 'prepaid_usage_component';
  const overage = isPrepaid && attrs.overage_pricing !== undefined ? readOverage(errors, attrs) : undefined;
  const prepaid = isPrepaid ? readPrepaidSettings(errors, attrs) : undefined;
  const interval = readInterval(errors, attrs);
  const taxIncluded = errors.boolean(attrs, 'tax_included', 'Tax included') ?? false;
  const useSiteExchangeRate = errors.boolean(attrs, 'use_site_exchange_rate', 'Use site exchange rate') ?? true;
  errors.done();
  const point = storePricePoint(store, component.id, {
    name: name ?? '',
    handle: handle ?? null,
    scheme: scheme ?? 'per_unit',
    brackets,
    type: 'catalog',
    at: timestamp(now),
    overage,
    prepaid,
    interval,
    taxIncluded,
    useSiteExchangeRate,
  });
  return reply(200, { price_point: publicView(point) });
}

interface PricePointInput {
  name: string;
  handle: string | null;
  scheme: Scheme;
  brackets: ReturnType<typeof readBrackets>;
  type: 'default' | 'catalog';
  at: string;
  overage?: { scheme: Scheme; brackets: ReturnType<typeof readBrackets> };
  prepaid?: PrepaidSettings;
  interval?: { interval: number | null; interval_unit: string | null };
  taxIncluded?: boolean;
  useSiteExchangeRate?: boolean;
}

/** The settings of a component that its create request may set, each stored as sent (or the site default). */
function readComponentSettings(errors: FieldErrors, attrs: Attributes, kind: Kind) {
  return {
    taxable: errors.boolean(attrs, 'taxable', 'Taxable') ?? false,
    tax_code: errors.string(attrs, 'tax_code', 'Tax code') ?? null,
    // Only the quantity-based create schema has `recurring`; metered usage is billed in arrears.
    recurring: kind === 'quantity_based' ? (errors.boolean(attrs, 'recurring', 'Recurring') ?? true) : kind !== 'metered',
    // null: the site's default applies (the spec's Credit Type: full, prorated or none).
    upgrade_charge: errors.oneOf(attrs, 'upgrade_charge', 'Upgrade charge', CREDIT_TYPES) ?? null,
    downgrade_credit: errors.oneOf(attrs, 'downgrade_credit', 'Downgrade credit', CREDIT_TYPES) ?? null,
    hide_date_range_on_invoice: errors.boolean(attrs, 'hide_date_range_on_invoice', 'Hide date range on invoice') ?? false,
    // The event-based create schema has no allow_fractional_quantities.
    allow_fractional_quantities: kind === 'event_based' ? false : (errors.boolean(attrs, 'allow_fractional_quantities', 'Allow fractional quantities') ?? false),
  };
}

interface PrepaidSettings {
  renew_prepaid_allocation: boolean;
  rollover_prepaid_remainder: boolean;
  expiration_interval: number | null;
  expiration_interval_unit: string | null;
}

/** Prepaid usage settings, kept on the price point they were sent with (the component's are its default's). */
function readPrepaidSettings(errors: FieldErrors, attrs: Attributes): PrepaidSettings {
  return {
    renew_prepaid_allocation: errors.boolean(attrs, 'renew_prepaid_allocation', 'Renew prepaid allocation') ?? false,
    rollover_prepaid_remainder: errors.boolean(attrs, 'rollover_prepaid_remainder', 'Rollover prepaid remainder') ?? false,
    expiration_interval: errors.integerWithin(attrs, 'expiration_interval', 'Expiration interval', INTERVAL_RANGE) ?? null,
    expiration_interval_unit: errors.oneOf(attrs, 'expiration_interval_unit', 'Expiration interval unit', INTERVAL_UNITS) ?? null,
  };
}

/** A price point's own billing interval (multi-frequency components); null: the product's. */
function readInterval(errors: FieldErrors, attrs: Attributes): { interval: number | null; interval_unit: string | null } {
  return {
    interval: errors.integerWithin(attrs, 'interval', 'Interval', INTERVAL_RANGE) ?? null,
    interval_unit: errors.oneOf(attrs, 'interval_unit', 'Interval unit', INTERVAL_UNITS) ?? null,
  };
}

function storePricePoint(store: Store, componentId: number, input: PricePointInput): StoredRecord {
  const id = store.nextId('component_price_points');
  return store.put('component_price_points', {
    id,
    type: input.type,
    default: input.type === 'default',
    name: input.name,
    pricing_scheme: input.scheme,
    component_id: componentId,
    handle: input.handle,
    archived_at: null,
    created_at: input.at,
    updated_at: input.at,
    prices: storedBrackets(store, input.brackets, { componentId, pricePointId: id }),
    ...(input.overage
      ? {
          overage_pricing: {
            pricing_scheme: input.overage.scheme,
            prices: storedBrackets(store, input.overage.brackets, { componentId, pricePointId: id }),
          },
        }
      : {}),
    ...input.prepaid,
    use_site_exchange_rate: input.useSiteExchangeRate ?? true,
    tax_included: input.taxIncluded ?? false,
    interval: input.interval?.interval ?? null,
    interval_unit: input.interval?.interval_unit ?? null,
    currency_prices: [],
  });
}

function readOverage(errors: FieldErrors, attrs: Attributes): PricePointInput['overage'] {
  const raw = attrs.overage_pricing;
  if (typeof raw !== 'object' || raw === null) {
    errors.add(messages.blank('Overage pricing'));
    return undefined;
  }
  const overage = raw as Attributes;
  const scheme = errors.oneOf(overage, 'pricing_scheme', 'Overage pricing scheme', PRICING_SCHEMES, true) ?? 'per_unit';
  return { scheme, brackets: readBrackets(errors, overage.prices, overage.unit_price, scheme) };
}
