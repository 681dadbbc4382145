// The import plan as data: what a template row means, in no vendor's terms. The mapping (src/plan/map/)
// turns each row into operations `{kind, key, dependsOn, fields}`; a target adapter
// (src/targets/<name>/) turns each operation into its API's calls. `--dry-run` prints them as they are,
// resync diffs them, and one interpreter (src/importer/) applies them in dependency order.

/** Kinds of object the toolkit creates, in the dependency order the plan follows. */
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
  /** The sheet, when the file is a workbook: rows of two sheets of one workbook are told apart by it. */
  sheet?: string;
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

/**
 * A neutral field value: text, whole numbers, flags, decimal amounts as strings (never floats),
 * calendar dates as `YYYY-MM-DD`, refs to other operations' objects, and lists and records of these.
 */
export type FieldValue = string | number | boolean | ObjectRef | FieldValue[] | { [name: string]: FieldValue | undefined } | undefined;
export type Fields = { [name: string]: FieldValue };

/** One object to create on a target for a row, as data. A row may yield several (customer, subscription, balance…). */
export interface Operation<F extends Fields = Fields> {
  kind: ObjectType;
  /** The natural key within its kind (handle, reference, code, invoice id…); `${kind}:${key}` is unique per site. */
  key: string;
  /** Objects that must exist first (created in this run or already on the site). */
  dependsOn: ObjectRef[];
  /** What the object is, in the toolkit's own vocabulary; each kind's shape is declared beside its mapping. */
  fields: F;
  /** The row it came from (messages, result files, uniqueness tokens). */
  source: SourceRow;
  /** The template cells this operation manages, keyed by column (resync's base); vault tokens masked. */
  applied: Record<string, string>;
}

/** `${kind}:${key}`: the journal's key and the uniqueness-token seed. */
export function naturalKeyOf(operation: Pick<Operation, 'kind' | 'key'>): string {
  return `${operation.kind}:${operation.key}`;
}

/** The ref other operations use to depend on this one. */
export function refTo(operation: Pick<Operation, 'kind' | 'key'>): ObjectRef {
  return { type: operation.kind, key: operation.key };
}

/** What applying an operation leaves behind: the journal stores it, the result files show it. */
export interface StepOutcome {
  /** Target id of the created (or found) object; invoices use their uid. */
  id: number | string;
  /** Link to the object on the target (for the `Result` column). */
  link: string;
  /** The template-managed field values last applied (resync's base); never secrets. */
  applied?: Record<string, string>;
  /** `ChargifyNextRenewal` for subscriptions (decimal string, currency minor unit). */
  nextRenewal?: string;
  /** Invoice `Amount` as created (decimal string). */
  amount?: string;
}
