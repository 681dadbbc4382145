// "Subscriptions - Create Subscriptions (advanced)": subscriptions attached to customers imported from
// the customers template, with hierarchies and groups (who_pays, invoice_type).
import {
  column, componentColumns, componentGroup, couponGroup, renewalColumns, statusColumns, subscriptionColumns, TRUE_ENABLES, use,
} from './columns.js';
import type { ColumnDefinition, TemplateDefinition } from './types.js';

export const advancedHeadColumns: ColumnDefinition[] = [
  ...statusColumns,
  ...renewalColumns,
  column('create_subscription', 'required', 'TRUE to create the subscription; enables validation of the row.', [use.trueFalse]),
  column('organization_name', 'optional', 'The organization name (read-only help, ignored on import).'),
  column('import_identifier_customer_reference', 'required', 'The reference of the customer the subscription belongs to.', [
    use.noSpaces,
    use.customerExists,
  ]),
  column('who_pays', 'required', 'The payer: self, parent or eldest.', [use.allowed('self', 'parent', 'eldest'), { rule: 'payer-has-parent' }]),
  column('invoice_type', 'required', 'normal or consolidated.', [use.allowed('normal', 'consolidated')]),
  column('align', 'optional', 'With a payer other than self and consolidated invoices: align billing dates (TRUE/FALSE).', [use.trueFalse]),
  column('receive_invoice_emails', 'required', 'TRUE or FALSE.', [use.trueFalse]),
  column('subscription_reference', 'optional', 'If used, unique for each subscription.', [use.noSpaces, use.unique]),
  ...subscriptionColumns,
];

export const advancedBase = {
  customFieldPrefixes: ['custom_field['],
  enabledWhen: TRUE_ENABLES('create_subscription'),
  sections: [],
  keyColumns: ['subscription_reference', 'import_identifier_customer_reference'],
  rowRules: [],
  // Invoices name a subscription by its reference (sub_reference).
  provides: [{ set: 'subscription' as const, column: 'subscription_reference' }],
};

export const subscriptionsAdvanced: TemplateDefinition = {
  kind: 'subscriptions-advanced',
  title: 'Subscriptions - Create Subscriptions (advanced)',
  description: 'Subscriptions for customers imported with the customers-advanced template.',
  columns: [...advancedHeadColumns, ...componentColumns],
  groups: [couponGroup, componentGroup],
  ...advancedBase,
};
