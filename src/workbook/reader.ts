// The workbook reader: each sheet of an .xlsx file whose header row is a template becomes one source
// shaped as the CSV reader's, so validation, the rules and the import read it unchanged; empty sheets
// and sheets of something else are listed as skipped. Rows stream: a sheet never sits in memory whole.
import { createHash, type Hash } from 'node:crypto';
import { open, type FileHandle } from 'node:fs/promises';
import type ExcelJS from 'exceljs';
import { InputError, MigrateError } from '../errors.js';
import { asInputError } from '../csv/read-errors.js';
import { columnLetters } from './cell-address.js';
import { checkHeader, namedWidth } from '../csv/reader.js';
import type { CsvRecord, CsvSource, FormulaCell } from '../csv/types.js';
import { detectTemplate } from '../templates/detect.js';
import { resolveHeader } from '../templates/header.js';
import type { TemplateDefinition, TemplateKind } from '../templates/types.js';
import { cellText } from './cells.js';
import { sourceName } from './location.js';
import { streamSheets, type StreamedSheet, type WorkbookFacts } from './stream.js';

/** One sheet of a workbook read as a template: a CSV source with the sheet's name and detected kind. */
export interface SheetSource extends CsvSource {
  sheet: string;
  kind: TemplateKind;
}

/** A sheet left out, and why: it is empty, or its first row is not a template's header. */
export interface SkippedSheet {
  path: string;
  sheet: string;
  reason: 'empty' | 'not-a-template';
  message: string;
}

/** A template sheet that cannot be read (a duplicate header name…): reported as an unreadable input. */
export interface UnreadableSheet {
  sheet: string;
  kind?: TemplateKind;
  error: InputError;
}

export interface OpenedWorkbook {
  /** Template sheets, in tab order. */
  sources: SheetSource[];
  skipped: SkippedSheet[];
  unreadable: UnreadableSheet[];
}

export interface OpenWorkbookOptions {
  /** Hash the workbook's bytes while a sheet's records stream (the run record's sha256 covers the whole file). */
  hash?: boolean;
  /** Template kind forced on every sheet with content (`--template`). */
  template?: string;
}

/** The columns whose template rule wants digits kept as text (`last_four`): a number there lost its leading zeros. */
const DIGITS_RULES = new Set(['last-four']);

/**
 * Opens a workbook: reads each sheet's header row (the first row with content) in one pass, detects
 * its template, and answers a source per template sheet whose `records` streams the file again.
 * A file that is not a workbook (not a zip, a zip of something else) is one InputError.
 */
export async function openWorkbook(path: string, options: OpenWorkbookOptions = {}): Promise<OpenedWorkbook> {
  const headers = await readHeaders(path);
  const opened: OpenedWorkbook = { sources: [], skipped: [], unreadable: [] };
  for (const found of headers) {
    const { sheet } = found;
    if (found.header === undefined) {
      opened.skipped.push({ path, sheet, reason: 'empty', message: 'The sheet is empty.' });
      continue;
    }
    let template: TemplateDefinition;
    try {
      template = detectTemplate(found.header, path, options.template, sheet);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      opened.skipped.push({ path, sheet, reason: 'not-a-template', message: `Its first row is not a template's header: ${error.message}` });
      continue;
    }
    try {
      checkHeader(path, found.header, found.headerRow, found.headerRow);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      opened.unreadable.push({ sheet, kind: template.kind, error: onSheet(error, sheet) });
      continue;
    }
    opened.sources.push(sheetSource(path, sheet, template, found.header, found.headerRow, options.hash === true));
  }
  if (opened.sources.length === 0 && opened.unreadable.length === 0) {
    const sheets = opened.skipped.map((skipped) => skipped.sheet).join(', ');
    throw new InputError('workbook-no-template', `No sheet of this workbook is a template${sheets === '' ? '' : ` (sheets: ${sheets})`}.`, {
      location: { file: path },
      hint: 'Give each template its own sheet with the template\'s header in its first row (migrate init writes the blank templates).',
    });
  }
  return opened;
}

/** An InputError about a sheet: its location names the sheet too. */
export function onSheet(error: InputError, sheet: string): InputError {
  return new InputError(error.code, error.message, { location: { ...error.location, sheet }, ...(error.hint ? { hint: error.hint } : {}), cause: error });
}

interface FoundHeader {
  sheet: string;
  header?: string[];
  headerRow: number;
}

/** Each sheet's first row with content, in tab order; the rest of each sheet is skipped unread where it can be. */
async function readHeaders(path: string): Promise<FoundHeader[]> {
  const found: FoundHeader[] = [];
  let facts: WorkbookFacts | undefined;
  const handle = await openWorkbookFile(path);
  try {
    for await (const sheet of streamSheets(handle, (given) => (facts = given))) {
      const entry: FoundHeader = { sheet: sheet.name, headerRow: 0 };
      for await (const row of sheet.rows) {
        const cells = rowTexts(row, facts!.date1904());
        if (cells.every((cell) => cell === '')) continue;
        entry.header = cells.slice(0, namedWidth(cells));
        entry.headerRow = row.number;
        break;
      }
      found.push(entry);
    }
  } catch (error) {
    throw asWorkbookError(error, path);
  } finally {
    await handle.close();
  }
  const order = facts?.tabOrder() ?? [];
  const position = (sheet: string) => (order.includes(sheet) ? order.indexOf(sheet) : order.length);
  return found.sort((a, b) => position(a.sheet) - position(b.sheet));
}

async function openWorkbookFile(path: string): Promise<FileHandle> {
  let handle: FileHandle | undefined;
  try {
    handle = await open(path, 'r');
    if (!(await handle.stat()).isDirectory()) return handle;
  } catch (error) {
    await handle?.close();
    throw asInputError(error, path);
  }
  await handle.close();
  throw new InputError('csv-unreadable', 'This is a folder, not a workbook.', { location: { file: path }, hint: 'Give an .xlsx file.' });
}

/** Whatever exceljs or the zip reader throws about a file is one InputError: it is not a workbook they can read. */
function asWorkbookError(error: unknown, path: string): Error {
  if (error instanceof MigrateError) return error;
  const reason = (error instanceof Error ? error.message : String(error)).split('\n')[0];
  return new InputError('workbook-unreadable', `This file cannot be read as an Excel workbook (${reason}).`, {
    location: { file: path },
    hint: 'Open it in Excel, LibreOffice or Google Sheets and save (download) it again as .xlsx, or export each sheet as CSV.',
    cause: error,
  });
}

function sheetSource(path: string, sheet: string, template: TemplateDefinition, header: string[], headerRow: number, hash: boolean): SheetSource {
  const digitColumns = digitsColumns(template, header);
  let digest: string | undefined;
  return {
    path,
    sheet,
    kind: template.kind,
    // A workbook has no text encoding or delimiter of its own: the format says what a CSV copy of it would be.
    format: { encoding: 'utf-8', bom: false, invalidSequences: 0, delimiter: ',', newline: '\n' },
    header,
    headerRow,
    ...(hash
      ? {
          sha256: () => {
            if (digest === undefined) throw new Error(`sha256 of ${sourceName({ path, sheet })} asked before its records were read`);
            return digest;
          },
        }
      : {}),
    records: {
      [Symbol.asyncIterator]: () => {
        // Each iteration reads the file from its first byte: a fresh hash covers exactly the file.
        const hasher = hash ? createHash('sha256') : undefined;
        return sheetRecords(path, sheet, { header, headerRow, digitColumns }, hasher, (value) => (digest = value));
      },
    },
  };
}

/** Indexes of the header's columns that want digits as text. */
function digitsColumns(template: TemplateDefinition, header: readonly string[]): Set<number> {
  const resolved = resolveHeader(template, header);
  const columns = new Set<number>();
  for (const column of template.columns) {
    const index = resolved.indexByName.get(column.name);
    if (index !== undefined && (column.rules ?? []).some((use) => DIGITS_RULES.has(use.rule))) columns.add(index);
  }
  return columns;
}

/**
 * The data records of one sheet: the workbook is streamed from its start, other sheets skipped unread.
 * With a hash, the file is read to its end once the sheet's rows are done, so the digest covers it all.
 */
async function* sheetRecords(path: string, sheet: string, shape: RecordShape, hasher: Hash | undefined, onDigest: (digest: string) => void): AsyncGenerator<CsvRecord> {
  const handle = await openWorkbookFile(path);
  let facts: WorkbookFacts | undefined;
  let seen = false;
  try {
    for await (const streamed of streamSheets(handle, (given) => (facts = given), hasher === undefined ? undefined : (chunk) => hasher.update(chunk))) {
      if (streamed.name !== sheet) continue;
      seen = true;
      const date1904 = facts!.date1904();
      for await (const row of streamed.rows) {
        if (row.number <= shape.headerRow) continue;
        const record = shapeRecord(path, sheet, row, shape, date1904);
        if (record !== undefined) yield record;
      }
      if (hasher === undefined) break;
    }
  } catch (error) {
    throw asWorkbookError(error, path);
  } finally {
    await handle.close();
  }
  if (!seen) {
    throw new InputError('workbook-changed', 'The sheet is no longer in the workbook: it was changed while it was being read.', {
      location: { file: path, sheet },
      hint: 'Run the command again.',
    });
  }
  if (hasher !== undefined) onDigest(hasher.digest('hex'));
}

interface RecordShape {
  header: readonly string[];
  headerRow: number;
  /** Columns that want digits as text: a number there is noted on its record (`numbers`). */
  digitColumns: ReadonlySet<number>;
}

/** A data row as a record of the header's width, or undefined for a blank row; a value beyond the header is an error. */
function shapeRecord(path: string, sheet: string, row: ExcelJS.Row, shape: RecordShape, date1904: boolean): CsvRecord | undefined {
  const width = shape.header.length;
  const cells = new Array<string>(width).fill('');
  let numbers: number[] | undefined;
  let formulas: FormulaCell[] | undefined;
  let blank = true;
  row.eachCell((cell, column) => {
    const index = column - 1;
    const text = cellText(cell, date1904);
    if (text === '') return;
    blank = false;
    if (index >= width) throw unnamedColumnError(path, sheet, row.number, index, typeof text === 'string' ? text : text.shown);
    if (typeof text !== 'string') {
      (formulas ??= []).push({ column: index, ...text });
      return;
    }
    cells[index] = text;
    if (typeof cell.value === 'number' && shape.digitColumns.has(index)) (numbers ??= []).push(index);
  });
  if (blank) return undefined;
  return { row: row.number, line: row.number, cells, ...(numbers ? { numbers } : {}), ...(formulas ? { formulas } : {}) };
}

function unnamedColumnError(path: string, sheet: string, row: number, index: number, value: string): InputError {
  const shown = JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  return new InputError('csv-value-in-unnamed-column', `Column ${columnLetters(index + 1)} has no header name but this row has ${shown} in it.`, {
    location: { file: path, sheet, row },
    hint: 'Add a header name for that column, or clear it.',
  });
}

/** Every cell of a row as text, up to its last cell with content (formula problems read as ''). */
function rowTexts(row: ExcelJS.Row, date1904: boolean): string[] {
  const cells: string[] = [];
  row.eachCell((cell, column) => {
    const text = cellText(cell, date1904);
    cells[column - 1] = typeof text === 'string' ? text : '';
  });
  for (let i = 0; i < cells.length; i++) if (cells[i] === undefined) cells[i] = '';
  return cells;
}
