// Where the customers-advanced template's columns go in Advanced Billing (`migrate templates customers-advanced` prints it).
import { customerMapping, enabler, paymentProfileMapping, statusMapping, to, toolkit } from './vocabulary.js';
import type { MappingTable } from '../../column-mapping.js';

export const customersAdvancedMapping: MappingTable = {
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
