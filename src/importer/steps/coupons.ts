// Catalog - Coupons rows → percentage or flat-amount coupons, keyed by code. A coupon marked
// review_after_import gets "EDIT" in its name so people can find the ones to review on the site.
import type { JsonObject, Target } from '../../targets/advanced-billing/api.js';
import type { ImportStep, SourceRow } from '../types.js';
import { cell, compact, flag, minorUnits, money, requiredCell } from '../../plan/map/cells.js';
import { idOrRef, refsOf, resolveId } from './refs.js';
import { RowError } from '../../plan/row-error.js';
import { linkTo, siteInfo } from './site.js';
import { appliedCells } from '../../plan/map/cells.js';
import { defineStep, objectId } from './step.js';

export function couponSteps(row: SourceRow): ImportStep[] {
  if (cell(row, 'name') === undefined) return [];
  const code = requiredCell(row, 'code');
  const family = idOrRef('product_family', requiredCell(row, 'product_family_id'));
  const review = flag(row, 'review_after_import') === true;
  const name = review ? `${requiredCell(row, 'name')} EDIT` : requiredCell(row, 'name');
  const percentage = money(row, 'percentage_discount');
  const flat = money(row, 'flat_discount');
  if ((percentage === undefined) === (flat === undefined)) {
    throw new RowError(row, percentage === undefined ? 'percentage_discount' : 'flat_discount', 'a coupon needs exactly one of percentage_discount and flat_discount');
  }
  const base = {
    name,
    code,
    description: cell(row, 'description'),
    stackable: flag(row, 'stackable'),
    recurring: flag(row, 'recurring'),
  };
  const applied = appliedCells(row);
  const outcome = (coupon: JsonObject, target: Target) => ({ id: objectId(coupon), link: linkTo(target, { type: 'coupon', id: objectId(coupon) }), applied });
  return [
    defineStep({
      type: 'coupon',
      key: code,
      source: row,
      dependsOn: refsOf([family]),
      async create(target, resolver, intent) {
        const familyId = await resolveId(family, resolver);
        const discount = percentage !== undefined
          ? { percentage: percentage.toString() }
          : { amount_in_cents: minorUnits(row, 'flat_discount', (await siteInfo(target)).currency) };
        const attrs = compact({ ...base, ...discount, product_family_id: String(familyId) });
        const coupon = await target.createCoupon(familyId, attrs, intent(() => target.findCouponByCode(code)));
        return outcome(coupon, target);
      },
      async find(target) {
        const coupon = await target.findCouponByCode(code);
        return coupon ? outcome(coupon, target) : undefined;
      },
    }),
  ];
}
