// How the date rules word a filled cell that is not a YYYY-MM-DD date: a day that does not exist says so,
// a date written another way names the date to write when it has one reading. Shared by every date rule.
import { explainDateMistake } from '../dates/index.js';
import type { ReportDescriptor } from './types.js';

/** The messages every date rule has; `example` is a date of the kind its columns take. */
export function dateMessages(example: string): Record<string, string> {
  return {
    invalid: `{{column}} must be a date written YYYY-MM-DD (e.g. ${example}), not "{{value}}".`,
    noSuchDay: '{{column}} "{{value}}" is a date that does not exist: {{why}}. Write a real date as YYYY-MM-DD.',
    writtenOtherwise: '{{column}} must be written YYYY-MM-DD, not "{{value}}": write {{date}} ({{how}}).',
    ambiguous: '{{column}} "{{value}}" could be {{monthFirst}} (month/day/year) or {{dayFirst}} (day/month/year): write the date you mean as YYYY-MM-DD.',
  };
}

/** The finding for a filled cell that is not a YYYY-MM-DD date, by what it most likely is. */
export function notADate(value: string): ReportDescriptor {
  const mistake = explainDateMistake(value);
  switch (mistake.kind) {
    case 'no-such-day':
      return { messageId: 'noSuchDay', data: { why: mistake.why } };
    case 'written-otherwise':
      return { messageId: 'writtenOtherwise', data: { date: mistake.date, how: mistake.how } };
    case 'ambiguous':
      return { messageId: 'ambiguous', data: { monthFirst: mistake.monthFirst, dayFirst: mistake.dayFirst } };
    case 'unreadable':
      return { messageId: 'invalid' };
  }
}
