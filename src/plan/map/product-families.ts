// Catalog - Product Families rows → product_family operations, keyed by handle (or by name when the
// row has no handle, since the target then generates one).
import type { Operation, SourceRow } from '../operation.js';
import { appliedCells, cell, requiredCell } from './cells.js';

export interface ProductFamilyFields {
  [name: string]: string | undefined;
  name: string;
  handle?: string;
  description?: string;
}

export function productFamilyOperations(row: SourceRow): Array<Operation<ProductFamilyFields>> {
  if (cell(row, 'name') === undefined) return [];
  const name = requiredCell(row, 'name');
  const handle = cell(row, 'handle');
  const description = cell(row, 'description');
  return [{
    kind: 'product_family',
    key: handle ?? name,
    dependsOn: [],
    fields: { name, ...(handle ? { handle } : {}), ...(description ? { description } : {}) },
    source: row,
    applied: appliedCells(row),
  }];
}
