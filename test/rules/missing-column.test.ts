import { blankHeader } from '../../src/templates/header.js';
import { getTemplate } from '../../src/templates/index.js';
import { ruleTable, STANDARD_ROW as R } from './helpers.js';

const header = blankHeader(getTemplate('subscriptions-standard'));
ruleTable('missing-column', 'subscriptions-standard', [
  { name: 'a complete header', rows: [R], expected: [] },
  {
    name: 'an absent required column is reported once at row 1',
    rows: [R, R],
    options: { header: header.filter((name) => name !== 'currency' && name !== 'vault_token') },
    expected: [{ row: 1, column: 'vault_token' }, { row: 1, column: 'currency' }],
  },
]);
