// An invoice's sub_reference against the subscription files of the run: unknown there is an error;
// with no subscription file giving references, a warning that the subscription must already be on the site.
import { ruleTable } from './helpers.js';

const INVOICE = { create_invoice: 'TRUE', sub_reference: 'sub-1', id: 'INV-1', issue_date: '2026-01-05', due_date: '2026-02-04', attempt_charge: 'no' };

ruleTable('subscription-exists', 'invoices', [
  { name: 'a subscription of the run', rows: [INVOICE], options: { references: { subscription: ['sub-1'] } }, expected: [] },
  { name: 'a subscription no file of the run has', rows: [{ ...INVOICE, sub_reference: 'sub-9' }], options: { references: { subscription: ['sub-1'] } }, expected: [{ row: 2, column: 'sub_reference', messageId: 'unknown' }] },
  { name: 'no subscription file in the run: the site must have it', rows: [INVOICE], expected: [{ row: 2, column: 'sub_reference', messageId: 'notInRun' }] },
  { name: 'line-item rows name no subscription', rows: [{ name: 'Setup', quantity: '1', unit_price: '10', start_date: '2026-01-01', end_date: '2026-01-31', attach_to: 'INV-1' }], options: { references: { subscription: ['sub-1'] } }, expected: [] },
]);
