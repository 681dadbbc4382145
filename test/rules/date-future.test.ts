import { ruleTable, STANDARD_ROW as R, CUSTOMER_ROW as C, CREDIT_CARD as CC } from './helpers.js';

ruleTable('date-future', 'subscriptions-standard', [
  { name: 'tomorrow or later', rows: [{ ...R, next_billing_at: '2026-11-24' }], expected: [] },
  { name: 'today, the past, and bad formats', rows: [{ ...R, next_billing_at: '2026-11-23' }, { ...R, next_billing_at: '2025-01-01' }, { ...R, next_billing_at: '2027-13-01' }], expected: [{ row: 2, column: 'next_billing_at', messageId: 'notFuture' }, { row: 3, column: 'next_billing_at', messageId: 'notFuture' }, { row: 4, column: 'next_billing_at', messageId: 'noSuchDay' }] },
  { name: 'dates written another way, and no date at all', rows: [{ ...R, next_billing_at: '12/31/2027' }, { ...R, next_billing_at: '03/04/2027' }, { ...R, next_billing_at: 'soon' }], expected: [{ row: 2, column: 'next_billing_at', messageId: 'writtenOtherwise' }, { row: 3, column: 'next_billing_at', messageId: 'ambiguous' }, { row: 4, column: 'next_billing_at', messageId: 'invalid' }] },
]);
void C; void CC;
