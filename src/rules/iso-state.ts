// States and provinces as capital ISO codes: 2 capital letters (CA, NY) as the document asks, or the
// ISO 3166-2 subdivision code of the row's country where that country's codes differ (FR: ARA).
import { iso31662 } from 'iso-3166';
import type { Rule } from './types.js';

const STATE = /^[A-Z]{2}$/;
/** `FR-ARA`-style full codes, for a country + code lookup without per-row allocation beyond one string. */
const SUBDIVISIONS = new Set(iso31662.map((entry) => entry.code));
const CHECKED_COUNTRIES = new Set(['US', 'CA']);
/** US postal codes of military mail (APO/FPO), not in ISO 3166-2 but real shipping states. */
const US_MILITARY = new Set(['AA', 'AE', 'AP']);

export const isoState: Rule = {
  id: 'iso-state',
  docs: "When filled, a state or province as its capital ISO code: 2 letters (CA for California), or the country's ISO 3166-2 code.",
  scope: 'cell',
  messages: {
    invalid: '{{column}} must be a 2-letter capital ISO code (e.g. CA for California), not "{{value}}".',
    notInCountry: '{{column}} "{{value}}" is not a state, province or territory of {{country}}; use its 2-letter ISO code (e.g. CA for California, ON for Ontario).',
  },
  check(context) {
    const index = context.index;
    const countryIndex = context.indexOf((context.options.countryColumn as string | undefined) ?? '');
    return {
      row(cells, record) {
        const value = cells[index] ?? '';
        if (value === '' || value.trim() === '') return;
        const country = countryIndex < 0 ? '' : (cells[countryIndex] ?? '');
        if (STATE.test(value)) {
          // Where every state is a 2-letter ISO code (US, CA), a code that is none of them is a typo.
          if (!CHECKED_COUNTRIES.has(country) || SUBDIVISIONS.has(`${country}-${value}`) || (country === 'US' && US_MILITARY.has(value))) return;
          context.report(cells, record, { messageId: 'notInCountry', data: { country } });
          return;
        }
        if (country !== '' && SUBDIVISIONS.has(`${country}-${value}`)) return;
        context.report(cells, record, { messageId: 'invalid' });
      },
    };
  },
};
