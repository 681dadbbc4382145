// Dates that must already have happened, judged against --as-of: yesterday or earlier
// (previous_billing_at), or today or earlier with `allowToday` (an invoice's issue_date).
import { dateKey, shiftedDateKey } from '../dates/index.js';
import { dateMessages, notADate } from './date-messages.js';
import type { Rule } from './types.js';

export const datePast: Rule = {
  id: 'date-past',
  docs: 'When filled, a YYYY-MM-DD date in the past relative to --as-of (yesterday or earlier); a cell not written as a real YYYY-MM-DD date is explained as for date-format.',
  scope: 'cell',
  messages: {
    ...dateMessages('2026-01-31'),
    notPast: '{{column}} must be {{limit}} (as of {{asOf}}), not {{value}}.',
  },
  check(context) {
    const index = context.index;
    const allowToday = context.options.allowToday === true;
    const latest = shiftedDateKey(context.asOf, allowToday ? 0 : -1);
    const data = { asOf: context.asOf, limit: allowToday ? 'today or earlier' : 'yesterday or earlier' };
    return {
      row(cells, record) {
        const value = cells[index] ?? '';
        if (value === '') return;
        const day = dateKey(value);
        if (day === undefined) context.report(cells, record, notADate(value));
        else if (day > latest) context.report(cells, record, { messageId: 'notPast', data });
      },
    };
  },
};
