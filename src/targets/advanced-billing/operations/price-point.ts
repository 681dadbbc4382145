// What product and component price points share: each is created on the parent its row names, found
// again by handle among that parent's price points (linking to the parent's page), and promoted to the
// parent's default when the row that creates the parent names it.
import { writtenAs, type IdOrRef } from '../../../plan/map/refs.js';
import type { Fields, Operation } from '../../../plan/operation.js';
import { findOnSite, firstMatch, resolveId } from './lookup.js';
import { objectId } from './ids.js';
import type { CreateIntent, JsonObject, AdvancedBillingApi } from '../api.js';
import { makeDefault, type DefaultPricePoint } from './default-price-point.js';
import type { OperationHandler } from './handler.js';
import { outcomeOf } from './outcome.js';

interface PricePointFields extends Fields {
  handle: string;
  isDefault: boolean;
}

export interface PricePointParent<F extends PricePointFields> {
  type: 'product' | 'component';
  /** The parent the row names. */
  of(fields: F): IdOrRef;
  create(api: AdvancedBillingApi, parentId: number, operation: Operation<F>, intent: CreateIntent): Promise<JsonObject>;
  list(api: AdvancedBillingApi, parentId: number): AsyncIterable<JsonObject>;
  /** How its default price point is read and moved. */
  defaults: DefaultPricePoint;
}

export function pricePointHandler<F extends PricePointFields>(parent: PricePointParent<F>): OperationHandler<F> {
  const lookup = (api: AdvancedBillingApi, operation: Operation<F>, parentId: number) =>
    firstMatch(parent.list(api, parentId), (pp) => pp.handle === operation.fields.handle);
  return {
    async create(api, operation, resolver, intent) {
      const parentId = await resolveId(parent.of(operation.fields), resolver);
      const pricePoint = await parent.create(api, parentId, operation, intent(() => lookup(api, operation, parentId)));
      return outcomeOf(api, pricePoint, operation.applied, { type: parent.type, id: parentId });
    },
    async finish(api, operation, resolver, { id }) {
      if (!operation.fields.isDefault) return;
      const named = parent.of(operation.fields);
      await makeDefault(api, parent.defaults, writtenAs(named), await resolveId(named, resolver), Number(id));
    },
    async find(api, operation) {
      const named = parent.of(operation.fields);
      const parentObject = 'id' in named ? { id: named.id } : await findOnSite(api, named.ref);
      if (!parentObject) return undefined;
      const parentId = objectId(parentObject);
      const pricePoint = await lookup(api, operation, parentId);
      return pricePoint ? outcomeOf(api, pricePoint, operation.applied, { type: parent.type, id: parentId }) : undefined;
    },
  };
}
