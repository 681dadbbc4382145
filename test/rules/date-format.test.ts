import { ruleTable, STANDARD_ROW as R, CUSTOMER_ROW as C, CREDIT_CARD as CC } from './helpers.js';

const INVOICE = { create_invoice: 'TRUE', sub_reference: 's', id: 'I1', issue_date: '2026-01-01', due_date: '2026-01-31', attempt_charge: 'no' };
ruleTable('date-format', 'invoices', [
  { name: 'YYYY-MM-DD', rows: [INVOICE], expected: [] },
  { name: 'other formats and impossible days', rows: [{ ...INVOICE, due_date: '01/31/2026' }, { ...INVOICE, due_date: '2026-02-30' }, { name: 'L', quantity: '1', unit_price: '1', start_date: '2026-1-1', end_date: '2026-01-31', attach_to: 'I1' }], expected: [{ row: 2, column: 'due_date' }, { row: 3, column: 'due_date' }, { row: 4, column: 'start_date' }] },
]);
void R; void C; void CC;
