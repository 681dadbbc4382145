// Where the product-families template's columns go in Advanced Billing (`migrate templates product-families` prints it).
import { statusMapping, to } from './vocabulary.js';
import type { MappingTable } from '../../column-mapping.js';

export const productFamiliesMapping: MappingTable = {
  ...statusMapping,
  name: to('Create Product Family', 'product_family.name', 'a value enables the row'),
  description: to('Create Product Family', 'product_family.description'),
  handle: to('Create Product Family', 'product_family.handle', 'blank: the site makes one from the name'),
};
