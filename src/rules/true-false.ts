// TRUE/FALSE fields: exactly TRUE or FALSE, as the spreadsheet's checkboxes write them.
import type { Rule } from './types.js';

export const trueFalse: Rule = {
  id: 'true-false',
  docs: 'When filled, the value is TRUE or FALSE (capital letters).',
  scope: 'cell',
  messages: { notBoolean: '{{column}} must be TRUE or FALSE, not "{{value}}".' },
  check(context) {
    const index = context.index;
    return {
      row(cells, record) {
        const value = cells[index] ?? '';
        if (value === '' || value === 'TRUE' || value === 'FALSE' || value.trim() === '') return;
        context.report(cells, record, { messageId: 'notBoolean' });
      },
    };
  },
};
