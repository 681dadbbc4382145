// The 3-letter ISO 4217 currency code (USD, EUR).
import currencyCodes from 'currency-codes';
import type { Rule } from './types.js';

const CODES = new Set(currencyCodes.codes());

export const currencyCode: Rule = {
  id: 'currency-code',
  docs: 'When filled, a 3-letter ISO 4217 currency code in capitals (USD, EUR).',
  scope: 'cell',
  messages: { invalid: '{{column}} must be a 3-letter currency code such as USD or EUR, not "{{value}}".' },
  check(context) {
    const index = context.index;
    return {
      row(cells, record) {
        const value = cells[index] ?? '';
        if (value !== '' && !CODES.has(value) && value.trim() !== '') context.report(cells, record, { messageId: 'invalid' });
      },
    };
  },
};
