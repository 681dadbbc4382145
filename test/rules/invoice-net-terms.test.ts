import { ruleTable } from './helpers.js';

const INVOICE = { create_invoice: 'TRUE', sub_reference: 's', id: 'I1', attempt_charge: 'no', issue_date: '2026-09-01', due_date: '2026-10-01' };
ruleTable('invoice-net-terms', 'invoices', [
  { name: 'matching or blank net_terms', rows: [{ ...INVOICE, net_terms: '30' }, { ...INVOICE, id: 'I2' }], expected: [] },
  { name: 'a net_terms that does not match the dates', rows: [{ ...INVOICE, net_terms: '15' }], expected: [{ row: 2, column: 'net_terms', messageId: 'mismatch' }] },
  { name: 'due before issue', rows: [{ ...INVOICE, due_date: '2026-08-01' }], expected: [{ row: 2, column: 'due_date', messageId: 'dueBeforeIssue' }] },
]);
