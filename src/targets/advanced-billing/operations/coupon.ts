// coupon operations → Create Coupon in its family, a flat amount in the minor unit of the site's
// currency; found again by code.
import { COUPON_AMOUNT_COLUMN, type CouponFields } from '../../../plan/map/coupons.js';
import { minorUnitsOf } from '../../minor-units.js';
import { compact } from './compact.js';
import { resolveId } from './lookup.js';
import { siteInfo } from './site.js';
import type { OperationHandler } from './handler.js';
import { outcomeOf } from './outcome.js';

export const couponHandler: OperationHandler<CouponFields> = {
  async create(api, operation, resolver, intent) {
    const { fields } = operation;
    const familyId = await resolveId(fields.family, resolver);
    const discount = fields.percentage !== undefined
      ? { percentage: fields.percentage }
      : { amount_in_cents: minorUnitsOf(fields.amount!, (await siteInfo(api)).currency, operation.source, COUPON_AMOUNT_COLUMN) };
    const attrs = compact({
      name: fields.name,
      code: fields.code,
      description: fields.description,
      stackable: fields.stackable,
      recurring: fields.recurring,
      ...discount,
      product_family_id: String(familyId),
    });
    const coupon = await api.createCoupon(familyId, attrs, intent(() => api.findCouponByCode(fields.code)));
    return outcomeOf(api, coupon, operation.applied, { type: 'coupon' });
  },
  async find(api, operation) {
    const coupon = await api.findCouponByCode(operation.fields.code);
    return coupon ? outcomeOf(api, coupon, operation.applied, { type: 'coupon' }) : undefined;
  },
};
