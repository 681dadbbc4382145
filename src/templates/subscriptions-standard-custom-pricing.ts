// "Subscriptions - Create Subscriptions w/ Custom Pricing (standard)": the standard template plus a
// custom per-unit price per component.
import { couponGroup, customPricedComponentColumns, customPricedComponentGroup } from './columns.js';
import { standardBase, standardHeadColumns } from './subscriptions-standard.js';
import type { TemplateDefinition } from './types.js';

export const subscriptionsStandardCustomPricing: TemplateDefinition = {
  kind: 'subscriptions-standard-custom-pricing',
  title: 'Subscriptions - Create Subscriptions w/ Custom Pricing (standard)',
  description: 'The standard template with custom per-unit component prices (componentCustomPrice_N).',
  columns: [...standardHeadColumns, ...customPricedComponentColumns],
  groups: [couponGroup, customPricedComponentGroup],
  ...standardBase,
};
