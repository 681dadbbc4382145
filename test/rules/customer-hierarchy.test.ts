import { CUSTOMER_ROW as C, ruleTable } from './helpers.js';

const cust = (reference: string, type: string, parent = '') => ({
  ...C,
  import_identifier_customer_reference: reference,
  customer_type: type,
  has_parent: parent === '' ? 'FALSE' : 'TRUE',
  parent_reference: parent,
});
ruleTable('customer-hierarchy', 'customers-advanced', [
  { name: 'grandparent, parent, child (in any order)', rows: [cust('kid', 'child', 'mom'), cust('mom', 'parent', 'gran'), cust('gran', 'grandparent'), cust('solo', 'parent')], expected: [] },
  { name: 'a parent that is not in the file', rows: [cust('kid', 'child', 'nobody')], expected: [{ row: 2, column: 'parent_reference', messageId: 'parentMissing' }] },
  { name: 'a child under a grandparent, a parent under a parent', rows: [cust('gran', 'grandparent'), cust('kid', 'child', 'gran'), cust('p1', 'parent'), cust('p2', 'parent', 'p1')], expected: [{ row: 3, column: 'parent_reference', messageId: 'wrongParentType' }, { row: 5, column: 'parent_reference', messageId: 'wrongParentType' }] },
  { name: 'normal and grandparent customers have no parent', rows: [cust('gran', 'grandparent'), cust('n', 'normal', 'gran')], expected: [{ row: 3, column: 'has_parent', messageId: 'noParentAllowed' }] },
  { name: 'a child without a parent', rows: [cust('kid', 'child')], expected: [{ row: 2, column: 'has_parent', messageId: 'childNeedsParent' }] },
  { name: 'parent_reference without has_parent', rows: [cust('mom', 'parent'), { ...cust('kid', 'child'), parent_reference: 'mom' }], expected: [{ row: 3, column: 'has_parent', messageId: 'referenceWithoutFlag' }] },
  {
    name: 'a cycle',
    rows: [cust('a', 'child', 'b'), cust('b', 'child', 'a')],
    expected: [
      { row: 2, column: 'parent_reference', messageId: 'wrongParentType' },
      { row: 2, column: 'parent_reference', messageId: 'cycle' },
      { row: 3, column: 'parent_reference', messageId: 'wrongParentType' },
      { row: 3, column: 'parent_reference', messageId: 'cycle' },
    ],
  },
]);
