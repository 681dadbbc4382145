// Calendar dates written YYYY-MM-DD (a real day: no 2026-02-30).
import { dateKey } from '../dates/index.js';
import type { Rule } from './types.js';

export const dateFormat: Rule = {
  id: 'date-format',
  docs: 'When filled, a real calendar date written YYYY-MM-DD.',
  scope: 'cell',
  messages: { invalid: '{{column}} must be a date written YYYY-MM-DD (e.g. 2027-01-31), not "{{value}}".' },
  check(context) {
    const index = context.index;
    return {
      row(cells, record) {
        const value = cells[index] ?? '';
        if (value !== '' && dateKey(value) === undefined) context.report(cells, record, { messageId: 'invalid' });
      },
    };
  },
};
