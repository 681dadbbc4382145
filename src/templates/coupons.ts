// "Catalog - Coupons": percentage or flat coupons, identified by their code.
import { column, present, statusColumns, use } from './columns.js';
import type { TemplateDefinition } from './types.js';

export const coupons: TemplateDefinition = {
  kind: 'coupons',
  title: 'Catalog - Coupons',
  description: 'Coupons: a percentage (1-100) or a flat discount, stackable or not, recurring or once.',
  columns: [
    ...statusColumns,
    column('name', 'required', 'The name of the coupon; a value enables validation.'),
    column('code', 'required', 'The coupon code, unique across the site.', [use.noSpaces, use.couponCode, use.uniqueAcrossFiles('coupon')]),
    column('description', 'optional', 'The description of the coupon.'),
    column('product_family_id', 'required', 'The ID (or handle) of the product family.', [use.noSpaces, use.catalog('product-family')]),
    column('percentage_discount', 'conditional', 'A percentage discount, a whole number 1 to 100.', [use.integer(1, 100)]),
    column('flat_discount', 'conditional', 'A flat discount such as 10.50.', [use.decimal]),
    column('stackable', 'required', 'Can be combined with other coupons: TRUE or FALSE.', [use.trueFalse]),
    column('recurring', 'required', 'Applies every renewal (TRUE) or once (FALSE).', [use.trueFalse]),
    column('review_after_import', 'optional', 'TRUE marks the imported coupon for review (EDIT in its name).', [use.trueFalse]),
  ],
  groups: [],
  customFieldPrefixes: [],
  enabledWhen: [present('name')],
  sections: [],
  keyColumns: ['code'],
  rowRules: [{ rule: 'exactly-one-of', options: { columns: ['percentage_discount', 'flat_discount'] } }],
  provides: [{ set: 'coupon', column: 'code' }],
};
