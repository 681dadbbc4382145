// Neutral price brackets → the API's `prices` array (snake_case, unit prices as decimal strings).
import type { PriceBracketFields } from '../../../plan/map/cells.js';
import type { JsonObject } from '../api.js';

export function wirePrices(brackets: readonly PriceBracketFields[]): JsonObject[] {
  return brackets.map(({ startingQuantity, endingQuantity, unitPrice }) => ({
    starting_quantity: startingQuantity,
    ...(endingQuantity === undefined ? {} : { ending_quantity: endingQuantity }),
    unit_price: unitPrice,
  }));
}
