// "Subscriptions - Create Subscriptions (advanced)": subscriptions attached to customers imported from
// the customers template, with hierarchies and groups (who_pays, invoice_type).
import {
  column, componentColumns, componentGroup, couponGroup, renewalColumns, statusColumns, subscriptionColumns, TRUE_ENABLES, use,
} from './columns.js';
import { subscriptionHeadMapping, subscriptionMapping, to, toolkit, BOOLEAN } from './mapping.js';
import type { ColumnDefinition, MappingTable, TemplateDefinition } from './types.js';

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

/** Where the advanced columns go: the customer exists already (customers-advanced), the row makes its subscription. */
export function advancedMapping(customPricing: boolean): MappingTable {
  const op = 'Create Subscription';
  return {
    ...subscriptionHeadMapping,
    organization_name: toolkit("help only: not sent (the customer's organization comes from customers-advanced)"),
    import_identifier_customer_reference: to(op, 'subscription.customer_id', 'reference used to find the customer; its id is sent (and, when who_pays is self, its payment profile as subscription.payment_profile_id)'),
    who_pays: to(op, 'subscription.group.target.type', 'parent or eldest (self with normal invoices sends no group)'),
    invoice_type: to(op, 'subscription.group', 'consolidated sends subscription.group.billing (a self-paid subscription gets a group too)'),
    align: to(op, 'subscription.group.billing.align_date', `${BOOLEAN}; consolidated invoices only, default TRUE`),
    receive_invoice_emails: to(op, 'subscription.receives_invoice_emails', BOOLEAN),
    subscription_reference: to(op, 'subscription.reference', 'also how a re-run finds the subscription'),
    ...subscriptionMapping(customPricing),
    'custom_field[Name]': to(op, 'subscription.metafields.Name', 'the custom field must exist on the site'),
  };
}

export const advancedBase = {
  customFieldPrefixes: ['custom_field['],
  enabledWhen: TRUE_ENABLES('create_subscription'),
  sections: [],
  keyColumns: ['subscription_reference', 'import_identifier_customer_reference'],
  rowRules: [],
  provides: [],
};

export const subscriptionsAdvanced: TemplateDefinition = {
  kind: 'subscriptions-advanced',
  title: 'Subscriptions - Create Subscriptions (advanced)',
  description: 'Subscriptions for customers imported with the customers-advanced template.',
  columns: [...advancedHeadColumns, ...componentColumns],
  groups: [couponGroup, componentGroup],
  ...advancedBase,
  mapping: advancedMapping(false),
};
