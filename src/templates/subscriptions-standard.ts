// "Subscriptions - Create Subscriptions (standard)": one customer, one subscription, an optional payment profile.
import {
  column, componentColumns, componentGroup, contactColumns, couponGroup, customerSettingColumns, paymentProfileColumns,
  paymentProfileSection, renewalColumns, shippingColumns, statusColumns, subscriptionColumns, TRUE_ENABLES, use,
} from './columns.js';
import {
  customerMapping, subscriptionHeadMapping, subscriptionMapping, subscriptionPaymentMapping, to, toMany, sent,
} from './mapping.js';
import type { ColumnDefinition, MappingTable, TemplateDefinition } from './types.js';

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

/** Where the standard columns go: one Create Subscription carries customer, profile and subscription. */
export function standardMapping(customPricing: boolean): MappingTable {
  const op = 'Create Subscription';
  return {
    ...subscriptionHeadMapping,
    ...customerMapping({ operation: op, prefix: 'subscription.customer_attributes.' }, ['locale']),
    customer_reference: toMany([sent(op, 'subscription.customer_attributes.reference')], 'also how a re-run finds the customer'),
    ...subscriptionPaymentMapping(),
    ...subscriptionMapping(customPricing),
    'custom_field_customer[Name]': to(op, 'subscription.customer_attributes.metafields.Name', 'the custom field must exist on the site'),
    'custom_field_subscription[Name]': to(op, 'subscription.metafields.Name', 'the custom field must exist on the site'),
    'custom_field[Name]': to(op, 'subscription.metafields.Name', 'the custom field must exist on the site'),
  };
}

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
  mapping: standardMapping(false),
};
