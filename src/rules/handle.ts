// API handles (products, components, price points, families): start with a letter, no spaces inside.
import type { Rule } from './types.js';

const HANDLE = /^[A-Za-z][^\s]*$/;

export const handle: Rule = {
  id: 'handle',
  docs: 'When filled, an API handle that starts with a letter and has no spaces (bronze-plan, pp_10_each).',
  scope: 'cell',
  messages: { invalid: '{{column}} "{{value}}" must start with a letter and contain no spaces (e.g. bronze-plan).' },
  check(context) {
    const index = context.index;
    return {
      row(cells, record) {
        const value = (cells[index] ?? '').trim();
        if (value !== '' && !HANDLE.test(value)) context.report(cells, record, { messageId: 'invalid' });
      },
    };
  },
};
