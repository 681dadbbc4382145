// Maps a template file's rows onto the site objects they imply: one entry point for every kind,
// `stepsForFile`, plus `findOnSite` for resolving refs to objects that are already on the site.
import type { ImportStep, SourceRow } from '../types.js';
import { componentSteps } from './components.js';
import { couponSteps } from './coupons.js';
import { customerAdvancedSteps } from './customers-advanced.js';
import { segmentSteps } from './ebb-segments.js';
import { invoiceFileSteps } from './invoices.js';
import { productFamilySteps } from './product-families.js';
import { productSteps } from './products.js';
import { RowError } from '../../plan/row-error.js';
import type { RowSteps } from './step.js';
import { advancedSubscriptionKey, subscriptionAdvancedSteps } from './subscriptions-advanced.js';
import { standardSubscriptionKey, subscriptionStandardSteps } from './subscriptions-standard.js';

export { findOnSite } from './refs.js';
export type { RowSteps } from './step.js';

type RowMapper = (row: SourceRow, occurrence: number) => ImportStep[];

const ROW_MAPPERS: Record<string, { map: RowMapper; occurrenceKey?: (row: SourceRow) => string }> = {
  'product-families': { map: productFamilySteps },
  products: { map: productSteps },
  components: { map: componentSteps },
  coupons: { map: couponSteps },
  'ebb-segments': { map: segmentSteps },
  'customers-advanced': { map: customerAdvancedSteps },
  'subscriptions-standard': { map: (row, n) => subscriptionStandardSteps(row, false, n), occurrenceKey: standardSubscriptionKey },
  'subscriptions-standard-custom-pricing': { map: (row, n) => subscriptionStandardSteps(row, true, n), occurrenceKey: standardSubscriptionKey },
  'subscriptions-advanced': { map: (row, n) => subscriptionAdvancedSteps(row, false, n), occurrenceKey: advancedSubscriptionKey },
  'subscriptions-advanced-custom-pricing': { map: (row, n) => subscriptionAdvancedSteps(row, true, n), occurrenceKey: advancedSubscriptionKey },
};

/**
 * The steps of every row of one file (rows in file order, all of one kind). A row that cannot be
 * mapped gets an `error` and no steps; the others are unaffected. Line-item rows of an invoice share
 * their invoice's step (same naturalKey), so they succeed or fail with it; an invoice with a line-item
 * row in `excluded` (rows that will not be sent, e.g. with validation errors) is not mapped at all.
 */
export function stepsForFile(rows: SourceRow[], excluded: ReadonlySet<SourceRow> = new Set()): RowSteps[] {
  if (rows.length > 0 && rows.every((row) => row.kind === 'invoices')) return invoiceFileSteps(rows, excluded);
  const seen = new Map<string, number>();
  return rows.map((row) => {
    try {
      const mapper = ROW_MAPPERS[row.kind];
      if (!mapper) throw new RowError(row, undefined, `rows of kind "${row.kind}" cannot be imported`);
      let occurrence = 1;
      if (mapper.occurrenceKey) {
        const key = mapper.occurrenceKey(row);
        occurrence = (seen.get(key) ?? 0) + 1;
        seen.set(key, occurrence);
      }
      return { row, steps: mapper.map(row, occurrence) };
    } catch (error) {
      if (!(error instanceof RowError)) throw error;
      return { row, steps: [], error };
    }
  });
}

