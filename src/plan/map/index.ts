// The mapping's one entry point: a template file's rows → the neutral operations each implies. Pure:
// no site, no currency, no clock; a row that cannot be mapped says why (RowError) and yields nothing.
import type { Operation, SourceRow } from '../operation.js';
import { RowError } from '../row-error.js';
import { componentOperations } from './components.js';
import { couponOperations } from './coupons.js';
import { customersAdvancedOperations } from './customers.js';
import { segmentOperations } from './ebb-segments.js';
import { invoiceFileOperations } from './invoices.js';
import { productFamilyOperations } from './product-families.js';
import { productOperations } from './products.js';
import { advancedSubscriptionKey, advancedSubscriptionOperations, standardSubscriptionKey, standardSubscriptionOperations, subscriptionKeyOf } from './subscriptions.js';

/** The operations one row yields, or why it yields none. */
export interface RowOperations<O extends Operation = Operation> {
  row: SourceRow;
  /** An invoice operation is shared by its own row and its line-item rows. */
  operations: O[];
  /** Why the row cannot be imported; it yields no operations then. */
  error?: RowError;
}

type RowMapper = (row: SourceRow, occurrence: number) => Operation[];

const ROW_MAPPERS: Record<string, { map: RowMapper; occurrenceKey?: (row: SourceRow) => string }> = {
  'product-families': { map: productFamilyOperations },
  products: { map: productOperations },
  components: { map: componentOperations },
  coupons: { map: couponOperations },
  'ebb-segments': { map: segmentOperations },
  'customers-advanced': { map: customersAdvancedOperations },
  'subscriptions-standard': { map: (row, n) => standardSubscriptionOperations(row, false, n), occurrenceKey: standardSubscriptionKey },
  'subscriptions-standard-custom-pricing': { map: (row, n) => standardSubscriptionOperations(row, true, n), occurrenceKey: standardSubscriptionKey },
  'subscriptions-advanced': { map: (row, n) => advancedSubscriptionOperations(row, false, n), occurrenceKey: advancedSubscriptionKey },
  'subscriptions-advanced-custom-pricing': { map: (row, n) => advancedSubscriptionOperations(row, true, n), occurrenceKey: advancedSubscriptionKey },
};

/**
 * The operations of every row of one file (rows in file order, all of one kind). A row that cannot be
 * mapped gets an `error` and no operations; the others are unaffected. Line-item rows of an invoice
 * share their invoice's operation, so they succeed or fail with it; an invoice with a line-item row in
 * `excluded` (rows that will not be sent, e.g. with validation errors) is not mapped at all. Identical
 * subscriptions in one file are told apart by their occurrence (2nd, 3rd…).
 */
export function operationsForFile(rows: SourceRow[], excluded: ReadonlySet<SourceRow> = new Set()): RowOperations[] {
  if (rows.length > 0 && rows.every((row) => row.kind === 'invoices')) return invoiceFileOperations(rows, excluded);
  const occurrenceOf = occurrenceCounter();
  return rows.map((row) => {
    try {
      const mapper = ROW_MAPPERS[row.kind];
      if (!mapper) throw new RowError(row, undefined, `rows of kind "${row.kind}" cannot be imported`);
      return { row, operations: mapper.map(row, occurrenceOf(row)) };
    } catch (error) {
      if (!(error instanceof RowError)) throw error;
      return { row, operations: [], error };
    }
  });
}

/** Counts, row by row through one file, how often each row's occurrence key has appeared (1 for kinds without one); throws a RowError for a row whose key cannot be read. */
function occurrenceCounter(): (row: SourceRow) => number {
  const seen = new Map<string, number>();
  return (row) => {
    const occurrenceKey = ROW_MAPPERS[row.kind]?.occurrenceKey;
    if (occurrenceKey === undefined) return 1;
    const key = occurrenceKey(row);
    const occurrence = (seen.get(key) ?? 0) + 1;
    seen.set(key, occurrence);
    return occurrence;
  };
}

/**
 * The key the import gives the subscription of each row of one subscription file (`subscriptionKeyOf`,
 * occurrences counted as `operationsForFile` counts them): call it on every row, in file order.
 * Undefined for a row whose key cannot be read (the import refused it).
 */
export function subscriptionKeysOfFile(): (row: SourceRow) => string | undefined {
  const occurrenceOf = occurrenceCounter();
  return (row) => {
    try {
      return subscriptionKeyOf(row, occurrenceOf(row));
    } catch (error) {
      if (error instanceof RowError) return undefined;
      throw error;
    }
  };
}
