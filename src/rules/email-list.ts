// A comma-separated list of at most 5 email addresses (cc_emails).
import { isEmailAddress } from './email.js';
import type { Rule } from './types.js';

const MAX_EMAILS = 5;

export const emailList: Rule = {
  id: 'email-list',
  docs: 'When filled, a comma-separated list of at most 5 valid email addresses.',
  scope: 'cell',
  messages: {
    invalid: '{{column}} contains "{{address}}", which is not a valid email address.',
    tooMany: '{{column}} lists {{count}} addresses; at most 5 are allowed.',
  },
  check(context) {
    const index = context.index;
    return {
      row(cells, record) {
        const value = (cells[index] ?? '').trim();
        if (value === '') return;
        const addresses = value.split(',').map((address) => address.trim());
        const bad = addresses.find((address) => !isEmailAddress(address));
        if (bad !== undefined) context.report(cells, record, { messageId: 'invalid', data: { address: bad } });
        else if (addresses.length > MAX_EMAILS)
          context.report(cells, record, { messageId: 'tooMany', data: { count: addresses.length } });
      },
    };
  },
};
