// component_price_point operations → Create Component Price Point on its component; the price point of
// the row that creates its component becomes that component's default.
import type { ComponentPricePointFields } from '../../../plan/map/components.js';
import { wireComponentPricing } from './component-pricing.js';
import { COMPONENT_DEFAULT } from './default-price-point.js';
import { pricePointHandler } from './price-point.js';

export const componentPricePointHandler = pricePointHandler<ComponentPricePointFields>({
  type: 'component',
  of: (fields) => fields.component,
  create: (api, componentId, { fields }, intent) =>
    api.createComponentPricePoint(componentId, { name: fields.name, handle: fields.handle, ...wireComponentPricing(fields) }, intent),
  list: (api, componentId) => api.listComponentPricePoints(componentId),
  defaults: COMPONENT_DEFAULT,
});
