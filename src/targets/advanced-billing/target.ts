// The Advanced Billing adapter: the neutral Target over the vendor client. Every read is reduced to
// neutral records and facts here (see neutral/), so no command above it reads the API's JSON.
import type { CatalogItemKind, CatalogItemRecord, CustomerRecord, SiteFields, SiteValue, SubscriptionRecord } from '../records.js';
import type { CustomFieldResource, SiteInfo, Target, TargetSupport, UpdatableField, UpdatableResource } from '../target.js';
import type { RenewalFacts, SiteCatalog, SubscriptionLocator } from '../facts.js';
import type { ObjectRef, Operation, StepOutcome } from '../../plan/operation.js';
import type { Resolver, SiteObject } from '../target.js';
import type { AdvancedBillingApi, JsonObject } from './api.js';
import { applyCreate, handlerFor } from './operations/index.js';
import { ADVANCED_BILLING_PROFILE } from './profile.js';
import { idOfObject, lookupObject } from './operations/lookup.js';
import { catalogFacts } from './neutral/catalog-facts.js';
import { catalogItemRecord, customerRecord, invoiceRecord, subscriptionRecord } from './neutral/records.js';
import { renewalFacts } from './neutral/renewal-facts.js';
import { siteFieldsOf, subscriptionCustomerId, updatableFields, updateAttributes } from './neutral/updatable-fields.js';

const SUPPORTS: TargetSupport = { renewalPreview: true, uniquenessTokens: true, purge: true, clearSite: true, customFields: true };

export class AdvancedBillingTarget implements Target {
  readonly name = 'advanced-billing';
  readonly supports = SUPPORTS;
  readonly profile = ADVANCED_BILLING_PROFILE;

  constructor(
    /** The vendor API surface: the adapter's own (its handlers call it; tests read the site's JSON through it). */
    readonly api: AdvancedBillingApi,
    /** The configured time zone: billing dates are sent as noon that day there. */
    private readonly timeZone = 'UTC',
  ) {}

  get baseUrl(): string {
    return this.api.baseUrl;
  }

  async readSite(): Promise<SiteInfo> {
    const { id, subdomain, ...rest } = await this.api.readSite();
    // A site is known by its subdomain, and told apart from another at the same address by its site id.
    return { ...rest, id: String(id), name: subdomain, nameKind: 'subdomain' };
  }

  close(): Promise<void> {
    return this.api.close();
  }

  uniquenessToken(naturalKey: string, content: Readonly<Record<string, unknown>>): string {
    return this.api.uniquenessToken(naturalKey, content as JsonObject);
  }

  create(operation: Operation, resolver: Resolver, token?: string): Promise<StepOutcome> {
    return applyCreate(this.api, operation, resolver, token);
  }

  find(operation: Operation, resolver: Resolver): Promise<StepOutcome | undefined> {
    return handlerFor(operation).find(this.api, operation, resolver);
  }

  async finish(operation: Operation, resolver: Resolver, outcome: StepOutcome): Promise<void> {
    await handlerFor(operation).finish?.(this.api, operation, resolver, outcome);
  }

  lookup(ref: ObjectRef, knownId?: string): Promise<SiteObject | undefined> {
    return lookupObject(this.api, ref, knownId);
  }

  idOf(ref: ObjectRef, object: SiteObject | undefined): string | undefined {
    return idOfObject(ref, object as JsonObject | undefined);
  }

  renewalFacts(subscription: SubscriptionLocator, siteCurrency: string): Promise<RenewalFacts | undefined> {
    return renewalFacts(this.api, subscription, siteCurrency);
  }

  catalogFacts(currency: string): Promise<SiteCatalog> {
    return catalogFacts(this.api, currency);
  }

  async readInvoice(uid: string) {
    const invoice = await this.api.readInvoice(uid);
    return invoice === undefined ? undefined : invoiceRecord(uid, invoice);
  }

  voidInvoice(uid: string, reason: string): Promise<void> {
    return this.api.voidInvoice(uid, reason);
  }

  // The neutral side names objects by text; the API by number.
  async readSubscription(id: string): Promise<SubscriptionRecord | undefined> {
    const subscription = await this.api.readSubscription(Number(id));
    return subscription === undefined ? undefined : subscriptionRecord(subscription);
  }

  removeSubscription(id: string, cascade: Array<'customer' | 'payment_profile'>): Promise<void> {
    return this.api.purgeSubscription(Number(id), cascade);
  }

  cancelSubscription(id: string): Promise<void> {
    return this.api.cancelSubscription(Number(id));
  }

  async readCustomer(id: string): Promise<CustomerRecord | undefined> {
    const customer = await this.api.readCustomer(Number(id));
    return customer === undefined ? undefined : customerRecord(customer);
  }

  async findCustomer(reference: string): Promise<CustomerRecord | undefined> {
    const customer = await this.api.findCustomerByReference(reference);
    return customer === undefined ? undefined : customerRecord(customer);
  }

  async *listCustomers(): AsyncIterable<CustomerRecord> {
    for await (const customer of this.api.listCustomers()) yield customerRecord(customer);
  }

  async customerSubscriptionIds(customerId: string): Promise<string[]> {
    return (await this.api.listCustomerSubscriptions(Number(customerId))).map((subscription) => String(subscription.id));
  }

  deleteCustomer(id: string): Promise<void> {
    return this.api.deleteCustomer(Number(id));
  }

  async findCatalogItem(kind: CatalogItemKind, key: string): Promise<CatalogItemRecord | undefined> {
    const found = kind === 'coupon' ? await this.api.findCouponByCode(key) : kind === 'component' ? await this.api.findComponentByHandle(key) : await this.api.findProductByHandle(key);
    return found === undefined ? undefined : catalogItemRecord(kind, found);
  }

  async archiveCatalogItem(item: CatalogItemRecord): Promise<void> {
    if (item.kind === 'coupon') await this.api.archiveCoupon(Number(item.familyId), Number(item.id));
    else if (item.kind === 'component') await this.api.archiveComponent(Number(item.familyId), Number(item.id));
    else await this.api.archiveProduct(Number(item.id));
  }

  clearSite(scope: 'all' | 'customers'): Promise<void> {
    return this.api.clearSite(scope);
  }

  updatableFields(resource: UpdatableResource): readonly UpdatableField[] {
    return updatableFields(resource);
  }

  async readCustomerFields(id: string): Promise<SiteFields | undefined> {
    const customer = await this.api.readCustomer(Number(id));
    return customer === undefined ? undefined : siteFieldsOf('customer', customer);
  }

  async readSubscriptionFields(id: string): Promise<{ customerId: string; fields: SiteFields } | undefined> {
    const subscription = await this.api.readSubscription(Number(id));
    return subscription === undefined ? undefined : { customerId: String(subscriptionCustomerId(subscription)), fields: siteFieldsOf('subscription', subscription) };
  }

  async updateFields(resource: UpdatableResource, id: string, values: Record<string, SiteValue>): Promise<void> {
    const attrs = updateAttributes(values, this.timeZone);
    if (resource === 'customer') await this.api.updateCustomer(Number(id), attrs);
    else await this.api.updateSubscription(Number(id), attrs);
  }

  /** The site calls custom fields metafields: resync reports their changes as such. */
  customFieldLabel(name: string): string {
    return `metafield:${name}`;
  }

  customFieldNames(resource: CustomFieldResource): Promise<string[]> {
    return this.api.listMetafieldNames(resource);
  }

  ensureCustomFields(resource: CustomFieldResource, names: string[]): Promise<void> {
    return this.api.ensureMetafields(resource, names);
  }

  setCustomFields(resource: CustomFieldResource, id: string, values: Record<string, string>): Promise<void> {
    return this.api.setMetadata(resource, Number(id), values);
  }

  customFieldValues(resource: CustomFieldResource, id: string): Promise<Record<string, string>> {
    return this.api.listMetadata(resource, Number(id));
  }
}

/** The vendor API under a target created for an Advanced Billing site (benches and tests read the site's own JSON with it). */
export function advancedBillingApi(target: Target): AdvancedBillingApi {
  if (!(target instanceof AdvancedBillingTarget)) throw new TypeError(`${target.name} is not an Advanced Billing target`);
  return target.api;
}
