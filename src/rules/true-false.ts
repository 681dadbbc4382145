// TRUE/FALSE fields, read as the importer reads them (readTrueFalse): TRUE or FALSE in any letter case.
import { readTrueFalse } from './values.js';
import type { Rule } from './types.js';

export const trueFalse: Rule = {
  id: 'true-false',
  docs: 'When filled, the value is TRUE or FALSE (any letter case; Yes, 1, x or WAHR are not accepted).',
  scope: 'cell',
  messages: { notBoolean: '{{column}} must be TRUE or FALSE, not "{{value}}".' },
  check(context) {
    const index = context.index;
    return {
      row(cells, record) {
        if (readTrueFalse(cells[index]) === 'invalid') context.report(cells, record, { messageId: 'notBoolean' });
      },
    };
  },
};
