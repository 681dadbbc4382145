// A workbook cell's value as the person sees it in the sheet, as text the rules read like a CSV cell:
// dates as YYYY-MM-DD, numbers with the digits General shows, TRUE/FALSE, a formula by its cached result.
import { createRequire } from 'node:module';
import type { Cell, CellValue } from 'exceljs';
import type { FormulaCell } from '../csv/types.js';
import { Decimal } from '../pricing/index.js';

// exceljs's own test for a date number format, so a formula's result is read as a date exactly where a
// plain value is (exceljs converts those itself); its utilities are not in the typed entry point.
const { isDateFmt } = createRequire(import.meta.url)('exceljs/lib/utils/utils.js') as { isDateFmt(format: string | undefined): boolean };

/** A cell whose formula leaves no value to read: an error (`#REF!`), or a formula never calculated. */
export type FormulaProblem = Omit<FormulaCell, 'column'>;

/** Excel's 1900 date system: serial 25569 is 1970-01-01; the 1904 system counts 1462 days fewer. */
const UNIX_EPOCH_SERIAL = 25569;
const DAYS_1904 = 1462;
const DAY_MS = 86_400_000;
/** General shows at most 15 significant digits: 10.100000000000001 is 10.1 on screen. */
const SHOWN_DIGITS = 15;
/** exceljs's ValueType.Formula (its enums are not exported as values by the typed entry point). */
const FORMULA = 6;

/** The text a cell shows, or what keeps its formula from having a value. */
export function cellText(cell: Cell, date1904: boolean): string | FormulaProblem {
  // A formula's result is read from the cell itself: its `value` leaves out a result of 0, false or ''.
  if (cell.type === FORMULA) return formulaText((cell.value ?? {}) as { formula?: string }, cell.result, cell.numFmt, date1904);
  return valueText(cell.value, cell.numFmt, date1904);
}

function valueText(value: CellValue, numFmt: string | undefined, date1904: boolean): string | FormulaProblem {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return numberText(value, numFmt);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return dateText(value, numFmt);
  if ('error' in value) return { problem: 'error', shown: String(value.error ?? '') };
  if ('richText' in value) return value.richText.map((run) => run.text ?? '').join('');
  if ('formula' in value || 'sharedFormula' in value) return formulaText(value, value.result, numFmt, date1904);
  // A hyperlink read with its target: what the cell shows is its text.
  if ('hyperlink' in value) return valueText((value as { text?: CellValue }).text ?? '', numFmt, date1904);
  return '';
}

/**
 * A formula's cached result. The streaming reader reads a boolean result as 1 or 0; LibreOffice writes
 * every TRUE and FALSE a person types as the formula TRUE() or FALSE(), so those read by their formula.
 */
function formulaText(value: { formula?: string; sharedFormula?: string }, result: unknown, numFmt: string | undefined, date1904: boolean): string | FormulaProblem {
  const constant = /^(TRUE|FALSE)(\(\))?$/i.exec(value.formula ?? '')?.[1];
  if (constant !== undefined) return constant.toUpperCase();
  if (result === undefined || result === null) return { problem: 'uncalculated', shown: `=${value.formula ?? value.sharedFormula ?? ''}` };
  // The streaming reader reads an error result (`<v>#REF!</v>`) as a number: NaN; which error is lost.
  if (typeof result === 'number' && Number.isNaN(result)) return { problem: 'error', shown: '' };
  if (typeof result === 'number' && isDateFmt(numFmt)) return dateText(serialDate(result, date1904), numFmt);
  return valueText(result as CellValue, numFmt, date1904);
}

/** The date a serial stands for, as exceljs computes it for plain cells (UTC, to the millisecond). */
function serialDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - UNIX_EPOCH_SERIAL + (date1904 ? DAYS_1904 : 0)) * DAY_MS));
}

/**
 * The calendar date shown: exceljs builds the Date in UTC from the serial, so its UTC parts are the
 * day in the sheet whatever the machine's time zone. A time is kept only where the format shows one.
 */
function dateText(date: Date, numFmt: string | undefined): string {
  if (Number.isNaN(date.getTime())) return '';
  const day = date.toISOString().slice(0, 10);
  const format = (numFmt ?? '').replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, '');
  if (!/h/i.test(format)) return day;
  const time = date.toISOString().slice(11, /s/i.test(format) ? 19 : 16);
  return `${day} ${time}`;
}

/**
 * A number with the digits General shows (15 significant ones, never in exponent form), or padded
 * with zeros where the format is one (`00000`, Excel's zip code format) and shows them.
 */
export function numberText(value: number, numFmt?: string): string {
  if (!Number.isFinite(value)) return '';
  if (Number.isInteger(value) && Math.abs(value) < 1e15) {
    const text = String(value === 0 ? 0 : value);
    return numFmt !== undefined && /^0+$/.test(numFmt) && value > 0 ? text.padStart(numFmt.length, '0') : text;
  }
  return new Decimal(value.toPrecision(SHOWN_DIGITS)).toFixed();
}
