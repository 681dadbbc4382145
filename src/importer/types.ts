// The seam between the import engine (plan, execute, journal, results) and the per-template
// mapping of rows onto site objects (src/importer/steps/). Neither knows the other's internals.
import type { Target, JsonObject } from '../targets/advanced-billing/api.js';

/** Site objects the toolkit creates, in the dependency order the plan follows. */
export const OBJECT_TYPES = [
  'product_family',
  'product',
  'product_price_point',
  'component',
  'component_price_point',
  'coupon',
  'segment',
  'customer',
  'payment_profile',
  'subscription',
  'service_credit',
  'prepayment',
  'invoice',
] as const;
export type ObjectType = (typeof OBJECT_TYPES)[number];

/** A validated template row, as the engine hands it to the mapping. */
export interface SourceRow {
  /** Input file path as given. */
  file: string;
  /** Template kind id, e.g. 'subscriptions-standard'. */
  kind: string;
  /** Spreadsheet row number (header = 1). */
  row: number;
  line: number;
  /** Business key (customer reference, handle, code, invoice id) as validation reports it. */
  key: string;
  /** Cell values by header exactly as in the file. */
  values: Record<string, string>;
}

/** Names an object by its natural key: a handle, a reference, a code or an invoice id. */
export interface ObjectRef {
  type: ObjectType;
  key: string;
}

/** Turns refs into site ids: objects created earlier in this run, recorded in the journal, or already on the site. */
export interface Resolver {
  /** The site id of the object; throws a RowError-like error naming the ref when it cannot be found. */
  id(ref: ObjectRef): Promise<number>;
  /** The site object (cached), for steps that need more than the id (e.g. a price point's handle). */
  object?(ref: ObjectRef): Promise<JsonObject | undefined>;
}

/** What a finished step leaves behind: the journal stores it, the result files show it. */
export interface StepOutcome {
  /** Site id of the created (or found) object; invoices use their uid. */
  id: number | string;
  /** Link to the object on the site (for the `Result` column). */
  link: string;
  /** The template-managed field values last applied (resync's base); never secrets. */
  applied?: Record<string, string>;
  /** `ChargifyNextRenewal` for subscriptions (decimal string, currency minor unit). */
  nextRenewal?: string;
  /** Invoice `Amount` as created (decimal string). */
  amount?: string;
}

/** One object to create on the site for a row. A row may yield several (customer, payment profile, subscription…). */
export interface ImportStep {
  type: ObjectType;
  /** Unique per site across runs: `${type}:${natural key}`; the journal's key and the uniqueness-token seed. */
  naturalKey: string;
  source: SourceRow;
  /** Objects that must exist first (created in this run or already on the site). */
  dependsOn: ObjectRef[];
  /** The ref other steps use to depend on this one (e.g. {type:'customer', key: reference}). */
  provides: ObjectRef;
  /**
   * Creates the object through the target; idempotent through the CreateIntent it passes, which
   * carries `token` (the uniqueness token the engine journaled with its intent) when given.
   */
  create(target: Target, resolver: Resolver, token?: string): Promise<StepOutcome>;
  /** Finds the object if it already exists on the site (reconciling an unfinished intent), else undefined. */
  find(target: Target, resolver: Resolver): Promise<StepOutcome | undefined>;
  /**
   * The calls that complete the object after its create, for what the create operation cannot carry
   * (Update Customer's verified, a promoted default price point…). `create` makes them itself;
   * reconciling runs them again on an object an interrupted create left behind, so a crash between the
   * create and them never loses a column. Idempotent.
   */
  finish(target: Target, resolver: Resolver, outcome: StepOutcome): Promise<void>;
}
