// The AdvancedBillingApi interface over Maxio Advanced Billing's REST API: one method per site operation, with the
// spec's paths, root keys and list shapes, and a natural lookup for every create that can be retried.
import { randomUUID } from 'node:crypto';
import { Decimal, minorUnitDigits } from '../../../pricing/money.js';
import { parseAmount, exactJsonNumber } from './amounts.js';
import { ApiError } from './api-error.js';
import { ApiTransport } from './transport.js';
import type { ClientOptions, Query, SiteAccess } from './transport.js';
import { deriveUniquenessToken } from './uniqueness-token.js';
import type { ComponentKind, CreateIntent, Json, JsonObject, SiteInfo, AdvancedBillingApi } from '../api.js';

type Lookup = () => Promise<JsonObject | undefined>;
/** How to find what an earlier attempt created; uniqueOnSite when the site refuses a second object with that key. */
interface NaturalLookup {
  lookup: Lookup;
  uniqueOnSite: boolean;
}
type ResourceType = 'customers' | 'subscriptions';

const id = (value: number | string): string => encodeURIComponent(String(value));

/** A lookup by a key the site keeps unique (reference, handle, code), when the attributes carry one. */
const byUniqueKey = (key: string | undefined, find: (key: string) => Promise<JsonObject | undefined>): NaturalLookup | undefined =>
  key === undefined ? undefined : { lookup: () => find(key), uniqueOnSite: true };

/** A site as the client reaches it, with the time zone the configuration gives it (the API reports none). */
export interface ClientSite extends SiteAccess {
  /** IANA name; billing dates are meant as calendar days there (default UTC). */
  timeZone?: string;
}

export class ChargifyClient extends ApiTransport implements AdvancedBillingApi {
  private readonly timeZone: string;

  constructor(site: ClientSite, options: ClientOptions = {}) {
    super(site, options);
    this.timeZone = site.timeZone ?? 'UTC';
  }

  async readSite(): Promise<SiteInfo> {
    const site = await this.object('GET', '/site.json', 'site');
    return {
      id: Number(site.id),
      subdomain: String(site.subdomain ?? ''),
      currency: String(site.currency ?? ''),
      // A site that does not say it is a test site is treated as live: destructive calls stay refused.
      mode: site.test === true ? 'test' : 'live',
      timeZone: this.timeZone,
      ...(typeof site.sandbox_instance_id === 'string' && site.sandbox_instance_id !== '' ? { sandboxInstance: site.sandbox_instance_id } : {}),
    };
  }

  async clearSite(scope: 'all' | 'customers'): Promise<void> {
    await this.request('POST', '/sites/clear_data.json', { query: { cleanup_scope: scope } });
  }

  // Catalog: product families, products and their price points.

  createProductFamily(attrs: JsonObject, intent: CreateIntent): Promise<JsonObject> {
    const handle = stringField(attrs, 'handle');
    return this.create('/product_families.json', 'product_family', 'product_family', attrs, intent,
      byUniqueKey(handle, (key) => this.findProductFamilyByHandle(key)));
  }

  async *listProductFamilies(): AsyncIterable<JsonObject> {
    // The spec gives this list no page parameters: one answer holds every family.
    yield* await this.list('/product_families.json', 'product_family');
  }

  async findProductFamilyByHandle(handle: string): Promise<JsonObject | undefined> {
    for await (const family of this.listProductFamilies()) if (family.handle === handle) return family;
    return undefined;
  }

  createProduct(productFamilyId: number, attrs: JsonObject, intent: CreateIntent): Promise<JsonObject> {
    const handle = stringField(attrs, 'handle');
    return this.create(`/product_families/${id(productFamilyId)}/products.json`, 'product', 'product', attrs, intent,
      byUniqueKey(handle, (key) => this.findProductByHandle(key)));
  }

  findProductByHandle(handle: string): Promise<JsonObject | undefined> {
    return this.optional(`/products/handle/${id(handle)}.json`, 'product');
  }

  listProducts(): AsyncIterable<JsonObject> {
    return this.paginate('/products.json', 'product');
  }

  async archiveProduct(productId: number): Promise<void> {
    await this.request('DELETE', `/products/${id(productId)}.json`);
  }

  createProductPricePoint(productId: number, attrs: JsonObject, intent: CreateIntent): Promise<JsonObject> {
    const handle = stringField(attrs, 'handle');
    return this.create(`/products/${id(productId)}/price_points.json`, 'price_point', 'price_point', attrs, intent,
      byUniqueKey(handle, (key) => findIn(this.listProductPricePoints(productId), (point) => point.handle === key)));
  }

  listProductPricePoints(productId: number): AsyncIterable<JsonObject> {
    return this.paginate(`/products/${id(productId)}/price_points.json`, 'price_points');
  }

  promoteProductPricePoint(productId: number, pricePointId: number): Promise<JsonObject> {
    // PATCH without a body: promoting twice leaves the same default, so a retry is harmless.
    return this.object('PATCH', `/products/${id(productId)}/price_points/${id(pricePointId)}/default.json`, 'product');
  }

  async archiveProductPricePoint(productId: number, pricePointId: number): Promise<void> {
    await this.request('DELETE', `/products/${id(productId)}/price_points/${id(pricePointId)}.json`);
  }

  // Catalog: components, their price points and event-based segments.

  createComponent(productFamilyId: number, kind: ComponentKind, attrs: JsonObject, intent: CreateIntent): Promise<JsonObject> {
    const handle = stringField(attrs, 'handle');
    return this.create(`/product_families/${id(productFamilyId)}/${kind}_components.json`, `${kind}_component`, 'component', attrs, intent,
      byUniqueKey(handle, (key) => this.findComponentByHandle(key)));
  }

  findComponentByHandle(handle: string): Promise<JsonObject | undefined> {
    return this.optional('/components/lookup.json', 'component', { handle });
  }

  listComponents(): AsyncIterable<JsonObject> {
    return this.paginate('/components.json', 'component');
  }

  async archiveComponent(productFamilyId: number, componentId: number): Promise<void> {
    await this.request('DELETE', `/product_families/${id(productFamilyId)}/components/${id(componentId)}.json`);
  }

  createComponentPricePoint(componentId: number, attrs: JsonObject, intent: CreateIntent): Promise<JsonObject> {
    const handle = stringField(attrs, 'handle');
    return this.create(`/components/${id(componentId)}/price_points.json`, 'price_point', 'price_point', attrs, intent,
      byUniqueKey(handle, (key) => findIn(this.listComponentPricePoints(componentId), (point) => point.handle === key)));
  }

  listComponentPricePoints(componentId: number): AsyncIterable<JsonObject> {
    return this.paginate(`/components/${id(componentId)}/price_points.json`, 'price_points');
  }

  promoteComponentPricePoint(componentId: number, pricePointId: number): Promise<JsonObject> {
    // PUT without a body (the spec's Promote Price Point to Default): promoting twice leaves the same default.
    return this.object('PUT', `/components/${id(componentId)}/price_points/${id(pricePointId)}/default.json`, 'component');
  }

  async archiveComponentPricePoint(componentId: number, pricePointId: number): Promise<void> {
    await this.request('DELETE', `/components/${id(componentId)}/price_points/${id(pricePointId)}.json`);
  }

  createSegment(componentId: number, pricePointId: number, attrs: JsonObject, intent: CreateIntent): Promise<JsonObject> {
    const properties = [1, 2, 3, 4].map((n) => `segment_property_${n}_value`);
    const sameSegment = (segment: JsonObject): boolean =>
      properties.every((key) => String(segment[key] ?? '') === String(attrs[key] ?? ''));
    return this.create(`/components/${id(componentId)}/price_points/${id(pricePointId)}/segments.json`, 'segment', 'segment', attrs, intent,
      { lookup: () => findIn(this.listSegments(componentId, pricePointId), sameSegment), uniqueOnSite: true });
  }

  listSegments(componentId: number, pricePointId: number): AsyncIterable<JsonObject> {
    return this.paginate(`/components/${id(componentId)}/price_points/${id(pricePointId)}/segments.json`, 'segments');
  }

  // Catalog: coupons.

  createCoupon(productFamilyId: number, attrs: JsonObject, intent: CreateIntent): Promise<JsonObject> {
    const code = stringField(attrs, 'code');
    return this.create(`/product_families/${id(productFamilyId)}/coupons.json`, 'coupon', 'coupon', attrs, intent,
      byUniqueKey(code, (key) => this.findCouponByCode(key)));
  }

  findCouponByCode(code: string): Promise<JsonObject | undefined> {
    return this.optional('/coupons/find.json', 'coupon', { code });
  }

  listCoupons(): AsyncIterable<JsonObject> {
    return this.paginate('/coupons.json', 'coupon');
  }

  async archiveCoupon(productFamilyId: number, couponId: number): Promise<void> {
    await this.request('DELETE', `/product_families/${id(productFamilyId)}/coupons/${id(couponId)}.json`);
  }

  // Customers and payment profiles.

  createCustomer(attrs: JsonObject, intent: CreateIntent): Promise<JsonObject> {
    const reference = stringField(attrs, 'reference');
    return this.create('/customers.json', 'customer', 'customer', attrs, intent,
      byUniqueKey(reference, (key) => this.findCustomerByReference(key)));
  }

  readCustomer(customerId: number): Promise<JsonObject | undefined> {
    return this.optional(`/customers/${id(customerId)}.json`, 'customer');
  }

  findCustomerByReference(reference: string): Promise<JsonObject | undefined> {
    return this.optional('/customers/lookup.json', 'customer', { reference });
  }

  updateCustomer(customerId: number, attrs: JsonObject): Promise<JsonObject> {
    return this.update(`/customers/${id(customerId)}.json`, 'customer', attrs, () => this.readCustomer(customerId));
  }

  async deleteCustomer(customerId: number): Promise<void> {
    // A 404 means an earlier, unanswered attempt already deleted it.
    await this.request('DELETE', `/customers/${id(customerId)}.json`, { allowNotFound: true });
  }

  listCustomers(): AsyncIterable<JsonObject> {
    return this.paginate('/customers.json', 'customer');
  }

  listCustomerSubscriptions(customerId: number): Promise<JsonObject[]> {
    return this.list(`/customers/${id(customerId)}/subscriptions.json`, 'subscription');
  }

  createPaymentProfile(attrs: JsonObject, intent: CreateIntent): Promise<JsonObject> {
    return this.create('/payment_profiles.json', 'payment_profile', 'payment_profile', attrs, intent);
  }

  async listPaymentProfiles(customerId: number): Promise<JsonObject[]> {
    const profiles: JsonObject[] = [];
    for await (const profile of this.paginate('/payment_profiles.json', 'payment_profile', { customer_id: customerId })) profiles.push(profile);
    return profiles;
  }

  readPaymentProfile(profileId: number): Promise<JsonObject | undefined> {
    return this.optional(`/payment_profiles/${id(profileId)}.json`, 'payment_profile');
  }

  updatePaymentProfile(profileId: number, attrs: JsonObject): Promise<JsonObject> {
    return this.update(`/payment_profiles/${id(profileId)}.json`, 'payment_profile', attrs, () => this.readPaymentProfile(profileId));
  }

  // Subscriptions.

  createSubscription(attrs: JsonObject, intent: CreateIntent): Promise<JsonObject> {
    const reference = stringField(attrs, 'reference');
    return this.create('/subscriptions.json', 'subscription', 'subscription', attrs, intent,
      byUniqueKey(reference, (key) => this.findSubscriptionByReference(key)));
  }

  readSubscription(subscriptionId: number): Promise<JsonObject | undefined> {
    return this.optional(`/subscriptions/${id(subscriptionId)}.json`, 'subscription');
  }

  findSubscriptionByReference(reference: string): Promise<JsonObject | undefined> {
    return this.optional('/subscriptions/lookup.json', 'subscription', { reference });
  }

  updateSubscription(subscriptionId: number, attrs: JsonObject): Promise<JsonObject> {
    return this.update(`/subscriptions/${id(subscriptionId)}.json`, 'subscription', attrs, () => this.readSubscription(subscriptionId));
  }

  listSubscriptions(): AsyncIterable<JsonObject> {
    return this.paginate('/subscriptions.json', 'subscription');
  }

  listSubscriptionComponents(subscriptionId: number): Promise<JsonObject[]> {
    return this.list(`/subscriptions/${id(subscriptionId)}/components.json`, 'component');
  }

  async purgeSubscription(subscriptionId: number, cascade: Array<'customer' | 'payment_profile'>): Promise<void> {
    const subscription = await this.readSubscription(subscriptionId);
    if (subscription === undefined) return;
    // The API asks for the customer id as an acknowledgement that the right subscription is purged.
    const customer = subscription.customer;
    const customerId = customer !== null && typeof customer === 'object' && !Array.isArray(customer) ? customer.id : subscription.customer_id;
    await this.request('POST', `/subscriptions/${id(subscriptionId)}/purge.json`, {
      query: { ack: customerId === undefined || customerId === null ? undefined : String(customerId), cascade },
    });
  }

  async cancelSubscription(subscriptionId: number): Promise<void> {
    await this.request('DELETE', `/subscriptions/${id(subscriptionId)}.json`);
  }

  previewRenewal(subscriptionId: number): Promise<JsonObject> {
    const path = `/subscriptions/${id(subscriptionId)}/renewals/preview.json`;
    // Previews change nothing: after a 409 on a retry, simply ask again under a fresh token.
    const ask = (): Promise<JsonObject> =>
      this.object('POST', path, 'renewal_preview', { body: {}, onDuplicate: () => ask() });
    return ask();
  }

  issueServiceCredit(subscriptionId: number, amount: string, memo: string, intent: CreateIntent): Promise<JsonObject> {
    return this.create(`/subscriptions/${id(subscriptionId)}/service_credits.json`, 'service_credit', 'service_credit',
      { amount, memo }, intent);
  }

  createPrepayment(subscriptionId: number, amount: string, memo: string, intent: CreateIntent): Promise<JsonObject> {
    // The spec types a prepayment's amount as a JSON number; it is sent only when that is exact.
    const attrs: JsonObject = { amount: exactJsonNumber(amount), details: memo, memo, method: 'other' };
    const expected = parseAmount(amount);
    const lookup = async (): Promise<JsonObject | undefined> => {
      if (expected === undefined) return undefined;
      const cents = expected.times(new Decimal(10).pow(await this.minorUnitDigitsOf(subscriptionId)));
      return (await this.listPrepayments(subscriptionId)).find((prepayment) =>
        prepayment.memo === memo && parseAmount(prepayment.amount_in_cents)?.equals(cents) === true);
    };
    // Memo and amount need not be unique, so this lookup never licenses a fresh create.
    return this.create(`/subscriptions/${id(subscriptionId)}/prepayments.json`, 'prepayment', 'prepayment', attrs, intent,
      { lookup, uniqueOnSite: false });
  }

  async listPrepayments(subscriptionId: number): Promise<JsonObject[]> {
    const prepayments: JsonObject[] = [];
    for await (const prepayment of this.paginate(`/subscriptions/${id(subscriptionId)}/prepayments.json`, 'prepayments')) prepayments.push(prepayment);
    return prepayments;
  }

  /** Digits of the subscription currency's minor unit, in which `*_in_cents` amounts count (2 when unknown). */
  private async minorUnitDigitsOf(subscriptionId: number): Promise<number> {
    const currency = (await this.readSubscription(subscriptionId))?.currency;
    try {
      return typeof currency === 'string' ? minorUnitDigits(currency) : 2;
    } catch {
      return 2;
    }
  }

  // Invoices.

  createInvoice(subscriptionId: number, attrs: JsonObject, intent: CreateIntent): Promise<JsonObject> {
    return this.create(`/subscriptions/${id(subscriptionId)}/invoices.json`, 'invoice', 'invoice', attrs, intent);
  }

  readInvoice(uid: string): Promise<JsonObject | undefined> {
    return this.optional(`/invoices/${id(uid)}.json`, 'invoice');
  }

  listInvoices(): AsyncIterable<JsonObject> {
    return this.paginate('/invoices.json', 'invoices');
  }

  async voidInvoice(uid: string, reason: string): Promise<void> {
    await this.request('POST', `/invoices/${id(uid)}/void.json`, { body: { void: { reason } } });
  }

  // Custom fields.

  async listMetafieldNames(resourceType: ResourceType): Promise<string[]> {
    const names: string[] = [];
    for await (const field of this.paginate(`/${resourceType}/metafields.json`, 'metafields')) names.push(String(field.name));
    return names;
  }

  /** The last ensureMetafields per resource type: each waits for the one before it (see below). */
  private metafieldsQueue = new Map<ResourceType, Promise<void>>();

  /**
   * Check-then-create is a race when rows import in parallel: two rows with the same new custom field
   * would both see it missing and the second create is refused ("Name: must be unique"). Calls are
   * therefore queued per resource type, so each sees what the one before it defined.
   */
  ensureMetafields(resourceType: ResourceType, names: string[]): Promise<void> {
    const previous = this.metafieldsQueue.get(resourceType) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(() => this.defineMissingMetafields(resourceType, names));
    this.metafieldsQueue.set(resourceType, next);
    return next;
  }

  private async defineMissingMetafields(resourceType: ResourceType, names: string[]): Promise<void> {
    const existing = new Set(await this.listMetafieldNames(resourceType));
    const missing = [...new Set(names)].filter((name) => !existing.has(name));
    if (missing.length === 0) return;
    await this.request('POST', `/${resourceType}/metafields.json`, {
      body: { metafields: missing.map((name) => ({ name, input_type: 'text' })) },
    });
  }

  async setMetadata(resourceType: ResourceType, resourceId: number, values: Record<string, string>): Promise<void> {
    const path = `/${resourceType}/${id(resourceId)}/metadata.json`;
    const current = await this.listMetadata(resourceType, resourceId);
    const added = Object.entries(values).filter(([name]) => !(name in current));
    const changed = Object.entries(values).filter(([name, value]) => name in current && current[name] !== value);
    if (added.length > 0) {
      await this.request('POST', path, { body: { metadata: added.map(([name, value]) => ({ name, value })) } });
    }
    for (const [name, value] of changed) {
      await this.request('PUT', path, { body: { metadata: { name, value } } });
    }
  }

  async listMetadata(resourceType: ResourceType, resourceId: number): Promise<Record<string, string>> {
    const values: Record<string, string> = {};
    for await (const entry of this.paginate(`/${resourceType}/${id(resourceId)}/metadata.json`, 'metadata')) {
      if (typeof entry.name === 'string' && entry.deleted_at == null) values[entry.name] = entry.value == null ? '' : String(entry.value);
    }
    return values;
  }

  uniquenessToken(naturalKey: string, content: Json): string {
    return deriveUniquenessToken(this.siteIdentity, naturalKey, content);
  }

  // Shared shapes of calls.

  /**
   * POST a create under a token derived from the site, the row's natural key and the payload. When the
   * site saw that very create within the hour yet holds no such object (erased since, then imported
   * again), and the object's key is unique on the site, it is created afresh under a new token: the
   * site itself refuses a second object with that key, so this cannot duplicate.
   */
  private async create(path: string, rootKey: string, answerKey: string, attrs: JsonObject, intent: CreateIntent, natural?: NaturalLookup): Promise<JsonObject> {
    const body = { [rootKey]: attrs };
    const onDuplicate = intent.lookup ?? natural?.lookup;
    const send = (token: string) => this.object('POST', path, answerKey, { body, uniquenessToken: token, onDuplicate });
    try {
      return await send(intent.token ?? this.uniquenessToken(intent.naturalKey, body));
    } catch (error) {
      if (!(error instanceof ApiError && error.kind === 'conflict' && natural?.uniqueOnSite === true)) throw error;
      this.emit(`POST ${path}: ${intent.naturalKey} was created and removed within the hour; creating it again`);
      return send(deriveUniquenessToken(this.siteIdentity, `${intent.naturalKey}#${randomUUID()}`, body));
    }
  }

  /** PUT; after a 409 on a retry the earlier attempt was applied, so the object is read back. */
  private update(path: string, rootKey: string, attrs: JsonObject, read: Lookup): Promise<JsonObject> {
    return this.object('PUT', path, rootKey, { body: { [rootKey]: attrs }, onDuplicate: read });
  }

  /** GET that answers undefined on 404. */
  private async optional(path: string, rootKey: string, query?: Query): Promise<JsonObject | undefined> {
    const answer = await this.request<Json>('GET', path, { rootKey, query, allowNotFound: true });
    return answer === undefined ? undefined : asObject(answer, 'GET', path);
  }

  /** A call whose answer must be one object. */
  private async object(method: 'GET' | 'POST' | 'PUT' | 'PATCH', path: string, rootKey: string, options: Parameters<ApiTransport['request']>[2] = {}): Promise<JsonObject> {
    const answer = await this.request<Json>(method, path, { ...options, rootKey });
    return asObject(answer, method, path);
  }
}

function asObject(answer: Json | undefined, method: string, path: string): JsonObject {
  if (answer !== undefined && answer !== null && typeof answer === 'object' && !Array.isArray(answer)) return answer;
  throw new ApiError({ kind: 'protocol', messages: ['expected a JSON object in the answer'], method, path, detail: 'answered without the expected object' });
}

function stringField(attrs: JsonObject, key: string): string | undefined {
  const value = attrs[key];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

async function findIn(items: AsyncIterable<JsonObject>, matches: (item: JsonObject) => boolean): Promise<JsonObject | undefined> {
  for await (const item of items) if (matches(item)) return item;
  return undefined;
}
