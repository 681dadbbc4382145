// Test fixture: a workbook as a user keeps one (styles, number formats, dates, merged cells, a formula,
// notes, a dropdown, a defined name, several sheets including unrelated ones), written with exceljs,
// and the annotations the tests write into it.
import ExcelJS from 'exceljs';
import { writeAnnotatedWorkbook, type SheetAnnotations } from '../../src/workbook/annotate.js';

export const SHEET_ORDER = ['Read me', 'Customers', 'Invoices', 'Lists'];

/** Writes the workbook to `path`. Customers' header is row 1 (no ChargifyNextRenewal column); Invoices' is row 3. */
export async function writeRichWorkbook(path: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const readMe = workbook.addWorksheet('Read me', { properties: { tabColor: { argb: 'FF00AA00' } } });
  readMe.getCell('A1').value = 'Fill in the Customers and Invoices tabs.';
  readMe.getCell('A1').font = { bold: true, size: 14 };
  readMe.getColumn(1).width = 60;

  const customers = workbook.addWorksheet('Customers', { views: [{ state: 'frozen', xSplit: 1, ySplit: 0, topLeftCell: 'B1', zoomScale: 120 }] });
  customers.addRow(['reference', 'first_name', 'country', 'price', 'signup_date', 'Status', 'Result', 'YourExpectedRenewal']);
  customers.addRow(['cus-1', 'Ann', 'US', 10.1, new Date(Date.UTC(2024, 0, 31)), '', '', '20.20']);
  customers.addRow(['cus-2', 'Bob', 'XX', 1234.5, new Date(Date.UTC(2024, 1, 29)), 'pending', '', '']);
  customers.addRow(['cus-3', '=cmd|/C calc', 'FR', 0.3, new Date(Date.UTC(2023, 11, 1)), '', '', '']);
  const header = customers.getRow(1);
  header.eachCell((cell) => {
    // One style object for every header cell: exceljs shares style objects the same way when it reads a file.
    cell.style = headerStyle;
  });
  customers.getColumn(1).width = 14;
  customers.getColumn(7).width = 40;
  for (const row of [2, 3, 4]) {
    customers.getCell(row, 4).numFmt = '#,##0.00';
    customers.getCell(row, 5).numFmt = 'yyyy-mm-dd';
    customers.getCell(row, 2).style = dataStyle;
    customers.getCell(row, 3).style = dataStyle;
  }
  customers.getCell('B2').note = 'Ann asked to be called Annie.';
  customers.getCell('A4').value = { text: 'cus-3', hyperlink: 'https://crm.example.test/cus-3' };
  customers.dataValidations.add('C2:C4', { type: 'list', allowBlank: true, formulae: ['Lists!$A$1:$A$3'] });
  customers.getCell('A6').value = 'Totals';
  customers.mergeCells('A6:C6');
  customers.getCell('D6').value = { formula: 'SUM(D2:D4)', result: 1244.9 };
  customers.getCell('D6').numFmt = '#,##0.00';
  customers.getRow(6).height = 24;

  const invoices = workbook.addWorksheet('Invoices');
  invoices.getCell('A1').value = 'Invoices to import';
  invoices.mergeCells('A1:D1');
  invoices.addRow([]);
  invoices.addRow(['reference', 'customer_reference', 'total_amount', 'Status', 'Result', 'Amount']);
  invoices.addRow(['inv-1', 'cus-1', '-12.50', '', '', '']);
  invoices.addRow(['inv-2', 'cus-2', '99.999', '', '', '']);

  const lists = workbook.addWorksheet('Lists', { state: 'hidden' });
  ['US', 'FR', 'DE'].forEach((code, index) => {
    lists.getCell(index + 1, 1).value = code;
  });
  workbook.definedNames.add('Lists!$A$1:$A$3', 'countries');
  await workbook.xlsx.writeFile(path);
}

const headerStyle: Partial<ExcelJS.Style> = {
  font: { bold: true, color: { argb: 'FFFFFFFF' } },
  fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF1F4E78' } },
  alignment: { horizontal: 'center' },
};

const dataStyle: Partial<ExcelJS.Style> = {
  fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } },
  border: { bottom: { style: 'thin', color: { argb: 'FF999999' } } },
};

export const SUBSCRIPTION_LINK = 'https://acme.example.test/subscriptions/42';

/** The annotations of a test-import over the rich workbook: a success with a link, an error, a warning and an invoice. */
export function richAnnotations(): SheetAnnotations[] {
  return [
    {
      sheet: 'Customers',
      headerRow: 1,
      rows: new Map([
        [2, { values: { Status: 'success', Result: SUBSCRIPTION_LINK, ChargifyNextRenewal: '1234.50' }, link: SUBSCRIPTION_LINK }],
        [
          3,
          {
            values: { Status: 'error', Result: '=HYPERLINK("https://evil.test","click")' },
            errors: [
              { column: 'country', message: 'Expected a 2-letter ISO country code, got XX' },
              { column: 'country', message: 'The country is not one the site sells in', severity: 'warning' as const },
              { column: '', message: 'The site refused the customer' },
            ],
          },
        ],
        [4, { values: { Status: 'success', Result: '' }, errors: [{ column: 'first_name', message: 'The name starts with =', severity: 'warning' as const }] }],
      ]),
    },
    {
      sheet: 'Invoices',
      headerRow: 3,
      rows: new Map([
        [4, { values: { Status: 'success', Result: '', Amount: '-12.50' } }],
        [5, { values: { Status: 'error', Result: 'The total does not match' }, errors: [{ column: 'no such column', message: 'Total differs' }] }],
      ]),
    },
  ];
}

/** Writes the rich workbook at `source` and its annotated copy (richAnnotations) at `copy`. */
export async function writeRichAndAnnotated(source: string, copy: string): Promise<void> {
  await writeRichWorkbook(source);
  await writeAnnotatedWorkbook(source, copy, richAnnotations());
}
