// product_family operations → Create Product Family; found again by handle, or by name when the row had none.
import type { ProductFamilyFields } from '../../../plan/map/product-families.js';
import { findOnSite } from '../../../importer/steps/refs.js';
import { linkTo } from '../../../importer/steps/site.js';
import { objectId } from '../../../importer/steps/step.js';
import type { JsonObject } from '../api.js';
import type { OperationHandler } from './handler.js';

export const productFamilyHandler: OperationHandler<ProductFamilyFields> = {
  async create(api, operation, _resolver, intent) {
    const { name, handle, description } = operation.fields;
    const attrs: JsonObject = { name, ...(handle ? { handle } : {}), ...(description ? { description } : {}) };
    const family = await api.createProductFamily(attrs, intent(() => findOnSite(api, { type: 'product_family', key: operation.key })));
    return { id: objectId(family), link: linkTo(api, { type: 'product_family', id: objectId(family) }), applied: operation.applied };
  },
  async find(api, operation) {
    const family = await findOnSite(api, { type: 'product_family', key: operation.key });
    return family ? { id: objectId(family), link: linkTo(api, { type: 'product_family', id: objectId(family) }), applied: operation.applied } : undefined;
  },
};
