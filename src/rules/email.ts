// A single email address in a valid format.
import type { Rule } from './types.js';

// The WHATWG "valid e-mail address" grammar, with at least one dot in the domain: one precompiled
// regular expression, cheap enough to run on every row of a million-row file.
const EMAIL =
  /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)+$/;

/** Shared with email-list: the document's "valid email address format". */
export function isEmailAddress(value: string): boolean {
  return EMAIL.test(value);
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
        if (value !== '' && !isEmailAddress(value)) context.report(cells, record, { messageId: 'invalid' });
      },
    };
  },
};
