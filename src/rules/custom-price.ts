// Custom per-unit component prices: a number with at most 8 decimals, no currency symbol, and a
// decimal point even where the currency writes a comma (5.55, not 5,55).
import { UNSIGNED_DECIMAL, decimalPlaces } from './values.js';
import type { Rule } from './types.js';

const MAX_DECIMALS = 8;
const SYMBOL = /[\p{Sc}]|^[A-Z]{3}\s*\d|\d\s*[A-Z]{3}$/u;
const DECIMAL_COMMA = /^\d+,\d+$/;

export const customPrice: Rule = {
  id: 'custom-price',
  docs: 'When filled, a price with at most 8 decimals, no currency symbol, and a decimal point (5.55, not 5,55).',
  scope: 'cell',
  messages: {
    currencySymbol: '{{column}} must be only the number, without a currency symbol ("{{value}}").',
    decimalComma: '{{column}} must use a decimal point, not a comma: write {{suggestion}} instead of {{value}}.',
    tooManyDecimals: '{{column}} supports at most 8 decimal places ("{{value}}").',
    notNumber: '{{column}} must be a number such as 5, 5.55 or 0.00375, not "{{value}}".',
  },
  check(context) {
    const index = context.index;
    return {
      row(cells, record) {
        const value = cells[index] ?? '';
        if (value === '') return;
        if (UNSIGNED_DECIMAL.test(value)) {
          if (decimalPlaces(value) > MAX_DECIMALS) context.report(cells, record, { messageId: 'tooManyDecimals' });
          return;
        }
        if (value.trim() === '') return;
        if (SYMBOL.test(value)) context.report(cells, record, { messageId: 'currencySymbol' });
        else if (DECIMAL_COMMA.test(value))
          context.report(cells, record, { messageId: 'decimalComma', data: { suggestion: value.replace(',', '.') } });
        else context.report(cells, record, { messageId: 'notNumber' });
      },
    };
  },
};
