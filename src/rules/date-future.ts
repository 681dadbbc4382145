// Dates that must lie ahead, judged against --as-of: tomorrow or later (next_billing_at).
import { dateKey, shiftedDateKey } from '../dates/index.js';
import { dateMessages, notADate } from './date-messages.js';
import type { Rule } from './types.js';

export const dateFuture: Rule = {
  id: 'date-future',
  docs: 'When filled, a YYYY-MM-DD date in the future relative to --as-of (tomorrow or later); a cell not written as a real YYYY-MM-DD date is explained as for date-format.',
  scope: 'cell',
  messages: {
    ...dateMessages('2027-01-31'),
    notFuture: '{{column}} must be tomorrow or later (as of {{asOf}}), not {{value}}.',
  },
  check(context) {
    const index = context.index;
    const earliest = shiftedDateKey(context.asOf, 1);
    const data = { asOf: context.asOf };
    return {
      row(cells, record) {
        const value = cells[index] ?? '';
        if (value === '') return;
        const day = dateKey(value);
        if (day === undefined) context.report(cells, record, notADate(value));
        else if (day < earliest) context.report(cells, record, { messageId: 'notFuture', data });
      },
    };
  },
};
