// "Customers - Create Customers (advanced)": customers (with hierarchies) imported before their subscriptions.
import {
  column, contactColumns, customerSettingColumns, paymentProfileColumns, paymentProfileSection, shippingColumns, statusColumns,
  TRUE_ENABLES, is, use,
} from './columns.js';
import type { TemplateDefinition } from './types.js';

const columns = [
  ...statusColumns,
  column('create_customer', 'required', 'TRUE to create the customer; enables validation of the row.', [use.trueFalse]),
  column('organization_name', 'optional', 'The organization name.'),
  column('import_identifier_customer_reference', 'required', 'The unique customer reference, used by subscriptions.', [
    use.noSpaces,
    use.uniqueAcrossFiles('customer'),
  ]),
  column('customer_type', 'required', 'normal, child, parent or grandparent.', [use.allowed('normal', 'child', 'parent', 'grandparent')]),
  column('has_parent', 'required', 'TRUE for a child or parent that has a parent or grandparent.', [use.trueFalse]),
  column('parent_name', 'optional', 'The parent organization name (help only).'),
  column('parent_reference', 'conditional', 'The parent customer reference; required if has_parent is TRUE.', [
    use.requiredIf(is('has_parent', 'TRUE')),
    use.noSpaces,
  ]),
  ...contactColumns,
  ...shippingColumns,
  ...customerSettingColumns,
  ...paymentProfileColumns,
];


export const customersAdvanced: TemplateDefinition = {
  kind: 'customers-advanced',
  title: 'Customers - Create Customers (advanced)',
  description: 'Customers, customer hierarchies and their payment profiles, imported before advanced subscriptions.',
  columns,
  groups: [],
  customFieldPrefixes: ['custom_field['],
  enabledWhen: TRUE_ENABLES('create_customer'),
  sections: [paymentProfileSection],
  keyColumns: ['import_identifier_customer_reference'],
  rowRules: [{ rule: 'customer-hierarchy' }],
  provides: [
    { set: 'customer', column: 'import_identifier_customer_reference' },
    { set: 'customer-with-parent', column: 'import_identifier_customer_reference', when: [is('has_parent', 'TRUE')] },
  ],
};
