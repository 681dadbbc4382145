// product_family operations → Create Product Family; found again by handle, or by name when the row had none.
import type { ProductFamilyFields } from '../../../plan/map/product-families.js';
import { findOnSite } from './lookup.js';
import type { JsonObject } from '../api.js';
import type { OperationHandler } from './handler.js';
import { outcomeOf } from './outcome.js';

export const productFamilyHandler: OperationHandler<ProductFamilyFields> = {
  async create(api, operation, _resolver, intent) {
    const { name, handle, description } = operation.fields;
    const attrs: JsonObject = { name, ...(handle ? { handle } : {}), ...(description ? { description } : {}) };
    const family = await api.createProductFamily(attrs, intent(() => findOnSite(api, { type: 'product_family', key: operation.key })));
    return outcomeOf(api, family, operation.applied, { type: 'product_family' });
  },
  async find(api, operation) {
    const family = await findOnSite(api, { type: 'product_family', key: operation.key });
    return family ? outcomeOf(api, family, operation.applied, { type: 'product_family' }) : undefined;
  },
};
