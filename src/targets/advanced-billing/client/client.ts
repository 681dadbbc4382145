// The AdvancedBillingApi interface over Maxio Advanced Billing's REST API: one method per site operation, with the
// spec's paths, root keys and list shapes, and a natural lookup for every create that can be retried.
import { Decimal, minorUnitDigits } from '../../../pricing/money.js';
import { parseAmount, exactJsonNumber } from './amounts.js';
import { ApiError } from './api-error.js';
import { CustomFields } from './custom-fields.js';
import type { ResourceType } from './custom-fields.js';
import { id, ResourceCalls } from './resource-calls.js';
import type { NaturalLookup } from './resource-calls.js';
import type { ClientOptions, SiteAccess } from './transport.js';
import type { ComponentKind, CreateIntent, JsonObject, SiteDetails, AdvancedBillingApi } from '../api.js';

/** A lookup by a key the site keeps unique (reference, handle, code), when the attributes carry one. */
const byUniqueKey = (key: string | undefined, find: (key: string) => Promise<JsonObject | undefined>): NaturalLookup | undefined =>
  key === undefined ? undefined : { lookup: () => find(key), uniqueOnSite: true };

/** A site as the client reaches it, with the time zone the configuration gives it (the API reports none). */
export interface ClientSite extends SiteAccess {
  /** IANA name; billing dates are meant as calendar days there (default UTC). */
  timeZone?: string;
}

export class ChargifyClient extends ResourceCalls implements AdvancedBillingApi {
  private readonly timeZone: string;
  private readonly customFields = new CustomFields(this);

  constructor(site: ClientSite, options: ClientOptions = {}) {
    super(site, options);
    this.timeZone = site.timeZone ?? 'UTC';
  }

  async readSite(): Promise<SiteDetails> {
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
    // PUT without a body (the spec's Promote Price Point to Default): promoting twice leaves the same default,
    // so after a 409 on a retry (the earlier attempt was applied) the price point is simply read back.
    return this.object('PUT', `/components/${id(componentId)}/price_points/${id(pricePointId)}/default.json`, 'component', {
      onDuplicate: () => this.optional(`/components/${id(componentId)}/price_points/${id(pricePointId)}.json`, 'price_point'),
    });
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
    // A preview changes nothing, so a 409 on a retry only says the lost attempt went through: ask again
    // under a fresh token, within the same operation's budget. A 409 to a first attempt — a token no one
    // sent before — is the site refusing previews (it may keep that up for an hour): an error, no ask.
    const refused = new ApiError({
      kind: 'conflict',
      status: 409,
      messages: ['the site answered 409 (already received) to a renewal preview under a fresh uniqueness token; it was not asked again'],
      method: 'POST',
      path,
    });
    const ask = (): Promise<JsonObject> =>
      this.object('POST', path, 'renewal_preview', { body: {}, onDuplicate: (retried) => (retried ? ask() : Promise.reject(refused)) });
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

  listMetafieldNames(resourceType: ResourceType): Promise<string[]> {
    return this.customFields.listMetafieldNames(resourceType);
  }

  ensureMetafields(resourceType: ResourceType, names: string[]): Promise<void> {
    return this.customFields.ensureMetafields(resourceType, names);
  }

  setMetadata(resourceType: ResourceType, resourceId: number, values: Record<string, string>, current?: Record<string, string>): Promise<void> {
    return this.customFields.setMetadata(resourceType, resourceId, values, current);
  }

  listMetadata(resourceType: ResourceType, resourceId: number): Promise<Record<string, string>> {
    return this.customFields.listMetadata(resourceType, resourceId);
  }
}

function stringField(attrs: JsonObject, key: string): string | undefined {
  const value = attrs[key];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

async function findIn(items: AsyncIterable<JsonObject>, matches: (item: JsonObject) => boolean): Promise<JsonObject | undefined> {
  for await (const item of items) if (matches(item)) return item;
  return undefined;
}
