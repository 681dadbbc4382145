// VAT numbers by their country's format: every EU member state (EL for Greece), XI for Northern
// Ireland and GB, each with a valid number and one a digit short; the checksum is never checked, so the
// template document's own example DE123456789 stays valid.
import { describe, expect, it } from 'vitest';
import { vatNumberAsImported } from '../../src/rules/vat-formats.js';
import { ruleTable, runRows, STANDARD_ROW as R, CUSTOMER_ROW as C, CREDIT_CARD as CC } from './helpers.js';

/** [prefix, a valid number, the same shape gone wrong] per country. */
const COUNTRIES: Array<[string, string, string]> = [
  ['AT', 'ATU12345678', 'AT12345678'],
  ['BE', 'BE0123456789', 'BE2123456789'],
  ['BG', 'BG1234567890', 'BG12345678'],
  ['CY', 'CY12345678X', 'CY123456789'],
  ['CZ', 'CZ12345678', 'CZ1234567'],
  ['DE', 'DE123456789', 'DE12345678'],
  ['DK', 'DK12345678', 'DK1234567'],
  ['EE', 'EE101234567', 'EE201234567'],
  ['EL', 'EL123456789', 'EL12345678'],
  ['ES', 'ESX1234567X', 'ES12345678'],
  ['FI', 'FI12345678', 'FI123456789'],
  ['FR', 'FRAB123456789', 'FRIO123456789'],
  ['HR', 'HR12345678901', 'HR1234567890'],
  ['HU', 'HU12345678', 'HU123456789'],
  ['IE', 'IE1234567T', 'IE12345678'],
  ['IT', 'IT12345678901', 'IT1234567890'],
  ['LT', 'LT123456789012', 'LT1234567890'],
  ['LU', 'LU12345678', 'LU1234567'],
  ['LV', 'LV12345678901', 'LV1234567890'],
  ['MT', 'MT12345678', 'MT02345678'],
  ['NL', 'NL123456789B01', 'NL123456789001'],
  ['PL', 'PL1234567890', 'PL123456789'],
  ['PT', 'PT123456789', 'PT12345678'],
  ['RO', 'RO12', 'RO0123456789'],
  ['SE', 'SE123456789001', 'SE123456789012'],
  ['SI', 'SI12345678', 'SI02345678'],
  ['SK', 'SK1234567890', 'SK1214567890'],
  ['XI', 'XI123456789', 'XI12345678'],
  ['GB', 'GBGD123', 'GB1234567'],
];

const row = (vat: string) => ({ ...C, vat_number: vat, shipping_country: 'DE' });

ruleTable('vat-number', 'customers-advanced', [
  { name: "the template document's example, checksum not checked", rows: [row('DE123456789')], expected: [] },
  ...COUNTRIES.map(([prefix, valid, invalid]) => ({
    name: `${prefix}: ${valid} is valid, ${invalid} is not`,
    rows: [row(valid), row(invalid)],
    // A valid number with letters after its prefix is imported with them: a warning says what is sent.
    expected: [...(/[A-Z]/.test(valid.slice(2)) ? [{ row: 2, column: 'vat_number', messageId: 'imported' }] : []), { row: 3, column: 'vat_number', messageId: 'country' }],
  })),
  { name: 'GR instead of EL for Greece', rows: [row('GR123456789')], expected: [{ row: 2, column: 'vat_number', messageId: 'prefix' }] },
  {
    name: 'a prefix without a country format keeps the generic shape',
    rows: [row('CHE123456789'), row('NO123456789MVA'), row('US1')],
    expected: [{ row: 2, column: 'vat_number', messageId: 'imported' }, { row: 3, column: 'vat_number', messageId: 'imported' }, { row: 4, column: 'vat_number', messageId: 'invalid' }],
  },
  { name: 'no prefix, spaces, dots, lower case', rows: [row('123456789'), row('DE 123 456 789'), row('de123456789')], expected: [{ row: 2, column: 'vat_number', messageId: 'invalid' }, { row: 3, column: 'vat_number', messageId: 'country' }, { row: 4, column: 'vat_number', messageId: 'invalid' }] },
]);

describe('what a VAT number is imported as', () => {
  it('loses its two-letter country prefix only, and the warning says so where letters remain', () => {
    expect(['DE123456789', 'ATU12345678', 'NL123456789B01'].map(vatNumberAsImported)).toEqual(['123456789', 'U12345678', '123456789B01']);
    const findings = runRows('customers-advanced', [row('DE123456789'), row('ATU12345678')]).filter((entry) => entry.rule === 'vat-number');
    expect(findings.map((finding) => [finding.row, finding.severity, finding.message])).toEqual([
      [3, 'warning', 'vat_number "ATU12345678" is imported as "U12345678": only the country prefix AT is removed, as the API asks; the letters after it are part of the number.'],
    ]);
  });
});

describe('rule vat-number messages', () => {
  it('name the country and the shape it expects', () => {
    const [finding] = runRows('customers-advanced', [row('DE12345678')]).filter((entry) => entry.rule === 'vat-number');
    expect(finding!.message).toBe('vat_number "DE12345678" is not a valid German VAT number format: DE then 9 digits, the first not 0, like DE123456789.');
    const [greek] = runRows('customers-advanced', [row('GR123456789')]).filter((entry) => entry.rule === 'vat-number');
    expect(greek!.message).toBe('vat_number "GR123456789" starts with GR: Greek VAT numbers start with EL, like EL123456789.');
  });
});
void R; void CC;
