// A required column must have a value on every enabled row (blank or only spaces is missing).
import type { Rule } from './types.js';

export const required: Rule = {
  id: 'required',
  docs: 'The column must have a value on every validated row.',
  scope: 'cell',
  messages: { missing: '{{column}} is required; fill it in.' },
  check(context) {
    const index = context.index;
    return {
      row(cells, record) {
        const value = cells[index];
        if (value === undefined || value.trim() === '') context.report(cells, record, { messageId: 'missing' });
      },
    };
  },
};
