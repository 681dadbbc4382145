// Reading template cells for the mapping: trimmed text, TRUE/FALSE flags, integers, money as
// decimals, calendar dates, and the repeating groups (`component_N`, `price_N`, `custom_field[Name]`).
import { parseIsoDate, type CalendarDate } from '../../dates/index.js';
import type { PricingScheme } from '../../pricing/component.js';
import { parseMoney, minorUnitDigits, type Decimal } from '../../pricing/money.js';
import { Decimal as D } from '../../pricing/money.js';
import { readTrueFalse } from '../../rules/values.js';
import type { SourceRow } from '../operation.js';
import { RowError } from '../row-error.js';

/** The trimmed cell, or undefined when the column is absent or blank. */
export function cell(row: SourceRow, column: string): string | undefined {
  const value = row.values[column];
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

export function requiredCell(row: SourceRow, column: string): string {
  const value = cell(row, column);
  if (value === undefined) throw new RowError(row, column, `${column} is required to import this row`, 'Fill it in and re-run.');
  return value;
}

/** TRUE/FALSE read exactly as the true-false rule reads it (readTrueFalse); blank is undefined. */
export function flag(row: SourceRow, column: string): boolean | undefined {
  const reading = readTrueFalse(row.values[column]);
  if (reading === 'blank') return undefined;
  if (reading === 'invalid') throw new RowError(row, column, `${column} must be TRUE or FALSE, got "${cell(row, column)}"`);
  return reading === 'true';
}

export function integer(row: SourceRow, column: string): number | undefined {
  const value = cell(row, column);
  if (value === undefined) return undefined;
  if (!/^-?\d+$/.test(value)) throw new RowError(row, column, `${column} must be a whole number, got "${value}"`);
  return Number.parseInt(value, 10);
}

export function money(row: SourceRow, column: string): Decimal | undefined {
  const value = cell(row, column);
  if (value === undefined) return undefined;
  try {
    return parseMoney(value);
  } catch (error) {
    throw new RowError(row, column, error instanceof Error ? error.message : String(error));
  }
}

/** A minor-unit integer from the API back to a decimal string in the currency ("1000" USD → "10.00"). */
export function fromMinorUnits(cents: number | string, currency: string): string {
  const digits = minorUnitDigits(currency);
  return new D(cents).dividedBy(new D(10).pow(digits)).toFixed(digits);
}

/** A calendar date cell (YYYY-MM-DD), checked to be a real date as the date rules check it (src/dates). */
export function date(row: SourceRow, column: string): CalendarDate | undefined {
  const value = cell(row, column);
  if (value === undefined) return undefined;
  const parsed = parseIsoDate(value);
  if (parsed === undefined) throw new RowError(row, column, `${column} must be a date in YYYY-MM-DD format, got "${value}"`);
  return parsed;
}

/** A date cell that must be filled: blank is requiredCell's error, anything else not a real date is date's. */
export function requiredDate(row: SourceRow, column: string): CalendarDate {
  requiredCell(row, column);
  return date(row, column)!;
}

/** The indices N present for `${prefix}N` columns, ascending (component_1, component_2…). */
export function groupIndices(row: SourceRow, prefix: string): number[] {
  const pattern = new RegExp(`^${prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(\\d+)$`);
  const indices = new Set<number>();
  for (const column of Object.keys(row.values)) {
    const match = pattern.exec(column);
    if (match) indices.add(Number(match[1]));
  }
  return [...indices].sort((a, b) => a - b);
}

/** The row's non-blank custom field cells (`custom_field[Name]` and the like): header, field name and value. */
export function customFieldCells(row: SourceRow, prefixes: readonly string[]): Array<{ column: string; name: string; value: string }> {
  const cells: Array<{ column: string; name: string; value: string }> = [];
  for (const column of Object.keys(row.values)) {
    for (const prefix of prefixes) {
      if (column.startsWith(`${prefix}[`) && column.endsWith(']')) {
        const value = cell(row, column);
        if (value !== undefined) cells.push({ column, name: column.slice(prefix.length + 1, -1), value });
      }
    }
  }
  return cells;
}

/** Non-blank custom field cells by field name. */
export function customFields(row: SourceRow, prefixes: readonly string[]): Record<string, string> {
  return Object.fromEntries(customFieldCells(row, prefixes).map(({ name, value }) => [name, value]));
}

// The schemes are the pricing module's (one owner); re-exported for the mapping that reads them from cells.
export type { PricingScheme };
const PRICING_SCHEMES: readonly string[] = ['per_unit', 'volume', 'tiered', 'stairstep'];

export function pricingScheme(row: SourceRow, column: string): PricingScheme | undefined {
  const value = cell(row, column);
  if (value === undefined) return undefined;
  if (!PRICING_SCHEMES.includes(value)) throw new RowError(row, column, `${column} must be one of ${PRICING_SCHEMES.join(', ')}, got "${value}"`);
  return value as PricingScheme;
}

/** One price bracket: from `startingQuantity` (to `endingQuantity`, open-ended when absent) at `unitPrice` (a decimal string). */
export interface PriceBracketFields {
  [name: string]: number | string | undefined;
  startingQuantity: number;
  endingQuantity?: number;
  unitPrice: string;
}

/**
 * The brackets of a price point: one bracket at quantity 1 for per_unit, else the
 * `${prefix}starting_quantity_N` / `${prefix}ending_quantity_N` / `${prefix}price_N` brackets.
 * Unit prices stay decimal strings (up to 8 places); quantities are integers.
 */
export function priceBrackets(row: SourceRow, scheme: PricingScheme, perUnitColumn: string, prefix = ''): PriceBracketFields[] {
  if (scheme === 'per_unit') {
    const price = money(row, perUnitColumn);
    if (price === undefined) throw new RowError(row, perUnitColumn, `${perUnitColumn} is required when the pricing scheme is per_unit`);
    return [{ startingQuantity: 1, unitPrice: price.toString() }];
  }
  const brackets: PriceBracketFields[] = [];
  for (const n of groupIndices(row, `${prefix}price_`)) {
    const price = money(row, `${prefix}price_${n}`);
    if (price === undefined) continue;
    const starting = integer(row, `${prefix}starting_quantity_${n}`);
    if (starting === undefined) throw new RowError(row, `${prefix}starting_quantity_${n}`, `${prefix}starting_quantity_${n} is required when ${prefix}price_${n} has a value`);
    const ending = integer(row, `${prefix}ending_quantity_${n}`);
    brackets.push({ startingQuantity: starting, ...(ending === undefined ? {} : { endingQuantity: ending }), unitPrice: price.toString() });
  }
  if (brackets.length === 0) {
    throw new RowError(row, `${prefix}price_1`, `a ${scheme} price needs at least one bracket (${prefix}starting_quantity_1, ${prefix}ending_quantity_1, ${prefix}price_1)`);
  }
  return brackets;
}

/** Masks a vault token for anything that is stored or shown: only the last 4 characters survive. */
export function maskToken(token: string): string {
  return token.length <= 4 ? '****' : `****${token.slice(-4)}`;
}

export type IntervalUnit = 'month' | 'day';

/** `month` or `day` (the templates' `month_or_day` columns). */
export function intervalUnit(row: SourceRow, column: string): IntervalUnit | undefined {
  const value = cell(row, column);
  if (value === undefined) return undefined;
  if (value !== 'month' && value !== 'day') throw new RowError(row, column, `${column} must be month or day, got "${value}"`);
  return value;
}


/** Columns the toolkit writes, never part of what a row applies. */
const OUTPUT_COLUMNS = new Set(['Status', 'Result', 'ChargifyNextRenewal', 'YourExpectedRenewal', 'Amount']);
const SECRET_COLUMNS = new Set(['vault_token', 'customer_vault_token']);

/**
 * `applied` for an operation: the row's non-blank cells of the columns it manages, keyed by template column
 * (resync compares them with the next version of the file). Vault tokens keep only their last 4.
 */
export function appliedCells(row: SourceRow, manages: (column: string) => boolean = () => true): Record<string, string> {
  const applied: Record<string, string> = {};
  for (const column of Object.keys(row.values)) {
    if (OUTPUT_COLUMNS.has(column) || !manages(column)) continue;
    const value = cell(row, column);
    if (value !== undefined) applied[column] = SECRET_COLUMNS.has(column) ? maskToken(value) : value;
  }
  return applied;
}
