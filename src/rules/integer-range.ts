// Whole numbers within a range: net terms 0–180, percentages 1–100, months 1–12, intervals 1–36500.
import { INTEGER } from './values.js';
import type { Rule } from './types.js';

export const integerRange: Rule = {
  id: 'integer-range',
  docs:
    'When filled, a whole number within the range the template gives (net_terms 0-180, percentage 1-100; renew_every, trial_interval, expiration_interval and expire_after 1-36500: the API documents no limit, this is 100 years in days).',
  scope: 'cell',
  messages: {
    notInteger: '{{column}} must be a whole number from {{min}} to {{max}}, not "{{value}}".',
    outOfRange: '{{column}} must be from {{min}} to {{max}}, not {{value}}.',
    notIntegerAtLeast: '{{column}} must be a whole number, {{min}} or more, not "{{value}}".',
    belowMin: '{{column}} must be {{min}} or more, not {{value}}.',
  },
  check(context) {
    const min = (context.options.min as number | undefined) ?? 0;
    const max = context.options.max as number | undefined;
    // Without an upper bound (a segment's metric_id) the message names only the lower one.
    const data = { min, max: max ?? '' };
    const notInteger = max === undefined ? 'notIntegerAtLeast' : 'notInteger';
    const outOfRange = max === undefined ? 'belowMin' : 'outOfRange';
    const index = context.index;
    return {
      row(cells, record) {
        const value = cells[index] ?? '';
        if (value === '') return;
        if (!INTEGER.test(value)) {
          context.report(cells, record, { messageId: notInteger, data });
          return;
        }
        const number = Number(value);
        if (number < min || (max !== undefined && number > max)) context.report(cells, record, { messageId: outOfRange, data });
      },
    };
  },
};
