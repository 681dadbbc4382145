// Products and their price points: create in a family, read by id and by handle, list, archive;
// price points: create, list, read, archive, promote to the product's default. A product's price
// fields are those of its default price point.
import { SandboxError, reply, timestamp, type RequestContext } from '../context.js';
import { FieldErrors, INTERVAL_RANGE, paginate, publicView, rootObject, type Attributes } from '../fields.js';
import { findByField, recordByPathKey, recordsWhere } from '../lookup.js';
import { messages } from '../messages.js';
import type { Router } from '../router.js';
import type { RecordValue, StoredRecord, Store } from '../store.js';
import { archivePricePoint, promotePricePoint, type PricePointOwner } from './default-price-point.js';
import { checkHandleFormat, handleFrom } from './handles.js';

const INTERVAL_UNITS = ['day', 'month'] as const;
const EXPIRATION_UNITS = ['day', 'month', 'never'] as const;

export function registerProductRoutes(router: Router): void {
  router.add('POST', '/product_families/:family/products.json', createProduct);
  router.add('GET', '/product_families/:family/products.json', ({ store, params, query }) => {
    const family = recordByPathKey(store, 'product_families', params.family, 'Product family');
    const products = recordsWhere(store, 'products', (product) => product.product_family_id === family.id && includeArchived(query, product));
    return reply(200, paginate(products, query).map((product) => ({ product: productView(store, product) })));
  });
  router.add('GET', '/products.json', ({ store, query }) => {
    const products = recordsWhere(store, 'products', (product) => includeArchived(query, product));
    return reply(200, paginate(products, query).map((product) => ({ product: productView(store, product) })));
  });
  router.add('GET', '/products/handle/:handle.json', ({ store, params }) => {
    const product = findByField(store, 'products', 'handle', params.handle ?? '');
    if (!product) throw new SandboxError(404, [messages.recordNotFound('Product')]);
    return reply(200, { product: productView(store, product) });
  });
  router.add('GET', '/products/:product.json', ({ store, params }) =>
    reply(200, { product: productView(store, recordByPathKey(store, 'products', params.product, 'Product')) }),
  );
  router.add('DELETE', '/products/:product.json', archiveProduct);
  router.add('POST', '/products/:product/price_points.json', createPricePoint);
  router.add('GET', '/products/:product/price_points.json', ({ store, params, query }) => {
    const product = recordByPathKey(store, 'products', params.product, 'Product');
    const points = recordsWhere(store, 'product_price_points', (point) => point.product_id === product.id && includeArchived(query, point));
    return reply(200, { price_points: paginate(points, query).map((point) => publicView(point)) });
  });
  router.add('GET', '/products/:product/price_points/:point.json', ({ store, params }) => {
    const product = recordByPathKey(store, 'products', params.product, 'Product');
    const point = productPricePoint(store, product, params.point ?? '');
    if (!point) throw new SandboxError(404, [messages.recordNotFound('Price point')]);
    return reply(200, { price_point: publicView(point) });
  });
  router.add('DELETE', '/products/:product/price_points/:point.json', archiveProductPricePoint);
  router.add('PATCH', '/products/:product/price_points/:point/default.json', promoteProductPricePoint);
}

/**
 * The product as the API shows it: its own fields, its family, and a price point's prices: its default's,
 * or, nested in a subscription, the subscription's own (an annual price point reads as annual there).
 */
export function productView(store: Store, product: StoredRecord, pricePointId: unknown = product.default_product_price_point_id): Record<string, unknown> {
  const family = store.get('product_families', Number(product.product_family_id));
  const point = store.get('product_price_points', Number(pricePointId));
  const view = publicView(product);
  delete view.product_family_id;
  return {
    ...view,
    price_in_cents: point?.price_in_cents ?? 0,
    interval: point?.interval ?? 1,
    interval_unit: point?.interval_unit ?? 'month',
    initial_charge_in_cents: point?.initial_charge_in_cents ?? null,
    trial_price_in_cents: point?.trial_price_in_cents ?? null,
    trial_interval: point?.trial_interval ?? null,
    trial_interval_unit: point?.trial_interval_unit ?? null,
    initial_charge_after_trial: point?.initial_charge_after_trial ?? false,
    expiration_interval: point?.expiration_interval ?? null,
    expiration_interval_unit: point?.expiration_interval_unit ?? null,
    product_family: family ? publicView(family) : undefined,
    product_price_point_id: point?.id,
    product_price_point_handle: point?.handle ?? null,
    product_price_point_name: point?.name ?? 'Original',
  };
}

/** A product's price point by id or `handle:`/plain handle. */
export function productPricePoint(store: Store, product: StoredRecord, key: string | number): StoredRecord | undefined {
  const handle = typeof key === 'string' ? (key.startsWith('handle:') ? key.slice(7) : /^\d+$/.test(key) ? undefined : key) : undefined;
  const point =
    handle !== undefined
      ? store.find('product_price_points', (candidate) => candidate.product_id === product.id && candidate.handle === handle)
      : store.get('product_price_points', Number(key));
  return point && point.product_id === product.id ? point : undefined;
}

function includeArchived(query: URLSearchParams, record: StoredRecord): boolean {
  return query.get('include_archived') === 'true' || record.archived_at === null || record.archived_at === undefined;
}

function createProduct(context: RequestContext) {
  const { store, params, now } = context;
  const family = recordByPathKey(store, 'product_families', params.family, 'Product family');
  const attrs = rootObject(context, 'product');
  const errors = new FieldErrors();
  const name = errors.string(attrs, 'name', 'Name', true);
  const handle = handleFrom(errors, attrs, name);
  checkHandleFormat(errors, handle);
  if (handle !== undefined && findByField(store, 'products', 'handle', handle)) errors.add(messages.handleTaken(handle, 'Product'));
  const description = errors.string(attrs, 'description', 'Description') ?? '';
  const prices = readPrices(errors, attrs);
  const accountingCode = errors.string(attrs, 'accounting_code', 'Accounting code') ?? null;
  const requireCreditCard = errors.boolean(attrs, 'require_credit_card', 'Require credit card') ?? false;
  const taxCode = errors.string(attrs, 'tax_code', 'Tax code') ?? null;
  const autoCreateSignupPage = errors.boolean(attrs, 'auto_create_signup_page', 'Auto create signup page') ?? false;
  errors.done();
  const at = timestamp(now);
  const productId = store.nextId('products');
  const point = store.put('product_price_points', {
    id: store.nextId('product_price_points'),
    name: 'Original',
    handle: 'original',
    ...prices,
    product_id: productId,
    type: 'default',
    tax_included: false,
    use_site_exchange_rate: true,
    archived_at: null,
    created_at: at,
    updated_at: at,
  });
  const product = store.put('products', {
    id: productId,
    name: name ?? '',
    handle: handle ?? null,
    description,
    accounting_code: accountingCode,
    request_credit_card: requireCreditCard,
    require_credit_card: requireCreditCard,
    // No request schema has taxable or the require_*_address settings (only the response does): a
    // product made through the API has them off, as in the spec's examples, whatever else it was sent.
    taxable: false,
    tax_code: taxCode,
    version_number: 1,
    archived_at: null,
    product_family_id: family.id,
    default_product_price_point_id: point.id,
    public_signup_pages: autoCreateSignupPage ? [signupPage(context.site.subdomain, productId, handle)] : [],
    request_billing_address: false,
    require_billing_address: false,
    require_shipping_address: false,
    created_at: at,
    updated_at: at,
  });
  return reply(201, { product: productView(store, product) });
}

/**
 * The public signup page auto_create_signup_page makes: the site shows it in public_signup_pages (the
 * product response has no auto_create_signup_page). One page per product, so it takes the product's id.
 */
function signupPage(subdomain: string, productId: number, handle: string | undefined): RecordValue {
  return { id: productId, return_url: null, return_params: null, url: `https://${subdomain}.chargifypay.com/subscribe/${productId.toString(36)}/${handle ?? productId}` };
}

function archiveProduct({ store, params, now }: RequestContext) {
  const product = recordByPathKey(store, 'products', params.product, 'Product');
  const archived = store.put('products', { ...product, archived_at: product.archived_at ?? timestamp(now), updated_at: timestamp(now) });
  return reply(200, { product: productView(store, archived) });
}

function createPricePoint(context: RequestContext) {
  const { store, params, now } = context;
  const product = recordByPathKey(store, 'products', params.product, 'Product');
  const attrs = rootObject(context, 'price_point');
  const errors = new FieldErrors();
  const name = errors.string(attrs, 'name', 'Name', true);
  const handle = handleFrom(errors, attrs, name);
  checkHandleFormat(errors, handle);
  if (handle !== undefined && productPricePoint(store, product, `handle:${handle}`)) errors.add(messages.handleTaken(handle, 'Price Point'), 'handle');
  const prices = readPrices(errors, attrs);
  const useSiteExchangeRate = errors.boolean(attrs, 'use_site_exchange_rate', 'Use site exchange rate') ?? true;
  errors.done();
  const at = timestamp(now);
  const point = store.put('product_price_points', {
    id: store.nextId('product_price_points'),
    name: name ?? '',
    handle: handle ?? null,
    ...prices,
    product_id: product.id,
    type: 'catalog',
    tax_included: false,
    use_site_exchange_rate: useSiteExchangeRate,
    archived_at: null,
    created_at: at,
    updated_at: at,
  });
  return reply(201, { price_point: publicView(point) });
}

function pricePointOf(store: Store, params: Record<string, string>): { product: StoredRecord; point: StoredRecord } {
  const product = recordByPathKey(store, 'products', params.product, 'Product');
  const point = productPricePoint(store, product, params.point ?? '');
  if (!point) throw new SandboxError(404, [messages.recordNotFound('Price point')]);
  return { product, point };
}

const PRODUCT_PRICE_POINTS: PricePointOwner = {
  owner: 'product',
  owners: 'products',
  collection: 'product_price_points',
  defaultField: 'default_product_price_point_id',
  mark: (isDefault) => ({ type: isDefault ? 'default' : 'catalog' }),
};

/** Archive Product Price Point: 200 with the price point; the product's default cannot go. */
function archiveProductPricePoint({ store, params, now }: RequestContext) {
  const { product, point } = pricePointOf(store, params);
  return reply(200, { price_point: publicView(archivePricePoint(store, PRODUCT_PRICE_POINTS, product, point, now)) });
}

/** Promote Product Price Point to Default: 200 with the product, now priced by that price point. */
function promoteProductPricePoint({ store, params, now }: RequestContext) {
  const { product, point } = pricePointOf(store, params);
  return reply(200, { product: productView(store, promotePricePoint(store, PRODUCT_PRICE_POINTS, product, point, now)) });
}

/** The price fields shared by products and product price points (amounts in cents, as the API has them). */
function readPrices(errors: FieldErrors, attrs: Attributes) {
  const priceInCents = errors.integer(attrs, 'price_in_cents', 'Price in cents', true);
  if (priceInCents !== undefined && priceInCents < 0) errors.add(messages.invalid('Price in cents'), 'price_in_cents');
  // Intervals are added to dates (a signup's next billing): kept to ones that give a real date.
  const interval = errors.integerWithin(attrs, 'interval', 'Interval', INTERVAL_RANGE, true);
  const trialInterval = errors.integerWithin(attrs, 'trial_interval', 'Trial interval', INTERVAL_RANGE) ?? null;
  const expirationInterval = errors.integerWithin(attrs, 'expiration_interval', 'Expiration interval', INTERVAL_RANGE) ?? null;
  return {
    price_in_cents: priceInCents ?? 0,
    interval: interval ?? 1,
    interval_unit: errors.oneOf(attrs, 'interval_unit', 'Interval unit', INTERVAL_UNITS, true) ?? 'month',
    trial_price_in_cents: errors.integer(attrs, 'trial_price_in_cents', 'Trial price in cents') ?? null,
    trial_interval: trialInterval,
    trial_interval_unit: errors.oneOf(attrs, 'trial_interval_unit', 'Trial interval unit', INTERVAL_UNITS) ?? null,
    trial_type: errors.string(attrs, 'trial_type', 'Trial type') ?? 'payment_expected',
    initial_charge_in_cents: errors.integer(attrs, 'initial_charge_in_cents', 'Initial charge in cents') ?? null,
    initial_charge_after_trial: errors.boolean(attrs, 'initial_charge_after_trial', 'Initial charge after trial') ?? false,
    expiration_interval: expirationInterval,
    expiration_interval_unit: errors.oneOf(attrs, 'expiration_interval_unit', 'Expiration interval unit', EXPIRATION_UNITS) ?? null,
  };
}
