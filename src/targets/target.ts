// The neutral Target: what compare, erase, resync and the import's custom-field check ask of a billing
// site, in the toolkit's own terms (records and facts with decimal strings, never a vendor's JSON).
// Each adapter in src/targets/<name>/ implements it over its API and declares what it supports.
import type { CustomFieldResource } from '../plan/map/custom-fields.js';
import type { ObjectRef, ObjectType, Operation, StepOutcome } from '../plan/operation.js';

export type { CustomFieldResource };
import type { CatalogItemKind, CatalogItemRecord, CustomerRecord, ImportedObject, InvoiceRecord, SiteContents, SiteFields, SiteValue, SubscriptionRecord } from './records.js';
import type { RenewalFacts, SiteCatalog, SubscriptionLocator } from './facts.js';
import type { MappingTable } from './column-mapping.js';
import type { BillingHistory, MergedCustomer } from './resync-support.js';
import type { CellValue } from '../plan/map/updatable-cells.js';

export type * from './resync-support.js';

export type * from './records.js';
export type * from './facts.js';

/** What a site says about itself, as its adapter reads it: what tells it apart, its mode and currency. */
export interface SiteInfo {
  /** What tells the site apart from another answering at the same address, as text (Advanced Billing: its site id). */
  id: string;
  /**
   * The site's own name, as people know it (Advanced Billing: its subdomain); '' when it reports none.
   * The operator types it to confirm a command that writes to the site irreversibly.
   */
  name: string;
  /** What that name is called in the confirmation question, e.g. `subdomain`. */
  nameKind: string;
  currency: string;
  /** 'test' sites allow purge and clear-data; 'live' sites refuse them. */
  mode: 'test' | 'live';
  /** The configured time zone (config `timeZone`): the API does not report the site's own. */
  timeZone?: string;
  /** Only a `migrate sandbox` reports it: which sandbox this is, whatever its port. */
  sandboxInstance?: string;
  /**
   * The id alone tells the site apart wherever it answers (ChartMogul: a data source's uuid), so its
   * journal follows it from one address to another (an emulator restarted on another port).
   */
  idIsUnique?: boolean;
}

/** The target's own record of an object: opaque above its adapter, which alone reads its fields. */
export type SiteObject = Readonly<Record<string, unknown>>;

/** Turns refs into target ids: objects created earlier in this run, recorded in the journal, or already on the target. */
export interface Resolver {
  /** The target id of the object (opaque text: each target has its own kind of id); throws an error naming the ref when it cannot be found. */
  id(ref: ObjectRef): Promise<string>;
  /** The target's record of the object (looked up once per run), for handlers that need more than its id. */
  object(ref: ObjectRef): Promise<SiteObject | undefined>;
}

/** What a target can do, so commands can tell "not possible here" from "failed". */
export interface TargetSupport {
  /** The site prices a subscription's next renewal (compare --refresh, ChargifyNextRenewal). */
  renewalPreview: boolean;
  /**
   * A retried create is answered as a duplicate instead of creating a second object. Without it the
   * importer derives no token (`uniquenessToken` is not called) and journals intents without one.
   */
  uniquenessTokens: boolean;
  /** Test sites can delete subscriptions with their customer and payment profile (erase). */
  purge: boolean;
  /** Test sites can clear all customers (and the catalog) in one call (erase --scope site). */
  clearSite: boolean;
  /** Customers and subscriptions carry named custom fields. */
  customFields: boolean;
}


/** How erase removes an object: void (invoices), purge, cancel (subscriptions), delete (customers), archive (catalog). */
export type EraseOperation = 'void' | 'purge' | 'cancel' | 'delete' | 'archive';

/** What erase's wider scopes are called on a target and what they may do there (docs/erase.md). */
export interface EraseScopes {
  /** `--scope` name of every customer on the site, whoever created them (Advanced Billing: customers). */
  readonly customers: string;
  /** `--scope` name of everything on the site at once (Advanced Billing: site, its clear-data call). */
  readonly site: string;
  /** The `--cleanup` values the site scope takes (a target whose site scope removes everything: only 'all'). */
  readonly cleanups: ReadonlyArray<'all' | 'customers'>;
  /**
   * On a live site: 'cancel-only' (the API refuses deletion there: only the subscriptions the toolkit
   * created are canceled), or 'typed' (erase works as on a test site, but only after the site's name is
   * typed at a terminal: --yes is not enough).
   */
  readonly live: 'cancel-only' | 'typed';
}

/**
 * What is policy rather than plumbing, handed over by the adapter as data so that the commands need no
 * branch per system.
 */
export interface TargetProfile {
  /**
   * Requests an import keeps in flight when the configuration sets no `concurrency`: as many as the
   * target takes at once (Advanced Billing: 4), or as keep a paced target busy (ChartMogul: 10).
   */
  readonly concurrency: number;
  /**
   * The kinds of object the target takes. A row's operations of other kinds are not applicable there:
   * the import leaves them out of its plan, and nothing waits for them (a subscription's payment profile
   * on a target without payment profiles).
   */
  readonly kinds: readonly ObjectType[];
  /** Which of a row's objects its Result link and Status describe: the first kind listed that the row has. */
  readonly rowObjectOrder: readonly ObjectType[];
  /**
   * The kinds `erase --scope imported` removes and how, in the order it removes them (what refers to
   * others first); a kind not listed is kept. A `purge` is a `cancel` where `supports.purge` is false.
   */
  readonly eraseOrder: ReadonlyArray<{ type: ObjectType; operation: EraseOperation }>;
  /** What erase's wider scopes are called and may do on this target. */
  readonly eraseScopes: EraseScopes;
  /** The subscription a row's result link points at, as the target's id; undefined when it names none. */
  subscriptionIdOfLink(link: string): string | undefined;
  /**
   * Where each column of a template kind goes on the target (`migrate templates KIND --system S` prints
   * it); a column it marks not applicable is reported once per import run where it holds data.
   */
  columnMapping(kind: string): MappingTable;
  /**
   * The target takes a subscription as the invoice that opens its current billing period, priced by the
   * toolkit from the catalog templates (the importer hands it over in the operation's `opening` field).
   */
  readonly pricesSubscriptions: boolean;
  /** What a kind the target does not take means for the migration, said once per run for its rows. */
  readonly notApplicableKinds: Partial<Readonly<Record<ObjectType, string>>>;
  /** The kinds resync compares with the templates; the others are history it leaves as imported. */
  readonly resyncKinds: readonly ObjectType[];
}

/** A subscription's monthly recurring revenue as a target that derives it reports it (ChartMogul). */
export interface MrrFacts {
  /** The target's id of the subscription. */
  subscriptionId: string;
  /** A decimal string in `currency`. */
  mrr: string;
  currency: string;
  /** How often it bills: what compare normalises the expected renewal to a month by. */
  interval: { unit: 'day' | 'month' | 'year'; count: number };
}

/** Where a target that derives subscriptions from what was imported stands with it. */
export interface ProcessingState {
  /** Imports not yet processed (0: everything imported is reflected in subscriptions and MRR). */
  pending: number;
  processed: number;
  failed: number;
}

/**
 * What compare asks of a target that derives subscriptions and MRR from imported invoices instead of
 * pricing renewals: whether it has caught up, and a subscription's MRR.
 */
export interface RecurringRevenue {
  /** The system as people know it, for what compare says it waits for and compares ("ChartMogul"). */
  readonly systemName: string;
  /** How far it has processed what was imported (counts of imported invoices). */
  processing(): Promise<ProcessingState>;
  /** The subscription with this reference (its key in the templates), or undefined when the target has none. */
  subscriptionMrr(reference: string): Promise<MrrFacts | undefined>;
}

/** The objects resync updates field by field. */
export type UpdatableResource = 'customer' | 'subscription';

/** A field resync may update, in the target's own name (shown in reports), and the template column its value comes from. */
export interface UpdatableField {
  field: string;
  column: string;
  /**
   * A field made of several columns (ChartMogul's `name`: organization_name, else first and last name):
   * the other columns, and the value the field takes from the row's cells.
   */
  combined?: { columns: readonly string[]; value(cells: Readonly<Record<string, CellValue>>): CellValue };
}

export interface Target {
  /** The adapter, e.g. `advanced-billing`. */
  readonly name: string;
  /** Base URL of the site (no credentials), used to build links in result files. */
  readonly baseUrl: string;
  readonly supports: TargetSupport;
  readonly profile: TargetProfile;
  /** Present where the target reports MRR rather than renewal previews (compare by MRR). */
  readonly recurringRevenue?: RecurringRevenue;

  readSite(): Promise<SiteInfo>;
  /** Releases connections. */
  close(): Promise<void>;

  // import: one interpreter applies the plan's operations through these

  /**
   * The uniqueness token a create of this natural key and content sends: the same for the same site,
   * object and content in any run, so a retried create is answered as a duplicate (see `supports`).
   */
  uniquenessToken(naturalKey: string, content: Readonly<Record<string, unknown>>): string;
  /** Creates the object an operation describes, then completes it (see `finish`); idempotent through `token`. */
  create(operation: Operation, resolver: Resolver, token?: string): Promise<StepOutcome>;
  /** The object an operation describes, when it is already on the target (reconciling, resync). */
  find(operation: Operation, resolver: Resolver): Promise<StepOutcome | undefined>;
  /**
   * What completes an object after its create, for what the create cannot carry. `create` runs it
   * itself; reconciling runs it again on an object an interrupted create left behind. Idempotent.
   */
  finish(operation: Operation, resolver: Resolver, outcome: StepOutcome): Promise<void>;
  /** The object a ref names on the target: by `knownId` when this run or the journal has it, else by its natural key. */
  lookup(ref: ObjectRef, knownId?: string): Promise<SiteObject | undefined>;
  /**
   * The target id of the object a ref names, from what `lookup` found (undefined: nothing); the adapter
   * alone knows its records' id field and whether a key may itself be an id. Undefined when there is none.
   */
  idOf(ref: ObjectRef, object: SiteObject | undefined): string | undefined;

  // compare

  /** The site's renewal preview of a subscription (found by id, else by reference), or undefined when the site does not have it. */
  renewalFacts(subscription: SubscriptionLocator, siteCurrency: string): Promise<RenewalFacts | undefined>;
  /** The site's active catalog: products, components and coupons with their prices in `currency`. */
  catalogFacts(currency: string): Promise<SiteCatalog>;

  // erase (and compare's invoice totals)

  readInvoice(uid: string): Promise<InvoiceRecord | undefined>;
  voidInvoice(uid: string, reason: string): Promise<void>;
  readSubscription(id: string): Promise<SubscriptionRecord | undefined>;
  /** Test sites only: deletes the subscription, and with cascade its customer and payment profile. */
  removeSubscription(id: string, cascade: Array<'customer' | 'payment_profile'>): Promise<void>;
  cancelSubscription(id: string): Promise<void>;
  readCustomer(id: string): Promise<CustomerRecord | undefined>;
  findCustomer(reference: string): Promise<CustomerRecord | undefined>;
  listCustomers(): AsyncIterable<CustomerRecord>;
  /** The ids of the customer's subscriptions, in the site's order. */
  customerSubscriptionIds(customerId: string): Promise<string[]>;
  deleteCustomer(id: string): Promise<void>;
  /** A product, component or coupon by its handle (code), archived or not. */
  findCatalogItem(kind: CatalogItemKind, key: string): Promise<CatalogItemRecord | undefined>;
  archiveCatalogItem(item: CatalogItemRecord): Promise<void>;
  /** Test sites only: removes every customer (and, with 'all', the catalog) whoever created them. */
  clearSite(scope: 'all' | 'customers'): Promise<void>;
  /**
   * Where clearing the site takes more than people can see from the plan (ChartMogul's data source): what
   * it holds, counted on the site, and the customers carrying work people did there, told apart from
   * what the toolkit applied (`imported`, from the journal). Erase shows it before it asks.
   */
  siteContents?(imported: readonly ImportedObject[]): Promise<SiteContents>;

  // resync

  /** The fields of a customer or subscription resync may update, in the order reports list them. */
  updatableFields(resource: UpdatableResource): readonly UpdatableField[];
  /** A customer's updatable fields as the site holds them, by field name; undefined when it is gone. */
  readCustomerFields(id: string): Promise<SiteFields | undefined>;
  /** A subscription's updatable fields (dates as the site reports them) and its customer; undefined when it is gone. */
  readSubscriptionFields(id: string): Promise<{ customerId: string; fields: SiteFields } | undefined>;
  /** Sets fields by name; calendar dates (YYYY-MM-DD) become the site's billing date-times. */
  updateFields(resource: UpdatableResource, id: string, values: Record<string, SiteValue>): Promise<void>;
  /** Where people merge customers on the site (ChartMogul): resync follows a merged customer, never unmerges it. */
  readonly mergedCustomer?: MergedCustomer;
  /** Where billing is imported history that cannot be edited (ChartMogul's invoices): resync imports a customer's again. */
  readonly billingHistory?: BillingHistory;

  // custom fields

  /** How reports name a custom field's change (resync), e.g. `metafield:Region`. */
  customFieldLabel(name: string): string;
  customFieldNames(resource: CustomFieldResource): Promise<string[]>;
  /** Defines the named fields (as text) where the site lacks them. */
  ensureCustomFields(resource: CustomFieldResource, names: string[]): Promise<void>;
  setCustomFields(resource: CustomFieldResource, id: string, values: Record<string, string>): Promise<void>;
  customFieldValues(resource: CustomFieldResource, id: string): Promise<Record<string, string>>;
}
