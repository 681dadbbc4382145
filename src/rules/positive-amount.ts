// Balances that, when set, must be a plain number larger than 0 ("10.12", not "$10.12" or "0").
import { UNSIGNED_DECIMAL } from './values.js';
import type { Rule } from './types.js';

const NON_ZERO_DIGIT = /[1-9]/;

export const positiveAmount: Rule = {
  id: 'positive-amount',
  docs: 'When filled, a plain number larger than 0, without currency symbol (10.12).',
  scope: 'cell',
  messages: {
    notNumber: '{{column}} must be a plain number such as 10.12 (no currency symbol or comma), not "{{value}}".',
    notPositive: '{{column}} must be larger than 0; leave it blank when there is no balance.',
  },
  check(context) {
    const index = context.index;
    return {
      row(cells, record) {
        const value = cells[index] ?? '';
        if (value === '') return;
        // "-5" is a plain number, just not a positive one: say so rather than ask for a plain number.
        const negative = value.startsWith('-') && UNSIGNED_DECIMAL.test(value.slice(1));
        if (!UNSIGNED_DECIMAL.test(value) && !negative) context.report(cells, record, { messageId: 'notNumber' });
        else if (negative || !NON_ZERO_DIGIT.test(value)) context.report(cells, record, { messageId: 'notPositive' });
      },
    };
  },
};
