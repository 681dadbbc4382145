// Invoice language: `aa` or `aa-BB` (fr, fr-CA).
import type { Rule } from './types.js';

const LOCALE = /^[a-z]{2}(-[A-Z]{2})?$/;

export const locale: Rule = {
  id: 'locale',
  docs: 'When filled, a locale written aa or aa-BB (fr, fr-CA).',
  scope: 'cell',
  messages: { invalid: '{{column}} must look like aa or aa-BB (e.g. fr or fr-CA), not "{{value}}".' },
  check(context) {
    const index = context.index;
    return {
      row(cells, record) {
        const value = cells[index] ?? '';
        if (value !== '' && !LOCALE.test(value) && value.trim() !== '') context.report(cells, record, { messageId: 'invalid' });
      },
    };
  },
};
