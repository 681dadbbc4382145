// "Catalog - Product Families": the families products, components and coupons belong to.
import { column, present, statusColumns, use } from './columns.js';
import type { TemplateDefinition } from './types.js';

export const productFamilies: TemplateDefinition = {
  kind: 'product-families',
  title: 'Catalog - Product Families',
  description: 'Product families; other catalog files name them in product_family_id.',
  columns: [
    ...statusColumns,
    // The site refuses a second family with the same name ("Name: must be unique").
    column('name', 'required', 'The name of the product family, unique on the site; a value enables validation.', [use.unique]),
    column('description', 'optional', 'The description of the product family.'),
    column('handle', 'optional', 'The API handle of the product family.', [use.noSpaces, use.handle, use.uniqueAcrossFiles('product-family')]),
  ],
  groups: [],
  customFieldPrefixes: [],
  enabledWhen: [present('name')],
  sections: [],
  keyColumns: ['handle', 'name'],
  rowRules: [],
  provides: [{ set: 'product-family', column: 'handle' }],
};
