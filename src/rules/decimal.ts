// Money and quantities the importer and pricing read: a plain decimal number (no symbol, no decimal
// comma), not negative unless the column allows it (invoice line discounts).
import { DECIMAL, UNSIGNED_DECIMAL } from './values.js';
import type { Rule } from './types.js';

export const decimal: Rule = {
  id: 'decimal',
  docs: 'When filled, a plain decimal number such as 10.50 (no currency symbol, thousands separator or decimal comma).',
  scope: 'cell',
  messages: {
    notNumber: '{{column}} must be a plain number such as 10.50 (no currency symbol, thousands separator or decimal comma), not "{{value}}".',
    negative: '{{column}} cannot be negative ({{value}}).',
  },
  check(context) {
    const index = context.index;
    const allowNegative = context.options.allowNegative === true;
    return {
      row(cells, record) {
        const value = cells[index] ?? '';
        if (value === '' || UNSIGNED_DECIMAL.test(value)) return;
        if (DECIMAL.test(value)) {
          if (!allowNegative) context.report(cells, record, { messageId: 'negative' });
          return;
        }
        if (value.trim() !== '') context.report(cells, record, { messageId: 'notNumber' });
      },
    };
  },
};
