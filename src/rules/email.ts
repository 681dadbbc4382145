// A single email address in a valid format.
import validator from 'validator';

const { isEmail } = validator;
import type { Rule } from './types.js';

/** Shared with email-list: the document's "valid email address format". */
export function isEmailAddress(value: string): boolean {
  return isEmail(value);
}

export const email: Rule = {
  id: 'email',
  docs: 'When filled, the value is an email address in a valid format.',
  scope: 'cell',
  messages: { invalid: '{{column}} "{{value}}" is not a valid email address.' },
  check(context) {
    const index = context.index;
    return {
      row(cells, record) {
        const value = (cells[index] ?? '').trim();
        if (value !== '' && !isEmail(value)) context.report(cells, record, { messageId: 'invalid' });
      },
    };
  },
};
