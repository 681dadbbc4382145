// The cell, when filled, is one of the values the document allows (exact spelling).
import type { Rule } from './types.js';

export const allowedValues: Rule = {
  id: 'allowed-values',
  docs: 'When filled, the value is one of the values the template allows, spelled exactly.',
  scope: 'cell',
  messages: { notAllowed: '{{column}} cannot be "{{value}}"; use one of: {{allowed}}.' },
  check(context) {
    const values = context.options.values as string[];
    const allowedSet = new Set(values);
    const allowed = values.join(', ');
    const index = context.index;
    return {
      row(cells, record) {
        const value = cells[index] ?? '';
        if (value === '' || allowedSet.has(value)) return;
        if (value.trim() === '') return;
        context.report(cells, record, { messageId: 'notAllowed', data: { allowed } });
      },
    };
  },
};
