import { ruleTable, STANDARD_ROW as R, CUSTOMER_ROW as C, CREDIT_CARD as CC } from './helpers.js';

ruleTable('date-past', 'subscriptions-standard', [
  { name: 'yesterday or earlier', rows: [{ ...R, previous_billing_at: '2026-11-22' }], expected: [] },
  { name: 'today or later, and bad formats', rows: [{ ...R, previous_billing_at: '2026-11-23' }, { ...R, previous_billing_at: '2026-12-01' }, { ...R, previous_billing_at: '22/11/2026' }], expected: [{ row: 2, column: 'previous_billing_at', messageId: 'notPast' }, { row: 3, column: 'previous_billing_at', messageId: 'notPast' }, { row: 4, column: 'previous_billing_at', messageId: 'writtenOtherwise' }] },
  { name: 'a day that does not exist, both readings, and no date at all', rows: [{ ...R, previous_billing_at: '2026-02-29' }, { ...R, previous_billing_at: '01/02/2026' }, { ...R, previous_billing_at: 'last month' }], expected: [{ row: 2, column: 'previous_billing_at', messageId: 'noSuchDay' }, { row: 3, column: 'previous_billing_at', messageId: 'ambiguous' }, { row: 4, column: 'previous_billing_at', messageId: 'invalid' }] },
  { name: 'judged against the given as-of date', rows: [{ ...R, previous_billing_at: '2026-11-23', next_billing_at: '2027-01-01' }], options: { asOf: '2026-11-24' }, expected: [] },
]);
const INVOICE = { create_invoice: 'TRUE', sub_reference: 's', id: 'I1', due_date: '2026-12-31', attempt_charge: 'no' };
ruleTable('date-past', 'invoices', [
  { name: 'an invoice may be issued today', rows: [{ ...INVOICE, issue_date: '2026-11-23' }], expected: [] },
  { name: 'but not tomorrow', rows: [{ ...INVOICE, issue_date: '2026-11-24' }], expected: [{ row: 2, column: 'issue_date' }] },
]);
void C; void CC;
