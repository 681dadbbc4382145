// Last four digits of a card or account: exactly 4 digits, 0000–9999.
import type { Rule } from './types.js';

const FOUR_DIGITS = /^\d{4}$/;

export const lastFour: Rule = {
  id: 'last-four',
  docs: 'When filled, exactly 4 digits (0000-9999).',
  scope: 'cell',
  messages: {
    invalid: '{{column}} must be exactly 4 digits (0000-9999), not "{{value}}".',
    // A workbook cell stored as a number shows 42 for 0042: the zeros are gone from the file itself.
    number: '{{column}} is the number {{value}} in the workbook, which drops leading zeros: format the {{column}} column as Plain text (Excel: Format Cells › Text; Google Sheets: Format › Number › Plain text) and type the 4 digits again.',
  },
  check(context) {
    const index = context.index;
    return {
      row(cells, record) {
        const value = cells[index] ?? '';
        if (value !== '' && !FOUR_DIGITS.test(value)) context.report(cells, record, { messageId: record.numbers?.includes(index) ? 'number' : 'invalid' });
      },
    };
  },
};
