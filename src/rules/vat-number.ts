// VAT numbers in their country's format: the prefix names the country (EL for Greece, XI for Northern
// Ireland), and what follows must have that country's shape (src/rules/vat-formats.ts, from
// jsvat-next). The checksum is not checked: the template document's example DE123456789 stays valid.
// A prefix without a country format here keeps the documented generic shape.
import type { Rule } from './types.js';
import { VAT_PREFIX_MISTAKES, VAT_PREFIXES, vatFormatOf, vatNumberAsImported } from './vat-formats.js';

const GENERIC = /^[A-Z]{2}[0-9A-Z]{2,13}$/;

export const vatNumber: Rule = {
  id: 'vat-number',
  docs: `When filled, a VAT number in its country's format, country prefix first, no spaces (DE123456789): checked by country for ${VAT_PREFIXES.join(', ')} (EL: Greece, XI: Northern Ireland), by the generic shape (2 letters, then 2–13 letters or digits) for other prefixes; the checksum is left to the billing system. Imported without its country prefix; a warning says what is imported where letters remain after it (ATU12345678 → U12345678).`,
  scope: 'cell',
  messages: {
    invalid: '{{column}} "{{value}}" is not a valid VAT number format; write it like DE123456789 (country prefix, no spaces or dots).',
    country: '{{column}} "{{value}}" is not a valid {{country}} VAT number format: {{prefix}} then {{shape}}, like {{example}}.',
    prefix: '{{column}} "{{value}}" starts with {{written}}: {{country}} VAT numbers start with {{prefix}}, like {{example}}.',
    imported:
      '{{column}} "{{value}}" is imported as "{{imported}}": only the country prefix {{prefix}} is removed, as the API asks; the letters after it are part of the number.',
  },
  check(context) {
    const index = context.index;
    return {
      row(cells, record) {
        const value = (cells[index] ?? '').trim();
        if (value === '') return;
        const written = value.slice(0, 2);
        const mistaken = VAT_PREFIX_MISTAKES[written];
        if (mistaken !== undefined) {
          const meant = vatFormatOf(mistaken)!;
          context.report(cells, record, { messageId: 'prefix', data: { written, country: meant.country, prefix: meant.prefix, example: meant.example } });
          return;
        }
        const format = vatFormatOf(value);
        if (format === undefined) {
          if (!GENERIC.test(value)) {
            context.report(cells, record, { messageId: 'invalid' });
            return;
          }
        } else if (!format.patterns.some((pattern) => pattern.test(value))) {
          context.report(cells, record, { messageId: 'country', data: { country: format.country, prefix: format.prefix, shape: format.shape, example: format.example } });
          return;
        }
        // The document says the letters are stripped; only the prefix is: say what is imported where that differs.
        const imported = vatNumberAsImported(value);
        if (/[A-Za-z]/.test(imported)) context.report(cells, record, { messageId: 'imported', severity: 'warning', data: { imported, prefix: written } });
      },
    };
  },
};
