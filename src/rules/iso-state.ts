// States and provinces as capital ISO codes: 2 capital letters (CA, NY) as the document asks, or the
// ISO 3166-2 subdivision code of the row's country where that country's codes differ (FR: ARA).
import { iso31662 } from 'iso-3166';
import type { Rule } from './types.js';

const STATE = /^[A-Z]{2}$/;
/** `FR-ARA`-style full codes, for a country + code lookup without per-row allocation beyond one string. */
const SUBDIVISIONS = new Set(iso31662.map((entry) => entry.code));

export const isoState: Rule = {
  id: 'iso-state',
  docs: "When filled, a state or province as its capital ISO code: 2 letters (CA for California), or the country's ISO 3166-2 code.",
  scope: 'cell',
  messages: { invalid: '{{column}} must be a 2-letter capital ISO code (e.g. CA for California), not "{{value}}".' },
  check(context) {
    const index = context.index;
    const countryIndex = context.indexOf((context.options.countryColumn as string | undefined) ?? '');
    return {
      row(cells, record) {
        const value = cells[index] ?? '';
        if (value === '' || STATE.test(value) || value.trim() === '') return;
        const country = countryIndex < 0 ? '' : (cells[countryIndex] ?? '');
        if (country !== '' && SUBDIVISIONS.has(`${country}-${value}`)) return;
        context.report(cells, record, { messageId: 'invalid' });
      },
    };
  },
};
