// Catalog - Coupons rows → percentage or flat-amount coupon operations, keyed by code. A coupon marked
// review_after_import gets "EDIT" in its name so people can find the ones to review on the site.
import type { FieldValue, Operation, SourceRow } from '../operation.js';
import { RowError } from '../row-error.js';
import { appliedCells, cell, flag, money, requiredCell } from './cells.js';
import { idOrRef, refsOf, type IdOrRef } from './refs.js';

export interface CouponFields {
  [name: string]: FieldValue;
  name: string;
  code: string;
  family: IdOrRef;
  description?: string;
  stackable?: boolean;
  recurring?: boolean;
  /** Exactly one of percentage and amount: a percentage off, or a flat amount off (decimal strings). */
  percentage?: string;
  amount?: string;
}

/** The template column the flat amount came from, so an adapter that refuses it for the site's currency names it. */
export const COUPON_AMOUNT_COLUMN = 'flat_discount';

export function couponOperations(row: SourceRow): Array<Operation<CouponFields>> {
  if (cell(row, 'name') === undefined) return [];
  const code = requiredCell(row, 'code');
  const family = idOrRef('product_family', requiredCell(row, 'product_family_id'));
  const review = flag(row, 'review_after_import') === true;
  const name = review ? `${requiredCell(row, 'name')} EDIT` : requiredCell(row, 'name');
  const percentage = money(row, 'percentage_discount');
  const flat = money(row, COUPON_AMOUNT_COLUMN);
  if ((percentage === undefined) === (flat === undefined)) {
    throw new RowError(row, percentage === undefined ? 'percentage_discount' : COUPON_AMOUNT_COLUMN, 'a coupon needs exactly one of percentage_discount and flat_discount');
  }
  return [{
    kind: 'coupon',
    key: code,
    dependsOn: refsOf([family]),
    fields: {
      name,
      code,
      family,
      description: cell(row, 'description'),
      stackable: flag(row, 'stackable'),
      recurring: flag(row, 'recurring'),
      ...(percentage !== undefined ? { percentage: percentage.toString() } : { amount: flat!.toString() }),
    },
    source: row,
    applied: appliedCells(row),
  }];
}
