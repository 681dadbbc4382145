// Balances that, when set, must be a plain number larger than 0 ("10.12", not "$10.12" or "0"), in
// whole minor units of the row's currency (10.125 USD cannot be credited: the importer sends cents).
import { Decimal, fitsMinorUnit, minorUnitDigitsOf } from '../pricing/money.js';
import { UNSIGNED_DECIMAL } from './values.js';
import type { Rule } from './types.js';

const NON_ZERO_DIGIT = /[1-9]/;

export const positiveAmount: Rule = {
  id: 'positive-amount',
  docs: 'When filled, a plain number larger than 0, without currency symbol (10.12), with no more decimals than the currency has (2 for USD, 0 for JPY).',
  scope: 'cell',
  messages: {
    notNumber: '{{column}} must be a plain number such as 10.12 (no currency symbol or comma), not "{{value}}".',
    notPositive: '{{column}} must be larger than 0; leave it blank when there is no balance.',
    tooManyDecimals: '{{column}} {{value}} has more decimal places than {{currency}} allows; round it to {{digits}}.',
  },
  check(context) {
    const index = context.index;
    const currencyIndex = typeof context.options.currencyColumn === 'string' ? context.indexOf(context.options.currencyColumn) : -1;
    return {
      row(cells, record) {
        const value = cells[index] ?? '';
        if (value === '') return;
        // "-5" is a plain number, just not a positive one: say so rather than ask for a plain number.
        const negative = value.startsWith('-') && UNSIGNED_DECIMAL.test(value.slice(1));
        if (!UNSIGNED_DECIMAL.test(value) && !negative) context.report(cells, record, { messageId: 'notNumber' });
        else if (negative || !NON_ZERO_DIGIT.test(value)) context.report(cells, record, { messageId: 'notPositive' });
        else if (currencyIndex >= 0) {
          // An unknown currency is the currency-code rule's to report.
          const currency = (cells[currencyIndex] ?? '').trim();
          const digits = minorUnitDigitsOf(currency);
          if (digits !== undefined && !fitsMinorUnit(new Decimal(value), digits)) {
            context.report(cells, record, { messageId: 'tooManyDecimals', data: { currency: currency.toUpperCase(), digits } });
          }
        }
      },
    };
  },
};
