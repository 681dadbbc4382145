import { describe, expect, it } from 'vitest';
import { ruleTable, runRows, STANDARD_ROW as R, CUSTOMER_ROW as C, CREDIT_CARD as CC } from './helpers.js';

ruleTable('integer-range', 'subscriptions-standard', [
  { name: 'net terms 0 and 180, month 1 and 12', rows: [{ ...R, net_terms: '0' }, { ...R, net_terms: '180' }, { ...R, ...CC, exp_month: '01' }], expected: [] },
  { name: 'out of range or not whole', rows: [{ ...R, net_terms: '181' }, { ...R, net_terms: '30.5' }, { ...R, ...CC, exp_month: '13' }], expected: [{ row: 2, column: 'net_terms', messageId: 'outOfRange' }, { row: 3, column: 'net_terms', messageId: 'notInteger' }, { row: 4, column: 'exp_month', messageId: 'outOfRange' }] },
]);
ruleTable('integer-range', 'coupons', [
  { name: 'percentages 1 to 100', rows: [{ name: 'a', percentage_discount: '0' }, { name: 'b', percentage_discount: '100' }, { name: 'c', percentage_discount: '12.5' }], expected: [{ row: 2, column: 'percentage_discount' }, { row: 4, column: 'percentage_discount' }] },
]);
void C;

describe('rule integer-range without an upper bound (products renew_every)', () => {
  const product = { product_name: 'Basic', handle: 'basic', attach_to: 'basic', price_point_name: 'Monthly', price_point_handle: 'basic-monthly', price: '10', month_or_day: 'month' };
  const messagesFor = (renewEvery: string): string[] =>
    runRows('products', [{ ...product, renew_every: renewEvery }]).filter((f) => f.rule === 'integer-range').map((f) => f.message);
  it('names only the lower bound', () => {
    expect(messagesFor('0')).toEqual(['renew_every must be 1 or more, not 0.']);
    expect(messagesFor('1.5')).toEqual(['renew_every must be a whole number, 1 or more, not "1.5".']);
    expect(messagesFor('9999999')).toEqual([]);
  });
});
