// Objects on a site as erase and resync see them, in the toolkit's terms: the few facts they check
// before they act (whose it is, whether it is still there), never an API's own JSON.

/** A value as a site holds it: text, numbers, flags, blank (null), and lists and records of these. */
export type SiteValue = string | number | boolean | null | SiteValue[] | { [key: string]: SiteValue };
/** Values by field name. */
export type SiteFields = Record<string, SiteValue | undefined>;

/** Ids are the target's, as text (Advanced Billing's numbers as their digits, ChartMogul's uuids). */
export interface CustomerRecord {
  id: string;
  reference?: string;
  email?: string;
}

export interface SubscriptionRecord {
  id: string;
  reference?: string;
  /** active, canceled, …; canceled subscriptions stay on the site. */
  state?: string;
  customer: { id?: string; reference?: string; email?: string };
  productHandle?: string;
  paymentProfileId?: string;
}

export interface InvoiceRecord {
  uid: string;
  voided: boolean;
  /** The invoice total as a decimal string, when the site gives a readable one. */
  total?: string;
}

/** Catalog objects erase can archive. */
export type CatalogItemKind = 'product' | 'component' | 'coupon';

export interface CatalogItemRecord {
  kind: CatalogItemKind;
  id: string;
  archived: boolean;
  /** The product family it belongs to (the API archives components and coupons through it). */
  familyId: string;
}

/** An object the journal says the toolkit created, with the template cells it applied. */
export interface ImportedObject {
  type: string;
  /** Its natural key without the type: a reference, handle, subscription key or invoice id. */
  key: string;
  /** The template kind of its row (a standard subscription row creates its customer too). */
  kind: string;
  applied: Record<string, string>;
}

/** Work people did on a site's customers that a clear takes along (and a resync keeps). */
export type ManualWork = 'tagged' | 'attributed' | 'merged' | 'edited';

/** What clearing a site takes with it, counted on the site before anything is sent. */
export interface SiteContents {
  /** The one object the clear removes, as the plan names it (ChartMogul: its data source, by name, deleted). */
  object: { type: string; key: string; action: string };
  /** What goes with it, counted by kind (plural): `{ customers: 21, plans: 4, invoices: 24 }`. */
  counts: Record<string, number>;
  /** Customers carrying each kind of work people did on the site, with a few of their references. */
  manualWork: Record<ManualWork, { count: number; examples: string[] }>;
  /** Customers carrying any of that work, each counted once: a resync would keep it. */
  customersWithManualWork: number;
  /** Customers the journal does not know: added by hand or by another tool. */
  notImported: { count: number; examples: string[] };
}
