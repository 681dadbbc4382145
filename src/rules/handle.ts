// API handles (products, components, price points, families): start with a letter (the document),
// then only what the API accepts — lowercase letters, digits, `-`, `_` and `:` — so a handle that
// validates is never refused on import ("API Handle: … may only contain lowercase letters …").
import type { Rule } from './types.js';

const HANDLE = /^[a-z][a-z0-9_:-]*$/;

export const handle: Rule = {
  id: 'handle',
  docs: 'When filled, an API handle: a lowercase letter, then lowercase letters, digits, -, _ or : (bronze-plan, pp_10_each).',
  scope: 'cell',
  messages: {
    invalid: '{{column}} "{{value}}" must start with a lowercase letter and contain only lowercase letters, digits, -, _ or : (e.g. bronze-plan).',
  },
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
