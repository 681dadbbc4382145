// Last four digits of a card or account: exactly 4 digits, 0000–9999.
import type { Rule } from './types.js';

const FOUR_DIGITS = /^\d{4}$/;

export const lastFour: Rule = {
  id: 'last-four',
  docs: 'When filled, exactly 4 digits (0000-9999).',
  scope: 'cell',
  messages: { invalid: '{{column}} must be exactly 4 digits (0000-9999), not "{{value}}".' },
  check(context) {
    const index = context.index;
    return {
      row(cells, record) {
        const value = cells[index] ?? '';
        if (value !== '' && !FOUR_DIGITS.test(value)) context.report(cells, record, { messageId: 'invalid' });
      },
    };
  },
};
