// The shape of a template definition: which columns a Smart Template has, which rules check them,
// when a row (or a section of it) is validated, and which references it provides to other files.

export const TEMPLATE_KINDS = [
  'subscriptions-standard',
  'subscriptions-standard-custom-pricing',
  'customers-advanced',
  'subscriptions-advanced',
  'subscriptions-advanced-custom-pricing',
  'products',
  'components',
  'coupons',
  'ebb-segments',
  'product-families',
  'invoices',
] as const;
export type TemplateKind = (typeof TEMPLATE_KINDS)[number];

/** `output` columns are the "Do not edit" ones the toolkit writes. */
export type Requirement = 'required' | 'optional' | 'conditional' | 'output';

/**
 * A test on one cell of a row. `present`: the cell has a non-blank value; `is` / `isNot`: the trimmed
 * value compared case-insensitively (so a lower-case `true` still enables a row and then gets its own
 * error from the true-false rule). A column name may end in `_N` inside a repeating group.
 */
export interface Condition {
  column: string;
  present?: boolean;
  is?: readonly string[];
  isNot?: readonly string[];
}

/** One rule applied to a column (or to the row, for rules spanning columns), with its options. */
export interface RuleUse {
  rule: string;
  options?: Record<string, unknown>;
}

/**
 * A column that no operation of the API can carry (checked against every request schema of the spec):
 * the import cannot put it on the site, so it tells the engineer, once per run, what to do by hand.
 */
export interface NotImportable {
  /** Why, e.g. "no API operation sets it: the product request schemas have no such field". */
  why: string;
  /** What the engineer sets by hand on the site instead. */
  byHand: string;
  /** A value that needs nothing by hand, because a new object already has it (compared case-insensitively). */
  siteDefault?: string;
  /** Only rows where any of these holds need it (the site ignores the setting on the others). */
  appliesWhen?: readonly Condition[];
}

export interface ColumnDefinition {
  /** Header as the document spells it (line breaks removed); `_N` for repeating-group columns. */
  name: string;
  requirement: Requirement;
  /** One line from the document. */
  description: string;
  /** Section whose enabling condition applies; default the row's. */
  section?: string;
  /** Rules beyond `required` (which `requirement: 'required'` implies). */
  rules?: readonly RuleUse[];
  /** Set when the API has no place for the column's value (validated all the same). */
  notImportable?: NotImportable;
}

/** Part of a row validated only when its own condition holds (payment profile fields, invoice line items). */
export interface SectionDefinition {
  id: string;
  description: string;
  /** Any of these conditions enables the section. */
  enabledWhen: readonly Condition[];
}

export interface RepeatingGroup {
  id: string;
  /** Column names with `_N`, e.g. `component_N`, `componentQuantity_N`. */
  columns: readonly string[];
  description: string;
}

/** The sets of keys files provide for cross-file checks. */
export type ReferenceSet =
  | 'customer'
  | 'customer-with-parent'
  | 'product-family'
  | 'product'
  | 'product-price-point'
  | 'component'
  | 'component-price-point'
  /** Handles of event-based components, and their metric_id keyed under the handle (EBB segments check it). */
  | 'component-event-based'
  | 'component-metric'
  | 'coupon'
  /** Subscription references (advanced subscriptions' subscription_reference): what invoices name. */
  | 'subscription';

/** A key this template's enabled rows provide to other files (e.g. products provide product handles). */
export interface ProvidedReference {
  set: ReferenceSet;
  column: string;
  /** For price points: the column naming their product/component (first non-blank wins). */
  parentColumns?: readonly string[];
  section?: string;
  /** Only rows where any of these holds provide the key. */
  when?: readonly Condition[];
}

export interface TemplateDefinition {
  kind: TemplateKind;
  /** The document's title, e.g. "Subscriptions - Create Subscriptions (standard)". */
  title: string;
  description: string;
  /** Columns in the document's order. */
  columns: readonly ColumnDefinition[];
  groups: readonly RepeatingGroup[];
  /** Custom field headers are `<prefix>Name]`, e.g. `custom_field[` → `custom_field[Region]`. */
  customFieldPrefixes: readonly string[];
  /** The row is validated when any of these holds ("Set to TRUE to enable Smart Template Validation"). */
  enabledWhen: readonly Condition[];
  sections: readonly SectionDefinition[];
  /** Columns whose first non-blank value names the row in reports (customer reference, handle…). */
  keyColumns: readonly string[];
  /** Rules that span several columns or rows and belong to no single column. */
  rowRules: readonly (RuleUse & { section?: string })[];
  provides: readonly ProvidedReference[];
  /**
   * A row that only attaches to a parent row (a price point row naming its component) is judged with
   * these of the parent's cells where its own are blank: the parent row in the same run whose `key`
   * column holds the row's `column` value.
   */
  parentRow?: { column: string; key: string; inherits: readonly string[] };
}

