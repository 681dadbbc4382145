import { ruleTable, STANDARD_ROW as R, CUSTOMER_ROW as C, CREDIT_CARD as CC } from './helpers.js';

ruleTable('locale', 'subscriptions-standard', [
  { name: 'aa and aa-BB', rows: [{ ...R, locale: 'fr' }, { ...R, locale: 'fr-CA' }], expected: [] },
  { name: 'other shapes', rows: [{ ...R, locale: 'FR' }, { ...R, locale: 'fr_CA' }, { ...R, locale: 'french' }], expected: [{ row: 2, column: 'locale' }, { row: 3, column: 'locale' }, { row: 4, column: 'locale' }] },
]);
void C; void CC;
