// Card expiry years written with 4 digits (2027, not 27).
import type { Rule } from './types.js';

const YEAR = /^\d{4}$/;

export const fourDigitYear: Rule = {
  id: 'four-digit-year',
  docs: 'When filled, a 4-digit year (2027, not 27).',
  scope: 'cell',
  messages: { invalid: '{{column}} must be a 4-digit year (e.g. 2027), not "{{value}}".' },
  check(context) {
    const index = context.index;
    return {
      row(cells, record) {
        const value = cells[index] ?? '';
        if (value !== '' && !YEAR.test(value)) context.report(cells, record, { messageId: 'invalid' });
      },
    };
  },
};
