// Rule date-format: a filled cell is a real YYYY-MM-DD day; a cell that is not one gets the finding that
// says why (a day that does not exist, the date it most likely means, or both readings).
import { ruleTable } from './helpers.js';

const INVOICE = { create_invoice: 'TRUE', sub_reference: 's', id: 'I1', issue_date: '2026-01-01', due_date: '2026-01-31', attempt_charge: 'no' };
const due = (due_date: string) => ({ ...INVOICE, due_date });

ruleTable('date-format', 'invoices', [
  { name: 'valid: YYYY-MM-DD, a leap day, and blank (required says so)', rows: [INVOICE, due('2028-02-29'), { name: 'L', quantity: '1', unit_price: '1', start_date: '', end_date: '2026-01-31', attach_to: 'I1' }], expected: [] },
  {
    name: 'invalid: days that do not exist',
    rows: [due('2026-02-30'), due('2027-02-29'), due('2026-13-01'), due('02/30/2027')],
    expected: [2, 3, 4, 5].map((row) => ({ row, column: 'due_date', messageId: 'noSuchDay' })),
  },
  {
    name: 'invalid: dates with one reading name the date to write',
    rows: [due('12/31/2026'), due('31/12/2026'), due('2026-2-3'), due('2026/12/31'), due('20261231'), due('2026-12-31 00:00:00'), { name: 'L', quantity: '1', unit_price: '1', start_date: '2026-1-1', end_date: '2026-01-31', attach_to: 'I1' }],
    expected: [
      ...[2, 3, 4, 5, 6, 7].map((row) => ({ row, column: 'due_date', messageId: 'writtenOtherwise' })),
      { row: 8, column: 'start_date', messageId: 'writtenOtherwise' },
    ],
  },
  { name: 'invalid: day and month either way round', rows: [due('03/04/2027')], expected: [{ row: 2, column: 'due_date', messageId: 'ambiguous' }] },
  { name: 'invalid: nothing that reads as a date', rows: [due('Jan 31'), due('12/31/27'), due('13/13/2027')], expected: [2, 3, 4].map((row) => ({ row, column: 'due_date', messageId: 'invalid' })) },
]);
