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
