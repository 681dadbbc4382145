import { ruleTable } from './helpers.js';

const line = (attach: string) => ({ name: 'Line', quantity: '1', unit_price: '1', start_date: '2026-01-01', end_date: '2026-01-31', attach_to: attach });
ruleTable('attach-to', 'invoices', [
  { name: 'line items name invoices before or after them', rows: [line('I2'), { create_invoice: 'TRUE', id: 'I1', ...line('I1') }, { create_invoice: 'TRUE', id: 'I2' }], expected: [] },
  { name: 'an unknown invoice id', rows: [{ create_invoice: 'TRUE', id: 'I1' }, line('I9')], expected: [{ row: 3, column: 'attach_to' }] },
  { name: 'ids of rows that are not invoices do not count', rows: [{ create_invoice: 'FALSE', id: 'I1' }, line('I1')], expected: [{ row: 3, column: 'attach_to' }] },
]);
ruleTable('attach-to', 'products', [
  { name: 'a price point row attaching to a product of the file', rows: [{ attach_to: 'pro' }, { product_name: 'Pro', handle: 'pro', attach_to: 'pro' }], expected: [] },
  { name: 'or of the catalog', rows: [{ attach_to: 'legacy' }], options: { references: { product: ['legacy'] } }, expected: [] },
  { name: 'a product found nowhere is a warning', rows: [{ attach_to: 'legacy' }], expected: [{ row: 2, column: 'attach_to', messageId: 'notInFile' }] },
]);
ruleTable('attach-to', 'components', [
  { name: 'a component found nowhere is a warning', rows: [{ component_name: 'Seats', handle: 'seats', attach_to: 'seat' }], expected: [{ row: 2, column: 'attach_to', messageId: 'notInFile' }] },
]);
