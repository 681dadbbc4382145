// Custom per-unit component prices: a number with at most 8 decimals, no currency symbol, and a
// decimal point even where the currency writes a comma (5.55, not 5,55). A price whose quantity is blank
// is a warning: a blank quantity leaves the component off the subscription, so the price is not sent.
import { UNSIGNED_DECIMAL, decimalPlaces } from './values.js';
import type { Rule } from './types.js';

const MAX_DECIMALS = 8;
const SYMBOL = /[\p{Sc}]|^[A-Z]{3}\s*\d|\d\s*[A-Z]{3}$/u;
const DECIMAL_COMMA = /^\d+,\d+$/;

export const customPrice: Rule = {
  id: 'custom-price',
  docs: 'When filled, a price with at most 8 decimals, no currency symbol, and a decimal point (5.55, not 5,55); warns when its quantity is blank (the component is then not assigned).',
  scope: 'cell',
  messages: {
    currencySymbol: '{{column}} must be only the number, without a currency symbol ("{{value}}").',
    decimalComma: '{{column}} must use a decimal point, not a comma: write {{suggestion}} instead of {{value}}.',
    tooManyDecimals: '{{column}} supports at most 8 decimal places ("{{value}}").',
    notNumber: '{{column}} must be a number such as 5, 5.55 or 0.00375, not "{{value}}".',
    quantityBlank: '{{column}} is set but {{quantity}} is blank, so the component is not assigned and its custom price is not imported; fill in {{quantity}} or clear the price.',
  },
  check(context) {
    const index = context.index;
    const quantityIndex = context.indexOf('componentQuantity_N');
    const quantity = context.nameOf('componentQuantity_N');
    return {
      row(cells, record) {
        const value = cells[index] ?? '';
        if (value === '') return;
        if (value.trim() !== '' && (quantityIndex < 0 || (cells[quantityIndex] ?? '').trim() === '')) {
          context.report(cells, record, { messageId: 'quantityBlank', severity: 'warning', data: { quantity } });
        }
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
