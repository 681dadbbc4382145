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

const product = { product_name: 'Basic', handle: 'basic', attach_to: 'basic', price_point_name: 'Monthly', price_point_handle: 'basic-monthly', price: '10', month_or_day: 'month' };
const withPrices = (prices: Record<string, string>) => ({ ...product, renew_every: '1', ...prices });
const trial = { trial_price: '0', trial_month_or_day: 'day', trial_type: 'no_obligation' };
// Intervals end up in date arithmetic (the API documents no limit): 1 to 36500, 100 years in days.
ruleTable('integer-range', 'products', [
  {
    name: 'intervals from 1 to 36500',
    rows: [withPrices({ renew_every: '36500' }), withPrices({ ...trial, trial_interval: '36500' }), withPrices({ expiration_interval: '1', expiration_month_or_day: 'day' })],
    expected: [],
  },
  {
    name: 'intervals past 36500, below 1 or not whole',
    rows: [
      withPrices({ renew_every: '100000000' }),
      withPrices({ renew_every: '36501' }),
      withPrices({ ...trial, trial_interval: '0' }),
      withPrices({ expiration_interval: '99999999', expiration_month_or_day: 'month' }),
      withPrices({ renew_every: '1e8' }),
    ],
    expected: [
      { row: 2, column: 'renew_every', messageId: 'outOfRange' },
      { row: 3, column: 'renew_every', messageId: 'outOfRange' },
      { row: 4, column: 'trial_interval', messageId: 'outOfRange' },
      { row: 5, column: 'expiration_interval', messageId: 'outOfRange' },
      { row: 6, column: 'renew_every', messageId: 'notInteger' },
    ],
  },
]);

describe('rule integer-range messages', () => {
  const messagesOf = (kind: string, row: Record<string, string>): string[] =>
    runRows(kind, [row]).filter((f) => f.rule === 'integer-range').map((f) => f.message);
  it('names both bounds of an interval', () => {
    expect(messagesOf('products', withPrices({ renew_every: '100000000' }))).toEqual(['renew_every must be from 1 to 36500, not 100000000.']);
    expect(messagesOf('products', withPrices({ renew_every: '1.5' }))).toEqual(['renew_every must be a whole number from 1 to 36500, not "1.5".']);
  });
  it('names only the lower bound where there is no upper one (a segment metric id)', () => {
    const segment = { component_name: 'Events', component_handle: 'events', pricepoint_handle: 'original', property_1: 'eu', pricing_scheme: 'per_unit', per_unit_price: '1' };
    expect(messagesOf('ebb-segments', { ...segment, metric_id: '0' })).toEqual(['metric_id must be 1 or more, not 0.']);
    expect(messagesOf('ebb-segments', { ...segment, metric_id: '1.5' })).toEqual(['metric_id must be a whole number, 1 or more, not "1.5".']);
    expect(messagesOf('ebb-segments', { ...segment, metric_id: '99999999' })).toEqual([]);
  });
});
