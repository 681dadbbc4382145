// Where the customers-advanced template's columns go on ChartMogul (`migrate templates customers-advanced --system chartmogul` prints it).
import type { MappingTable } from '../../column-mapping.js';
import { allNotApplicable, customAttribute, customerMapping, enabler, NO_HIERARCHY, statusMapping } from './vocabulary.js';

export const customersAdvancedMapping: MappingTable = {
  ...statusMapping,
  create_customer: enabler('creates the customer (and enables the row)'),
  ...customerMapping('import_identifier_customer_reference', 'also the reference subscriptions find the customer by'),
  ...allNotApplicable(['customer_type', 'has_parent', 'parent_name', 'parent_reference'], NO_HIERARCHY),
  'custom_field[Name]': customAttribute,
};
