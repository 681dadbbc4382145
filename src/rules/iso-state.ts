// States and provinces as 2-letter capital ISO codes (CA, NY).
import type { Rule } from './types.js';

const STATE = /^[A-Z]{2}$/;

export const isoState: Rule = {
  id: 'iso-state',
  docs: 'When filled, a state or province as its 2-letter capital ISO code (CA for California).',
  scope: 'cell',
  messages: { invalid: '{{column}} must be a 2-letter capital ISO code (e.g. CA for California), not "{{value}}".' },
  check(context) {
    const index = context.index;
    return {
      row(cells, record) {
        const value = cells[index] ?? '';
        if (value !== '' && !STATE.test(value) && value.trim() !== '') context.report(cells, record, { messageId: 'invalid' });
      },
    };
  },
};
