// Where a template's columns go on a target, as data: each adapter describes its own API's operations
// and fields (src/targets/<name>/column-mapping/), and `migrate templates KIND` prints them.

/** An API field that carries a column's value: the operation as the spec names it, the field path on the wire. */
export interface ApiField {
  operation: string;
  /** The path of the field in the request body, as the target's spec names it. */
  field: string;
  /** Only rows where this holds send it there (e.g. "payment_profile_type credit_card"). */
  when?: string;
}

/**
 * Where a column's value goes: the API fields that carry it (with how it is transformed on the way, if
 * at all), or what the toolkit itself uses it for (output, row enabler, reference to another object…).
 * Columns declared `notImportable` need no entry: the declaration says why.
 */
export type ColumnMapping =
  | { sentAs: readonly ApiField[]; note?: string }
  | { toolkit: string }
  /** The target has no place for the column's value: what that means for the migration (reported once per run where the column holds data). */
  | { notApplicable: string };

/** Column name (or custom field pattern, e.g. `custom_field[Name]`) → where it goes. */
export type MappingTable = Readonly<Record<string, ColumnMapping>>;

/** One line for people: "Create Subscription: subscription.currency (upper-cased)" or the toolkit's use. */
export function describeMapping(mapping: ColumnMapping): string {
  if ('toolkit' in mapping) return mapping.toolkit;
  if ('notApplicable' in mapping) return `not applicable: ${mapping.notApplicable}`;
  const fields = mapping.sentAs.map((field) => `${field.operation}: ${field.field}${field.when === undefined ? '' : ` (${field.when})`}`);
  return `${fields.join('; ')}${mapping.note === undefined ? '' : ` — ${mapping.note}`}`;
}
