// The Advanced Billing API surface: one method per endpoint the toolkit uses. Payloads and results are
// the API's own JSON objects (snake_case, without the root key, which the client adds and removes);
// amounts stay decimal strings on the wire. Only the adapter (src/targets/advanced-billing/) uses it;
// everything else goes through the neutral Target (../target.ts).
/** What GET /site.json says, read by the client; the adapter hands the neutral SiteInfo over from it. */
export interface SiteDetails {
  id: number;
  subdomain: string;
  currency: string;
  /** 'test' sites allow purge and clear-data; 'live' sites refuse them. */
  mode: 'test' | 'live';
  /** The configured time zone (config `timeZone`): the API does not report the site's own. */
  timeZone?: string;
  /** Only a `migrate sandbox` reports it: which sandbox this is, whatever its port. */
  sandboxInstance?: string;
}

export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

/** Lets a create be retried safely: the client derives the uniqueness_token from it and the site. */
export interface CreateIntent {
  /** Template kind + natural key of the row, e.g. "customers-advanced:cust-0042". */
  naturalKey: string;
  /** Resolves the object that an earlier, unanswered attempt may have created (on 409 or when resuming). */
  lookup?: () => Promise<JsonObject | undefined>;
  /** The uniqueness_token to send, when the caller derived it first (the importer journals it before the create). */
  token?: string;
}

export type ComponentKind = 'metered' | 'quantity_based' | 'on_off' | 'prepaid_usage' | 'event_based';

export interface AdvancedBillingApi {
  /** Base URL of the site (no credentials), used to build links in result files. */
  readonly baseUrl: string;
  /** The uniqueness_token for a create of this natural key and content: deterministic per site, so a retry, even from a new process, gets 409. */
  uniquenessToken(naturalKey: string, content: Json): string;
  readSite(): Promise<SiteDetails>;
  clearSite(scope: 'all' | 'customers'): Promise<void>;

  createProductFamily(attrs: JsonObject, intent: CreateIntent): Promise<JsonObject>;
  listProductFamilies(): AsyncIterable<JsonObject>;
  findProductFamilyByHandle(handle: string): Promise<JsonObject | undefined>;

  createProduct(productFamilyId: number, attrs: JsonObject, intent: CreateIntent): Promise<JsonObject>;
  findProductByHandle(handle: string): Promise<JsonObject | undefined>;
  listProducts(): AsyncIterable<JsonObject>;
  archiveProduct(productId: number): Promise<void>;
  createProductPricePoint(productId: number, attrs: JsonObject, intent: CreateIntent): Promise<JsonObject>;
  listProductPricePoints(productId: number): AsyncIterable<JsonObject>;
  /** Makes the price point the product's default (what a subscription naming no price point gets); answers the product. */
  promoteProductPricePoint(productId: number, pricePointId: number): Promise<JsonObject>;
  archiveProductPricePoint(productId: number, pricePointId: number): Promise<void>;

  createComponent(productFamilyId: number, kind: ComponentKind, attrs: JsonObject, intent: CreateIntent): Promise<JsonObject>;
  findComponentByHandle(handle: string): Promise<JsonObject | undefined>;
  listComponents(): AsyncIterable<JsonObject>;
  archiveComponent(productFamilyId: number, componentId: number): Promise<void>;
  createComponentPricePoint(componentId: number, attrs: JsonObject, intent: CreateIntent): Promise<JsonObject>;
  listComponentPricePoints(componentId: number): AsyncIterable<JsonObject>;
  /** Makes the price point the component's default (what a subscription naming no price point gets); answers the component. */
  promoteComponentPricePoint(componentId: number, pricePointId: number): Promise<JsonObject>;
  archiveComponentPricePoint(componentId: number, pricePointId: number): Promise<void>;
  createSegment(componentId: number, pricePointId: number, attrs: JsonObject, intent: CreateIntent): Promise<JsonObject>;
  listSegments(componentId: number, pricePointId: number): AsyncIterable<JsonObject>;

  createCoupon(productFamilyId: number, attrs: JsonObject, intent: CreateIntent): Promise<JsonObject>;
  findCouponByCode(code: string): Promise<JsonObject | undefined>;
  listCoupons(): AsyncIterable<JsonObject>;
  archiveCoupon(productFamilyId: number, couponId: number): Promise<void>;

  createCustomer(attrs: JsonObject, intent: CreateIntent): Promise<JsonObject>;
  readCustomer(customerId: number): Promise<JsonObject | undefined>;
  findCustomerByReference(reference: string): Promise<JsonObject | undefined>;
  updateCustomer(customerId: number, attrs: JsonObject): Promise<JsonObject>;
  deleteCustomer(customerId: number): Promise<void>;
  listCustomers(): AsyncIterable<JsonObject>;
  listCustomerSubscriptions(customerId: number): Promise<JsonObject[]>;

  createPaymentProfile(attrs: JsonObject, intent: CreateIntent): Promise<JsonObject>;
  /** The customer's active payment profiles, by id (vault tokens as the site shows them: possibly masked). */
  listPaymentProfiles(customerId: number): Promise<JsonObject[]>;
  readPaymentProfile(profileId: number): Promise<JsonObject | undefined>;
  /** Update-Payment-Profile: holder name and billing address (what a subscription's bank_account_attributes cannot carry). */
  updatePaymentProfile(profileId: number, attrs: JsonObject): Promise<JsonObject>;

  createSubscription(attrs: JsonObject, intent: CreateIntent): Promise<JsonObject>;
  readSubscription(subscriptionId: number): Promise<JsonObject | undefined>;
  findSubscriptionByReference(reference: string): Promise<JsonObject | undefined>;
  updateSubscription(subscriptionId: number, attrs: JsonObject): Promise<JsonObject>;
  listSubscriptions(): AsyncIterable<JsonObject>;
  listSubscriptionComponents(subscriptionId: number): Promise<JsonObject[]>;
  /** Test sites only: deletes the subscription, and with cascade its customer and payment profile. */
  purgeSubscription(subscriptionId: number, cascade: Array<'customer' | 'payment_profile'>): Promise<void>;
  cancelSubscription(subscriptionId: number): Promise<void>;
  /** The renewal preview (POST /subscriptions/{id}/renewals/preview.json), as the API returns it. */
  previewRenewal(subscriptionId: number): Promise<JsonObject>;
  issueServiceCredit(subscriptionId: number, amount: string, memo: string, intent: CreateIntent): Promise<JsonObject>;
  createPrepayment(subscriptionId: number, amount: string, memo: string, intent: CreateIntent): Promise<JsonObject>;
  /** The subscription's prepayments (amount_in_cents, memo…); the API offers no such list of service credits. */
  listPrepayments(subscriptionId: number): Promise<JsonObject[]>;

  createInvoice(subscriptionId: number, attrs: JsonObject, intent: CreateIntent): Promise<JsonObject>;
  readInvoice(uid: string): Promise<JsonObject | undefined>;
  listInvoices(): AsyncIterable<JsonObject>;
  voidInvoice(uid: string, reason: string): Promise<void>;

  /** Custom fields: metafield definitions per resource type, values per resource. */
  /** The names of the custom fields defined on the site for customers or subscriptions. */
  listMetafieldNames(resourceType: 'customers' | 'subscriptions'): Promise<string[]>;
  ensureMetafields(resourceType: 'customers' | 'subscriptions', names: string[]): Promise<void>;
  /** `current`: the values the object holds when the caller knows them (none, on an object it just created): no read. */
  setMetadata(resourceType: 'customers' | 'subscriptions', resourceId: number, values: Record<string, string>, current?: Record<string, string>): Promise<void>;
  listMetadata(resourceType: 'customers' | 'subscriptions', resourceId: number): Promise<Record<string, string>>;

  /** Releases connections. */
  close(): Promise<void>;
}

