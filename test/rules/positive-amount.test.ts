import { describe, expect, it } from 'vitest';
import { ruleTable, runRows, STANDARD_ROW as R, CUSTOMER_ROW as C, CREDIT_CARD as CC } from './helpers.js';

ruleTable('positive-amount', 'subscriptions-standard', [
  { name: 'numbers larger than 0', rows: [{ ...R, service_credit_balance: '10.12', prepayment_balance: '0.01' }], expected: [] },
  { name: 'zero, negative and symbols', rows: [{ ...R, service_credit_balance: '0.00' }, { ...R, prepayment_balance: '-5' }, { ...R, prepayment_balance: '$10.12' }], expected: [{ row: 2, column: 'service_credit_balance', messageId: 'notPositive' }, { row: 3, column: 'prepayment_balance', messageId: 'notPositive' }, { row: 4, column: 'prepayment_balance', messageId: 'notNumber' }] },
  {
    name: 'no more decimals than the row currency has (the importer sends minor units)',
    rows: [
      { ...R, prepayment_balance: '7.999' },
      { ...R, service_credit_balance: '7.990' },
      { ...R, currency: 'JPY', service_credit_balance: '5.5' },
      { ...R, currency: 'BHD', service_credit_balance: '5.125' },
      { ...R, currency: 'XXQ', service_credit_balance: '5.125' },
    ],
    expected: [{ row: 2, column: 'prepayment_balance', messageId: 'tooManyDecimals' }, { row: 4, column: 'service_credit_balance', messageId: 'tooManyDecimals' }],
  },
]);
void C; void CC;

describe('rule positive-amount messages', () => {
  it('says a negative amount must be larger than 0, not that it is not a number', () => {
    const messages = runRows('subscriptions-standard', [{ ...R, service_credit_balance: '-5.00' }]).filter((f) => f.rule === 'positive-amount').map((f) => f.message);
    expect(messages).toEqual(['service_credit_balance must be larger than 0; leave it blank when there is no balance.']);
  });
});
