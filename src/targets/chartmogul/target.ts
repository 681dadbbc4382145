// The ChartMogul adapter: the neutral Target over ChartMogul's API, into one data source of one
// account. ChartMogul analyses billing rather than bills: it takes customers, plans and invoices, and
// derives subscriptions and MRR from the invoices once the data source has processed them.
import { TargetError } from '../../errors.js';
import { decimalFromMinorUnits } from '../minor-units.js';
import type { ObjectRef, Operation, StepOutcome } from '../../plan/operation.js';
import type { CatalogItemKind, CatalogItemRecord, CustomerRecord, ImportedObject, InvoiceRecord, SiteContents, SiteFields, SiteValue, SubscriptionRecord } from '../records.js';
import type { RenewalFacts, SiteCatalog } from '../facts.js';
import type { BillingHistory, CustomFieldResource, MergedCustomer, Resolver, SiteInfo, SiteObject, Target, TargetSupport, UpdatableField, UpdatableResource } from '../target.js';
import type { ChartMogulApi, DataSource, JsonObject } from './api.js';
import { handlerFor } from './operations/index.js';
import { idOfObject, lookupObject } from './operations/lookup.js';
import type { ChartMogulContext } from './operations/context.js';
import { CHARTMOGUL_PROFILE } from './profile.js';
import { ChartMogulRevenue } from './revenue.js';
import { ChartMogulEraser } from './erase.js';
import { dataSourceContents } from './site-contents.js';
import { chartMogulBillingHistory } from './billing-history.js';
import { chartMogulMergedCustomer, chartMogulUpdatableFields, readCustomerFields, readSubscriptionFields, updateFields } from './resync.js';

/**
 * No renewal previews (ChartMogul reports MRR, compared by `recurringRevenue`), no uniqueness tokens
 * (a create is reconciled by its external id); purge (a customer's deletion takes its subscriptions)
 * and clear-site (deleting the data source); custom attributes on customers.
 */
const SUPPORTS: TargetSupport = { renewalPreview: false, uniquenessTokens: false, purge: true, clearSite: true, customFields: true };

export interface ChartMogulSite {
  /** The data source every object goes into, by name: found when present, created when absent. */
  dataSource: string;
  /** ChartMogul has no test mode: the configuration says what the account is for (default test). */
  mode?: 'test' | 'live';
  /** The configured time zone, else the account's. */
  timeZone?: string;
}

export class ChartMogulTarget implements Target {
  readonly name = 'chartmogul';
  readonly supports = SUPPORTS;
  readonly profile = CHARTMOGUL_PROFILE;
  readonly recurringRevenue: ChartMogulRevenue;
  readonly mergedCustomer: MergedCustomer;
  readonly billingHistory: BillingHistory;
  private readonly context: ChartMogulContext;
  private dataSource: Promise<DataSource> | undefined;
  private readonly eraser: ChartMogulEraser;

  constructor(
    readonly api: ChartMogulApi,
    private readonly site: ChartMogulSite,
  ) {
    this.context = { api, dataSourceUuid: async () => (await this.ensureDataSource()).uuid };
    this.recurringRevenue = new ChartMogulRevenue(this.context);
    this.eraser = new ChartMogulEraser({ api, dataSource: () => this.ensureDataSource(), forgetDataSource: () => (this.dataSource = undefined) });
    this.mergedCustomer = chartMogulMergedCustomer(this.context);
    this.billingHistory = chartMogulBillingHistory(this.context);
  }

  get baseUrl(): string {
    return this.api.baseUrl;
  }

  /** The configured data source, found by name or created, once per target. */
  private ensureDataSource(): Promise<DataSource> {
    this.dataSource ??= (async () => (await this.api.findDataSource(this.site.dataSource)) ?? this.api.createDataSource(this.site.dataSource))();
    this.dataSource.catch(() => (this.dataSource = undefined));
    return this.dataSource;
  }

  async readSite(): Promise<SiteInfo> {
    const account = await this.api.readAccount();
    const dataSource = await this.ensureDataSource();
    // An account has no id ChartMogul reports; its data source's uuid tells it apart at the one address.
    const timeZone = this.site.timeZone ?? account.timeZone;
    return {
      id: dataSource.uuid,
      name: dataSource.name,
      nameKind: 'data source',
      idIsUnique: true,
      currency: account.currency,
      mode: this.site.mode ?? 'test',
      ...(timeZone !== undefined ? { timeZone } : {}),
    };
  }

  close(): Promise<void> {
    return this.api.close();
  }

  uniquenessToken(): string {
    throw new TypeError('ChartMogul takes no uniqueness tokens (supports.uniquenessTokens is false)');
  }

  async create(operation: Operation, resolver: Resolver): Promise<StepOutcome> {
    const handler = handlerFor(operation);
    const outcome = await handler.create(this.context, operation, resolver);
    await handler.finish?.(this.context, operation, resolver, outcome);
    return outcome;
  }

  find(operation: Operation, resolver: Resolver): Promise<StepOutcome | undefined> {
    return handlerFor(operation).find(this.context, operation, resolver);
  }

  async finish(operation: Operation, resolver: Resolver, outcome: StepOutcome): Promise<void> {
    await handlerFor(operation).finish?.(this.context, operation, resolver, outcome);
  }

  lookup(ref: ObjectRef, knownId?: string): Promise<SiteObject | undefined> {
    return lookupObject(this.context, ref, knownId);
  }

  idOf(_ref: ObjectRef, object: SiteObject | undefined): string | undefined {
    return idOfObject(object as JsonObject | undefined);
  }

  async renewalFacts(): Promise<RenewalFacts | undefined> {
    return undefined;
  }

  /** ChartMogul's plans carry no prices: compare explains from the catalog templates alone. */
  async catalogFacts(): Promise<SiteCatalog> {
    return { products: [], components: [], coupons: [] };
  }

  async readInvoice(uid: string): Promise<InvoiceRecord | undefined> {
    const invoice = await this.api.readInvoice(uid);
    if (invoice === undefined) return undefined;
    const items = Array.isArray(invoice.line_items) ? (invoice.line_items as JsonObject[]) : [];
    const cents = items.reduce((sum, item) => sum + Number(item.amount_in_cents ?? 0), 0);
    return { uid, voided: false, total: decimalFromMinorUnits(cents, String(invoice.currency)) };
  }

  // Erase (src/targets/chartmogul/erase.ts): within the configured data source only.
  voidInvoice(uid: string): Promise<void> {
    return this.eraser.voidInvoice(uid);
  }
  readSubscription(id: string): Promise<SubscriptionRecord | undefined> {
    return this.eraser.readSubscription(id);
  }
  removeSubscription(id: string, cascade: Array<'customer' | 'payment_profile'>): Promise<void> {
    return this.eraser.removeSubscription(id, cascade);
  }
  /** ChartMogul cancels a subscription from its invoices; erase deletes instead (eraseScopes.live is typed). */
  cancelSubscription(): Promise<void> {
    return notYet('cancel subscriptions');
  }
  readCustomer(id: string): Promise<CustomerRecord | undefined> {
    return this.eraser.readCustomer(id);
  }
  findCustomer(reference: string): Promise<CustomerRecord | undefined> {
    return this.eraser.findCustomer(reference);
  }
  listCustomers(): AsyncIterable<CustomerRecord> {
    return this.eraser.listCustomers();
  }
  /** None to remove one by one: deleting a customer takes its invoices, and so its subscriptions, along. */
  async customerSubscriptionIds(): Promise<string[]> {
    return [];
  }
  deleteCustomer(id: string): Promise<void> {
    return this.eraser.deleteCustomer(id);
  }
  findCatalogItem(kind: CatalogItemKind, key: string): Promise<CatalogItemRecord | undefined> {
    return this.eraser.findCatalogItem(kind, key);
  }
  archiveCatalogItem(item: CatalogItemRecord): Promise<void> {
    return this.eraser.archiveCatalogItem(item);
  }
  clearSite(scope: 'all' | 'customers'): Promise<void> {
    return this.eraser.clearSite(scope);
  }
  async siteContents(imported: readonly ImportedObject[]): Promise<SiteContents> {
    return dataSourceContents(this.api, await this.ensureDataSource(), imported);
  }

  // resync: customers' fields (src/targets/chartmogul/resync.ts), their invoices imported again (billing-history.ts)

  updatableFields(resource: UpdatableResource): readonly UpdatableField[] {
    return chartMogulUpdatableFields(resource);
  }
  readCustomerFields(id: string): Promise<SiteFields | undefined> {
    return readCustomerFields(this.context, id);
  }
  readSubscriptionFields(id: string): Promise<{ customerId: string; fields: SiteFields } | undefined> {
    return readSubscriptionFields(this.context, id);
  }
  updateFields(resource: UpdatableResource, id: string, values: Record<string, SiteValue>): Promise<void> {
    return updateFields(this.context, resource, id, values);
  }

  /** ChartMogul calls them custom attributes. */
  customFieldLabel(name: string): string {
    return `custom attribute:${name}`;
  }

  /**
   * ChartMogul creates a custom attribute the first time a customer gets a value for it, and lists none
   * ahead: every custom field counts as missing, so a misspelt header is never created silently
   * (`--create-custom-fields` says they are meant).
   */
  async customFieldNames(): Promise<string[]> {
    return [];
  }

  async ensureCustomFields(): Promise<void> {}

  async setCustomFields(resource: CustomFieldResource, id: string, values: Record<string, string>): Promise<void> {
    if (resource === 'customers') await this.api.setCustomAttributes(id, values);
  }

  async customFieldValues(resource: CustomFieldResource, id: string): Promise<Record<string, string>> {
    if (resource !== 'customers') return {};
    const values = await this.api.customAttributes(id);
    return Object.fromEntries(Object.entries(values).map(([name, value]) => [name, String(value)]));
  }
}

function notYet(what: string): never {
  throw new TargetError('not-supported', `migrate cannot ${what} on ChartMogul.`, { hint: 'ChartMogul ends a subscription by its invoices: remove it with migrate erase (its opening invoice goes), or set its cancellation in ChartMogul.' });
}
