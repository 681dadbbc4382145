// VAT numbers in the documented format: a 2-letter country prefix then 2–13 letters or digits (DE123456789).
import type { Rule } from './types.js';

const VAT = /^[A-Z]{2}[0-9A-Z]{2,13}$/;

export const vatNumber: Rule = {
  id: 'vat-number',
  docs: 'When filled, a VAT number in a valid format: country prefix then digits/letters, no spaces (DE123456789).',
  scope: 'cell',
  messages: {
    invalid: '{{column}} "{{value}}" is not a valid VAT number format; write it like DE123456789 (country prefix, no spaces or dots).',
  },
  check(context) {
    const index = context.index;
    return {
      row(cells, record) {
        const value = (cells[index] ?? '').trim();
        if (value !== '' && !VAT.test(value)) context.report(cells, record, { messageId: 'invalid' });
      },
    };
  },
};
