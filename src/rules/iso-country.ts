// Countries as 2-letter capital ISO 3166-1 codes (US, FR).
import { iso31661 } from 'iso-3166';
import type { Rule } from './types.js';

const COUNTRIES = new Set(iso31661.map((entry) => entry.alpha2));

export const isoCountry: Rule = {
  id: 'iso-country',
  docs: 'When filled, a country as its 2-letter capital ISO 3166-1 code (US for United States).',
  scope: 'cell',
  messages: { invalid: '{{column}} must be a 2-letter capital ISO country code (e.g. US, FR), not "{{value}}".' },
  check(context) {
    const index = context.index;
    return {
      row(cells, record) {
        const value = cells[index] ?? '';
        if (value !== '' && !COUNTRIES.has(value) && value.trim() !== '') context.report(cells, record, { messageId: 'invalid' });
      },
    };
  },
};
