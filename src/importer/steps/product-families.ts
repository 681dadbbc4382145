// Catalog - Product Families rows → product families, keyed by handle (or by name when the row has
// no handle, since the site then generates one).
import type { JsonObject } from '../../targets/advanced-billing/api.js';
import type { ImportStep, SourceRow } from '../types.js';
import { cell, requiredCell } from './cells.js';
import { findOnSite } from './refs.js';
import { linkTo } from './site.js';
import { appliedCells, defineStep, objectId } from './step.js';

export function productFamilySteps(row: SourceRow): ImportStep[] {
  if (cell(row, 'name') === undefined) return [];
  const name = requiredCell(row, 'name');
  const handle = cell(row, 'handle');
  const description = cell(row, 'description');
  const key = handle ?? name;
  const attrs: JsonObject = { name, ...(handle ? { handle } : {}), ...(description ? { description } : {}) };
  const applied = appliedCells(row);
  return [
    defineStep({
      type: 'product_family',
      key,
      source: row,
      dependsOn: [],
      async create(target, _resolver, intent) {
        const lookup = () => findOnSite(target, { type: 'product_family', key });
        const family = await target.createProductFamily(attrs, intent(lookup));
        return { id: objectId(family), link: linkTo(target, { type: 'product_family', id: objectId(family) }), applied };
      },
      async find(target) {
        const family = await findOnSite(target, { type: 'product_family', key });
        return family ? { id: objectId(family), link: linkTo(target, { type: 'product_family', id: objectId(family) }), applied } : undefined;
      },
    }),
  ];
}
