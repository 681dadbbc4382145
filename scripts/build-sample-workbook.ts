// Writes fixtures/sample/migration.xlsx from the sample CSVs beside it: one sheet per template file, as a
// person would keep them (dates as dates, numbers as numbers, codes as text), header bold and frozen.
// Run: npm run build:sample-workbook. test/e2e/workbook-sample.test.ts checks it still matches the CSVs.
import { readdirSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { openCsv } from '../src/csv/reader.js';
import { numberText } from '../src/workbook/cells.js';

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), fileURLToPath(import.meta.url).includes('/dist/') ? '../..' : '..');
export const sampleFolder = resolve(projectRoot, 'fixtures/sample');
export const sampleWorkbook = join(sampleFolder, 'migration.xlsx');

/** Columns kept as text whatever they hold: digits whose leading zeros matter, or that are codes, not amounts. */
const TEXT_COLUMNS = /(^|_)(zip|phone|last_four|id|reference|code|handle)$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

type ColumnKind = 'text' | 'number' | 'date' | 'boolean';

/** How a column is stored: as the value type every one of its cells holds exactly (a number only where its text is the number's shown digits). */
function columnKind(name: string, values: string[]): ColumnKind {
  const filled = values.filter((value) => value !== '');
  if (filled.length === 0 || TEXT_COLUMNS.test(name)) return 'text';
  if (filled.every((value) => ISO_DATE.test(value))) return 'date';
  if (filled.every((value) => value === 'TRUE' || value === 'FALSE')) return 'boolean';
  if (filled.every((value) => /^-?\d+(\.\d+)?$/.test(value) && numberText(Number(value)) === value)) return 'number';
  return 'text';
}

function cellValue(kind: ColumnKind, value: string): ExcelJS.CellValue {
  if (value === '') return null;
  if (kind === 'date') return new Date(`${value}T00:00:00Z`);
  if (kind === 'boolean') return value === 'TRUE';
  if (kind === 'number') return Number(value);
  return value;
}

const FORMATS: Record<ColumnKind, string | undefined> = { text: '@', date: 'yyyy-mm-dd', number: undefined, boolean: undefined };

/** Builds the workbook from every .csv in `folder`, sheets in file-name order, each named after its file. */
export async function buildSampleWorkbook(folder: string = sampleFolder, output: string = sampleWorkbook): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  // Fixed dates: the same CSVs give the same bytes, so the committed file changes only when they do.
  workbook.created = workbook.modified = new Date(Date.UTC(2026, 0, 1));
  workbook.creator = 'migrate';
  const files = readdirSync(folder).filter((name) => name.endsWith('.csv')).sort();
  for (const name of files) {
    const source = await openCsv(join(folder, name));
    const rows: Array<{ row: number; cells: string[] }> = [];
    for await (const record of source.records) rows.push({ row: record.row, cells: record.cells });
    const sheet = workbook.addWorksheet(basename(name, '.csv'), { views: [{ state: 'frozen', ySplit: 1 }] });
    const kinds = source.header.map((column, index) => columnKind(column, rows.map((row) => row.cells[index] ?? '')));
    sheet.addRow(source.header).font = { bold: true };
    source.header.forEach((column, index) => {
      const format = FORMATS[kinds[index]!];
      if (format !== undefined) sheet.getColumn(index + 1).numFmt = format;
      sheet.getColumn(index + 1).width = Math.min(40, Math.max(10, column.length + 2));
    });
    for (const { row, cells } of rows) {
      // Rows keep their numbers: a blank line in the CSV stays a blank row in the sheet.
      const target = sheet.getRow(row);
      cells.forEach((value, index) => {
        const cell = target.getCell(index + 1);
        cell.value = cellValue(kinds[index]!, value);
        const format = FORMATS[kinds[index]!];
        if (format !== undefined) cell.numFmt = format;
      });
      target.commit();
    }
  }
  await workbook.xlsx.writeFile(output);
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await buildSampleWorkbook(process.argv[2] ?? sampleFolder, process.argv[3] ?? sampleWorkbook);
  process.stdout.write(`Wrote ${process.argv[3] ?? sampleWorkbook}\n`);
}
