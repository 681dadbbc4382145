// "Subscriptions - Create Subscriptions (standard)": one customer, one subscription, an optional payment profile.
import {
  column, componentColumns, componentGroup, contactColumns, couponGroup, customerSettingColumns, paymentProfileColumns,
  paymentProfileSection, renewalColumns, shippingColumns, statusColumns, subscriptionColumns, TRUE_ENABLES, use,
} from './columns.js';
import type { ColumnDefinition, TemplateDefinition } from './types.js';

/** Everything before the component group, shared with the custom-pricing variant. */
export const standardHeadColumns: ColumnDefinition[] = [
  ...statusColumns,
  ...renewalColumns,
  column('create_subscription', 'required', 'TRUE to create the subscription; enables validation of the row.', [use.trueFalse]),
  column('organization_name', 'optional', 'The organization name.'),
  column('customer_reference', 'optional', 'The unique customer value to assign the customer.', [use.noSpaces, use.unique]),
  ...contactColumns,
  ...shippingColumns,
  ...customerSettingColumns,
  ...paymentProfileColumns,
  ...subscriptionColumns,
];

const CUSTOM_FIELD_PREFIXES = ['custom_field_customer[', 'custom_field_subscription[', 'custom_field['];

export const standardBase = {
  customFieldPrefixes: CUSTOM_FIELD_PREFIXES,
  enabledWhen: TRUE_ENABLES('create_subscription'),
  sections: [paymentProfileSection],
  keyColumns: ['customer_reference', 'email'],
  rowRules: [],
  provides: [],
};

export const subscriptionsStandard: TemplateDefinition = {
  kind: 'subscriptions-standard',
  title: 'Subscriptions - Create Subscriptions (standard)',
  description: 'Customers and subscriptions, 1 customer : 1 subscription, with 1 optional payment profile.',
  columns: [...standardHeadColumns, ...componentColumns],
  groups: [couponGroup, componentGroup],
  ...standardBase,
};
