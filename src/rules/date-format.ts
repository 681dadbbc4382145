// Calendar dates written YYYY-MM-DD (a real day: no 2026-02-30); date-messages words what a cell is instead.
import { dateKey } from '../dates/index.js';
import { dateMessages, notADate } from './date-messages.js';
import type { Rule } from './types.js';

export const dateFormat: Rule = {
  id: 'date-format',
  docs: 'When filled, a real calendar date written YYYY-MM-DD. A day that does not exist (2027-02-30) is named as such; a date written another way (12/31/2027, 2027/12/31, 20271231) gets the YYYY-MM-DD date to write, or both readings when day and month could be either way round.',
  scope: 'cell',
  messages: dateMessages('2027-01-31'),
  check(context) {
    const index = context.index;
    return {
      row(cells, record) {
        const value = cells[index] ?? '';
        if (value !== '' && dateKey(value) === undefined) context.report(cells, record, notADate(value));
      },
    };
  },
};
