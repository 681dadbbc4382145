import { ruleTable } from './helpers.js';

const line = (attach: string) => ({ name: 'Line', quantity: '1', unit_price: '1', start_date: '2026-01-01', end_date: '2026-01-31', attach_to: attach });
ruleTable('attach-to', 'invoices', [
  { name: 'line items name invoices before or after them', rows: [line('I2'), { create_invoice: 'TRUE', id: 'I1', ...line('I1') }, { create_invoice: 'TRUE', id: 'I2' }], expected: [] },
  { name: 'an unknown invoice id', rows: [{ create_invoice: 'TRUE', id: 'I1' }, line('I9')], expected: [{ row: 3, column: 'attach_to' }] },
  { name: 'ids of rows that are not invoices do not count', rows: [{ create_invoice: 'FALSE', id: 'I1' }, line('I1')], expected: [{ row: 3, column: 'attach_to' }] },
]);
