import { ruleTable, STANDARD_ROW as R } from './helpers.js';

ruleTable('true-false', 'subscriptions-standard', [
  { name: 'TRUE and FALSE', rows: [{ ...R, tax_exempt: 'TRUE', verified: 'FALSE' }], expected: [] },
  // One reading with the importer (readTrueFalse): the letter case and surrounding spaces do not matter.
  { name: 'any letter case, spaces around', rows: [{ ...R, tax_exempt: 'true', verified: ' False ' }], expected: [] },
  { name: 'a lower-case true enables the row and is accepted', rows: [{ ...R, create_subscription: 'true' }], expected: [] },
  {
    name: 'other spellings are not guessed at',
    rows: [{ ...R, tax_exempt: 'yes' }, { ...R, verified: '1' }, { ...R, tax_exempt: 'WAHR' }, { ...R, create_payment_profile: 'x' }],
    expected: [{ row: 2, column: 'tax_exempt' }, { row: 3, column: 'verified' }, { row: 4, column: 'tax_exempt' }, { row: 5, column: 'create_payment_profile' }],
  },
]);
