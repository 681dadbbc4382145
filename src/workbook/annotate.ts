// The annotated copy of a workbook input: the templates' "Do not edit" columns filled, Result a link,
// each cell with a finding highlighted with its message as a note, the header row frozen, and every
// other cell, format, sheet and name left as the user had them (exceljs reads the whole workbook and
// writes it back; only the cells named here change).
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import ExcelJS, { type Cell, type Font, type Row, type Workbook, type Worksheet, type WorksheetView } from 'exceljs';
import { InputError } from '../errors.js';
import { asOutputError, SourceChangedError, tempPathBeside } from '../csv/writer.js';
import { cellAddress } from './cell-address.js';
import { clearOwnMarks, markCell, type CellFinding, type FindingSeverity } from './cell-marks.js';

/** What one data row of one sheet gets written back. */
export interface RowAnnotation {
  /** Values for the template's "Do not edit" columns, by header name exactly as in the sheet: Status, Result, ChargifyNextRenewal, Amount. */
  values: Record<string, string>;
  /** When set, the Result cell is a clickable hyperlink to this URL (its text = values.Result). */
  link?: string;
  /** Cells to highlight, with their message as the cell's note (several messages on one cell are joined, one per line). `column` is the header name; '' or an unknown header → the Result cell. */
  errors?: Array<{ column: string; message: string; severity?: FindingSeverity }>;
}

export interface SheetAnnotations {
  /** The worksheet's name. */
  sheet: string;
  /** The sheet row (1-based, as the spreadsheet shows it) that holds the header. */
  headerRow: number;
  /** By sheet row number (1-based, as the spreadsheet shows it). */
  rows: ReadonlyMap<number, RowAnnotation>;
}

const RESULT = 'Result';
/** The font of a Result link: Excel's Hyperlink style colour, underlined. A later run knows it by this colour. */
const LINK_COLOR = 'FF0563C1';

/**
 * Writes a copy of `source` at `destination` (atomically: temp file + rename; `destination` may be
 * `source`) with the annotations applied. Marks of an earlier run on the annotated sheets (notes and
 * highlights, see cell-marks.ts) are replaced. With `expectedSha256`, a source whose bytes no longer hash
 * so is refused with SourceChangedError: annotations keyed by row would land on other rows.
 */
export async function writeAnnotatedWorkbook(
  source: string,
  destination: string,
  sheets: readonly SheetAnnotations[],
  options: { expectedSha256?: string } = {},
): Promise<void> {
  const workbook = await loadWorkbook(source, options.expectedSha256);
  for (const annotations of sheets) {
    const worksheet = workbook.getWorksheet(annotations.sheet);
    if (worksheet === undefined) {
      throw new InputError('workbook-sheet-missing', `The workbook has no sheet named "${annotations.sheet}" any more; no annotated copy was written.`, {
        location: { file: source },
        hint: 'Run the command again on the workbook as it is now.',
      });
    }
    annotateSheet(worksheet, annotations);
  }
  await writeAtomically(workbook, destination);
}

async function loadWorkbook(source: string, expectedSha256: string | undefined): Promise<Workbook> {
  let bytes: Buffer;
  try {
    bytes = await readFile(source);
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : String(code ?? cause);
    throw new InputError('workbook-unreadable', `The workbook cannot be read (${reason}).`, { location: { file: source }, hint: 'Check the path and the file permissions.', cause });
  }
  if (expectedSha256 !== undefined && createHash('sha256').update(bytes).digest('hex') !== expectedSha256) throw new SourceChangedError(source);
  const workbook = new ExcelJS.Workbook();
  try {
    // The bytes already read (and hashed), loaded as readFile would.
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (cause) {
    // The zip library's words ("end of central directory") would not help: the cause keeps them for --verbose.
    throw new InputError('workbook-unreadable', 'This is not an Excel workbook (.xlsx), or it is damaged or password-protected.', {
      location: { file: source },
      hint: 'Open it in Excel, LibreOffice or Google Sheets and save it again as an Excel workbook (.xlsx).',
      cause,
    });
  }
  return workbook;
}

function annotateSheet(worksheet: Worksheet, annotations: SheetAnnotations): void {
  clearSheetMarks(worksheet);
  const columns = new HeaderColumns(worksheet, annotations.headerRow);
  for (const [rowNumber, annotation] of annotations.rows) {
    const row = worksheet.getRow(rowNumber);
    for (const [name, value] of Object.entries(annotation.values)) {
      if (name === RESULT && annotation.link !== undefined) continue;
      writeText(row.getCell(columns.of(name)), value);
    }
    if (annotation.link !== undefined) writeLink(row.getCell(columns.of(RESULT)), annotation.values[RESULT] || annotation.link, annotation.link);
    for (const [column, findings] of findingsByColumn(annotation, columns)) markCell(row.getCell(column), findings);
  }
  freezeHeader(worksheet, annotations.headerRow);
}

/** The header's columns by name (first of same-named ones), appending a missing one after the last. */
class HeaderColumns {
  private readonly byName = new Map<string, number>();
  private readonly header: Row;
  private last = 0;

  constructor(private readonly worksheet: Worksheet, headerRow: number) {
    this.header = worksheet.getRow(headerRow);
    this.header.eachCell((cell, column) => {
      const name = cell.text.trim();
      if (name === '') return;
      if (!this.byName.has(name)) this.byName.set(name, column);
      this.last = column;
    });
  }

  has(name: string): boolean {
    return this.byName.has(name.trim());
  }

  /**
   * The column of `name`; a new header cell (styled as the last one) after the last header cell when
   * the sheet lacks it, skipping any column that holds a value, so no cell of the user's is overwritten.
   */
  of(name: string): number {
    const known = this.byName.get(name.trim());
    if (known !== undefined) return known;
    let column = this.last + 1;
    while (columnHoldsValues(this.worksheet, column)) column++;
    const cell = this.header.getCell(column);
    if (this.last > 0) cell.style = { ...this.header.getCell(this.last).style };
    cell.value = name;
    this.byName.set(name.trim(), column);
    this.last = column;
    return column;
  }
}

function columnHoldsValues(worksheet: Worksheet, column: number): boolean {
  for (let rowNumber = 1; rowNumber <= worksheet.rowCount; rowNumber++) {
    const cell = worksheet.findRow(rowNumber)?.findCell(column);
    if (cell !== undefined && cell.type !== ExcelJS.ValueType.Null) return true;
  }
  return false;
}

/** A row's findings grouped by the column they are marked on (unknown or no column: the Result cell). */
function findingsByColumn(annotation: RowAnnotation, columns: HeaderColumns): Map<number, CellFinding[]> {
  const byColumn = new Map<number, CellFinding[]>();
  for (const { column, message, severity } of annotation.errors ?? []) {
    const target = columns.of(column !== '' && columns.has(column) ? column : RESULT);
    byColumn.set(target, [...(byColumn.get(target) ?? []), { message, severity: severity ?? 'error' }]);
  }
  return byColumn;
}

/**
 * Sets a cell to text. Amounts and renewals stay text cells too: they arrive as decimal strings in the
 * site currency's precision (0, 2 or 3 places), which a number cell would turn into a binary float with
 * one fixed format, and the toolkit reads them back as written. A text starting with = + - @ is
 * never a formula in a workbook (only a formula cell is), so unlike a CSV cell it needs no guard.
 */
function writeText(cell: Cell, value: string): void {
  const wasLink = cell.type === ExcelJS.ValueType.Hyperlink;
  cell.value = value === '' ? null : value;
  if (wasLink && isLinkFont(cell.font)) {
    const { color: _color, underline: _underline, ...font } = cell.font;
    const { font: _link, ...style } = cell.style;
    cell.style = Object.keys(font).length === 0 ? style : { ...style, font };
  }
}

function writeLink(cell: Cell, text: string, link: string): void {
  cell.value = { text, hyperlink: link };
  // A new style object: exceljs shares one among all the cells read with the same style.
  cell.style = { ...cell.style, font: { ...cell.font, color: { argb: LINK_COLOR }, underline: true } };
}

function isLinkFont(font: Partial<Font> | undefined): font is Partial<Font> {
  return font?.underline === true && font.color?.argb?.toUpperCase() === LINK_COLOR;
}

/** Removes an earlier run's notes and highlights from every cell of the sheet. */
function clearSheetMarks(worksheet: Worksheet): void {
  for (let rowNumber = 1; rowNumber <= worksheet.rowCount; rowNumber++) {
    const row = worksheet.findRow(rowNumber);
    if (row === undefined) continue;
    for (let column = 1; column <= row.cellCount; column++) {
      const cell = row.findCell(column);
      if (cell !== undefined) clearOwnMarks(cell, () => row.fill ?? worksheet.getColumn(column).fill);
    }
  }
}

/**
 * Freezes the rows down to the header, keeping the sheet's other view settings (zoom, grid lines,
 * right-to-left) and any columns it already froze.
 */
function freezeHeader(worksheet: Worksheet, headerRow: number): void {
  const views: Array<Partial<WorksheetView>> = worksheet.views?.length ? worksheet.views : [{}];
  worksheet.views = views.map((view) => {
    const xSplit = view.state === 'frozen' ? (view.xSplit ?? 0) : 0;
    const { state: _state, xSplit: _x, ySplit: _y, topLeftCell: _top, style: _style, ...common } = view as Partial<WorksheetView> & { xSplit?: number; ySplit?: number; topLeftCell?: string };
    return { ...common, state: 'frozen', xSplit, ySplit: headerRow, topLeftCell: cellAddress(headerRow + 1, xSplit + 1) } as WorksheetView;
  });
}

/** Writes the workbook to a temp file beside `destination` and renames it into place; on failure nothing is left. */
async function writeAtomically(workbook: Workbook, destination: string): Promise<void> {
  const temp = tempPathBeside(destination);
  try {
    await mkdir(dirname(destination), { recursive: true });
    await workbook.xlsx.writeFile(temp);
    await rename(temp, destination);
  } catch (error) {
    await rm(temp, { force: true });
    throw asOutputError(error, destination);
  }
}
