// "Customers - Create Customers (advanced)": customers (with hierarchies) imported before their subscriptions.
import {
  column, contactColumns, customerSettingColumns, paymentProfileColumns, paymentProfileSection, shippingColumns, statusColumns,
  TRUE_ENABLES, is, use,
} from './columns.js';
import { customerMapping, enabler, paymentProfileMapping, statusMapping, to, toolkit } from './mapping.js';
import type { MappingTable, TemplateDefinition } from './types.js';

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

const mapping = {
  ...statusMapping,
  create_customer: enabler('creates the customer (and enables the row)'),
  ...customerMapping({ operation: 'Create Customer', prefix: 'customer.' }, ['verified']),
  import_identifier_customer_reference: to('Create Customer', 'customer.reference', 'also the reference subscriptions and child customers find it by'),
  customer_type: toolkit('checked by the customer-hierarchy rule; not sent (the hierarchy is made by parent_reference)'),
  has_parent: toolkit('row enabler of parent_reference; not sent'),
  parent_name: toolkit('help only: not sent'),
  parent_reference: to('Create Customer', 'customer.parent_id', 'reference used to find the parent customer; its id is sent'),
  ...paymentProfileMapping(),
  'custom_field[Name]': to('Create Metadata', 'metadata[].value (name: Name), on the customer', 'the custom field must exist on the site'),
};

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
  mapping,
  provides: [
    { set: 'customer', column: 'import_identifier_customer_reference' },
    { set: 'customer-with-parent', column: 'import_identifier_customer_reference', when: [is('has_parent', 'TRUE')] },
  ],
};
