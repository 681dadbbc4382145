import { ruleTable, STANDARD_ROW as R, CUSTOMER_ROW as C, CREDIT_CARD as CC } from './helpers.js';
import { runRows } from './helpers.js';
import { expect, it } from 'vitest';

ruleTable('unknown-column', 'subscriptions-standard', [
  { name: 'template columns and custom fields are known', rows: [{ ...R, 'custom_field_customer[Region]': 'EU', 'custom_field_subscription[Plan Id]': '7', 'custom_field[Other]': 'x' }], expected: [] },
  { name: 'an undocumented column is a warning at row 1', rows: [{ ...R, emial: 'x' }], expected: [{ row: 1, column: 'emial' }] },
]);
it('unknown-column findings are warnings', () => {
  expect(runRows('subscriptions-standard', [{ ...R, colour: 'red' }]).map((f) => f.severity)).toEqual(['warning']);
});
void C; void CC;
