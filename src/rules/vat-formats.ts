// Each country's VAT number format, from jsvat-next's per-country patterns (EU member states, `EL` for
// Greece, `XI` for Northern Ireland, and GB): the format only, never the checksum — the template
// document's own example DE123456789 must stay valid ("Chargify does not attempt to validate the actual
// VAT number itself until the first billing"). The shapes below say the same for people.
// jsvat-next is CommonJS: Node's ESM import sees only its `countries` list by name.
import { countries, type Country } from 'jsvat-next';

export interface VatFormat {
  /** The prefix a number of this country starts with. */
  prefix: string;
  /** The country, as people call it. */
  country: string;
  /** What follows the prefix, in words. */
  shape: string;
  example: string;
  /** jsvat-next's patterns of the country that start with this prefix. */
  patterns: readonly RegExp[];
}

/** The patterns of `country` written for `prefix` (the United Kingdom's serve GB and XI). */
function patternsOf(country: Country, prefix: string): RegExp[] {
  return country.rules.regex.filter((pattern) => pattern.source.startsWith(`^(${prefix})`));
}

/** jsvat-next's country of this name (its names, e.g. "Slovakia Republic"); a missing one is a programming error. */
function countryNamed(name: string): Country {
  const country = countries.find((candidate) => candidate.name === name);
  if (country === undefined) throw new Error(`jsvat-next has no country named ${name}`);
  return country;
}

function format(countryName: string, prefix: string, name: string, shape: string, example: string): VatFormat {
  const patterns = patternsOf(countryNamed(countryName), prefix);
  if (patterns.length === 0) throw new Error(`jsvat-next has no ${prefix} pattern for ${countryName}`);
  return { prefix, country: name, shape, example, patterns };
}

const FORMATS: readonly VatFormat[] = [
  format('Austria', 'AT', 'Austrian', 'U and 8 digits', 'ATU12345678'),
  format('Belgium', 'BE', 'Belgian', '10 digits starting with 0 or 1', 'BE0123456789'),
  format('Bulgaria', 'BG', 'Bulgarian', '9 or 10 digits', 'BG123456789'),
  format('Croatia', 'HR', 'Croatian', '11 digits', 'HR12345678901'),
  format('Cyprus', 'CY', 'Cypriot', '8 digits and a letter', 'CY12345678X'),
  format('Czech Republic', 'CZ', 'Czech', '8 to 10 digits', 'CZ12345678'),
  format('Denmark', 'DK', 'Danish', '8 digits', 'DK12345678'),
  format('Estonia', 'EE', 'Estonian', '9 digits starting with 10', 'EE101234567'),
  format('Finland', 'FI', 'Finnish', '8 digits', 'FI12345678'),
  format('France', 'FR', 'French', '2 digits or letters (not I or O) and 9 digits', 'FR12345678901'),
  format('Germany', 'DE', 'German', '9 digits, the first not 0', 'DE123456789'),
  format('Greece', 'EL', 'Greek', '9 digits', 'EL123456789'),
  format('Hungary', 'HU', 'Hungarian', '8 digits', 'HU12345678'),
  format('Ireland', 'IE', 'Irish', '7 digits and 1 or 2 letters (or a digit, a letter, 5 digits and a letter)', 'IE1234567T'),
  format('Italy', 'IT', 'Italian', '11 digits', 'IT12345678901'),
  format('Latvia', 'LV', 'Latvian', '11 digits', 'LV12345678901'),
  format('Lithuania', 'LT', 'Lithuanian', '9 or 12 digits', 'LT123456789'),
  format('Luxembourg', 'LU', 'Luxembourgish', '8 digits', 'LU12345678'),
  format('Malta', 'MT', 'Maltese', '8 digits, the first not 0', 'MT12345678'),
  format('Netherlands', 'NL', 'Dutch', '9 digits, B and 2 digits', 'NL123456789B01'),
  format('Poland', 'PL', 'Polish', '10 digits', 'PL1234567890'),
  format('Portugal', 'PT', 'Portuguese', '9 digits', 'PT123456789'),
  format('Romania', 'RO', 'Romanian', '2 to 10 digits, the first not 0', 'RO1234567890'),
  format('Slovakia Republic', 'SK', 'Slovak', '10 digits, the first not 0 and the third one of 2, 3, 4, 6, 7, 8 or 9', 'SK1234567890'),
  format('Slovenia', 'SI', 'Slovenian', '8 digits, the first not 0', 'SI12345678'),
  format('Spain', 'ES', 'Spanish', '9 characters: a letter or digit, 7 digits, a letter or digit', 'ESX1234567X'),
  format('Sweden', 'SE', 'Swedish', '12 digits ending in 01', 'SE123456789001'),
  format('United Kingdom', 'XI', 'Northern Irish', '9 digits', 'XI123456789'),
  format('United Kingdom', 'GB', 'British', '9 or 12 digits, or GD or HA and 3 digits', 'GB123456789'),
];

const BY_PREFIX = new Map(FORMATS.map((entry) => [entry.prefix, entry]));

/** The format of the country a number's prefix names, or undefined for a prefix without one here. */
export function vatFormatOf(value: string): VatFormat | undefined {
  return BY_PREFIX.get(value.slice(0, 2));
}

/** The prefixes with a country format, for the rule's documentation. */
export const VAT_PREFIXES: readonly string[] = FORMATS.map((entry) => entry.prefix);

/** Prefixes people write by mistake for a country whose VAT numbers use another. */
export const VAT_PREFIX_MISTAKES: Readonly<Record<string, string>> = { GR: 'EL' };

/**
 * A VAT number as it is imported: without its two-letter country prefix (DE123456789 → 123456789).
 * The template document says the site "will strip the letters", and shows only a country prefix going;
 * the API asks for the number without its country code, which VIES checks it by. So only the prefix
 * goes: the letters after it are part of the number (ATU12345678 → U12345678, NL123456789B01 →
 * 123456789B01), which stripping every letter would break. The one owner of this: the mapping imports
 * what this returns and the vat-number rule says so where letters remain (docs/validate.md).
 */
export function vatNumberAsImported(value: string): string {
  return value.replace(/^[A-Za-z]{2}(?=.)/, '');
}
