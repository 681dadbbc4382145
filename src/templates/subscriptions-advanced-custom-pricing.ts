// "Subscriptions - Create Subscriptions w/ Custom Pricing (advanced)": the advanced template plus a
// custom per-unit price per component.
import { couponGroup, customPricedComponentColumns, customPricedComponentGroup } from './columns.js';
import { advancedBase, advancedHeadColumns } from './subscriptions-advanced.js';
import type { TemplateDefinition } from './types.js';

export const subscriptionsAdvancedCustomPricing: TemplateDefinition = {
  kind: 'subscriptions-advanced-custom-pricing',
  title: 'Subscriptions - Create Subscriptions w/ Custom Pricing (advanced)',
  description: 'The advanced subscriptions template with custom per-unit component prices (componentCustomPrice_N).',
  columns: [...advancedHeadColumns, ...customPricedComponentColumns],
  groups: [couponGroup, customPricedComponentGroup],
  ...advancedBase,
};
