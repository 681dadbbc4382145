// The annotated workbook in another spreadsheet program: LibreOffice (headless) reads its cells as the
// toolkit wrote them and every other cell as in the user's workbook, and saving it again in LibreOffice
// keeps the values, the link and the notes, which a re-run then replaces.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { writeAnnotatedWorkbook } from '../../src/workbook/annotate.js';
import { cellAddress, columnNumber } from '../../src/workbook/cell-address.js';
import { HIGHLIGHT_FILLS, NOTE_MARKER } from '../../src/workbook/cell-marks.js';
import { withTempDir } from '../helpers/temp-dir.js';
import { LIBREOFFICE_TIMEOUT_MS, resavedByLibreOffice, sheetsAsLibreOfficeShowsThem } from './libreoffice.js';
import { SUBSCRIPTION_LINK, writeRichAndAnnotated } from './rich-workbook.js';

const TIMEOUT = 2 * LIBREOFFICE_TIMEOUT_MS + 30_000;

/** The cell at an A1 address of a sheet as CSV rows ('' past the end). */
function at(rows: string[][] | undefined, address: string): string {
  const [, letters, row] = /^([A-Z]+)(\d+)$/.exec(address)!;
  return rows?.[Number(row) - 1]?.[columnNumber(letters!)! - 1] ?? '';
}

function noteText(note: string | ExcelJS.Comment | undefined): string | undefined {
  return typeof note === 'string' || note === undefined ? note : (note.texts ?? []).map((run) => run.text).join('');
}

/** The cells the rich annotations write, per sheet. */
const WRITTEN: Record<string, ReadonlySet<string>> = {
  Customers: new Set(['I1', 'F2', 'G2', 'I2', 'F3', 'G3', 'F4', 'G4']),
  Invoices: new Set(['D4', 'E4', 'F4', 'D5', 'E5']),
};

describe('the annotated workbook in LibreOffice', () => {
  it(
    'shows the written cells as written and every other cell as in the user workbook',
    async () => {
      await withTempDir({}, async (dir) => {
        const [source, copy] = [join(dir, 'source.xlsx'), join(dir, 'copy.xlsx')];
        await writeRichAndAnnotated(source, copy);
        const shown = await sheetsAsLibreOfficeShowsThem([source, copy], join(dir, 'csv'));
        const [before, after] = [shown.get(source)!, shown.get(copy)!];
        expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
        expect([...after.keys()]).toEqual(expect.arrayContaining(['Read me', 'Customers', 'Invoices']));

        const customers = after.get('Customers');
        expect(['F1', 'G1', 'I1'].map((address) => at(customers, address))).toEqual(['Status', 'Result', 'ChargifyNextRenewal']);
        expect(['F2', 'G2', 'I2'].map((address) => at(customers, address))).toEqual(['success', SUBSCRIPTION_LINK, '1234.50']);
        expect(['F3', 'G3'].map((address) => at(customers, address))).toEqual(['error', '=HYPERLINK("https://evil.test","click")']);
        expect(['F4', 'G4'].map((address) => at(customers, address))).toEqual(['success', '']);
        // The user's cells, formats applied: a number, a date, text that reads as a formula, a formula's value.
        expect(['D2', 'E2', 'B4', 'A6', 'D6'].map((address) => at(customers, address))).toEqual(['10.10', '2024-01-31', '=cmd|/C calc', 'Totals', '1,244.90']);
        const invoices = after.get('Invoices');
        expect(['D4', 'E4', 'F4'].map((address) => at(invoices, address))).toEqual(['success', '', '-12.50']);
        expect(['D5', 'E5', 'F5'].map((address) => at(invoices, address))).toEqual(['error', 'The total does not match', '']);
        expect(at(after.get('Read me'), 'A1')).toBe('Fill in the Customers and Invoices tabs.');

        let compared = 0;
        for (const [name, rows] of before) {
          const annotated = after.get(name)!;
          for (let row = 1; row <= Math.max(rows.length, annotated.length); row++) {
            const width = Math.max(rows[row - 1]?.length ?? 0, annotated[row - 1]?.length ?? 0);
            for (let column = 1; column <= width; column++) {
              const address = cellAddress(row, column);
              if (WRITTEN[name]?.has(address)) continue;
              expect(at(annotated, address), `${name}!${address}`).toBe(at(rows, address));
              compared++;
            }
          }
        }
        expect(compared).toBeGreaterThan(50);
      });
    },
    TIMEOUT,
  );

  it(
    'keeps the values, the link and the notes when LibreOffice saves it again, and a re-run over that replaces the marks',
    async () => {
      await withTempDir({}, async (dir) => {
        const [source, copy] = [join(dir, 'source.xlsx'), join(dir, 'copy.xlsx')];
        await writeRichAndAnnotated(source, copy);
        await mkdir(join(dir, 'resaved'));
        const resaved = await resavedByLibreOffice(copy, join(dir, 'resaved'));

        const workbook = new ExcelJS.Workbook();
        await workbook.xlsx.readFile(resaved);
        const customers = workbook.getWorksheet('Customers')!;
        expect(customers.getCell('G2').value).toEqual({ text: SUBSCRIPTION_LINK, hyperlink: SUBSCRIPTION_LINK });
        expect([customers.getCell('F2').value, customers.getCell('I2').value, customers.getCell('G3').value]).toEqual([
          'success',
          '1234.50',
          '=HYPERLINK("https://evil.test","click")',
        ]);
        expect(noteText(customers.getCell('C3').note)).toBe(
          `${NOTE_MARKER}Error: Expected a 2-letter ISO country code, got XX\n${NOTE_MARKER}Warning: The country is not one the site sells in`,
        );
        expect(customers.getCell('C3').fill).toMatchObject({ pattern: 'solid', fgColor: { argb: HIGHLIGHT_FILLS.error } });
        expect(noteText(customers.getCell('B2').note)).toBe('Ann asked to be called Annie.');
        expect(workbook.getWorksheet('Invoices')!.getCell('F4').value).toBe('-12.50');

        // The user fixed everything and runs again over LibreOffice's file.
        const rerun = join(dir, 'rerun.xlsx');
        await writeAnnotatedWorkbook(resaved, rerun, [{ sheet: 'Customers', headerRow: 1, rows: new Map([[3, { values: { Status: 'success', Result: '' } }]]) }]);
        const again = new ExcelJS.Workbook();
        await again.xlsx.readFile(rerun);
        const fixed = again.getWorksheet('Customers')!;
        for (const address of ['C3', 'G3', 'B4']) expect(fixed.getCell(address).note, address).toBeUndefined();
        expect(fixed.getCell('C3').fill).not.toMatchObject({ fgColor: { argb: HIGHLIGHT_FILLS.error } });
        expect(noteText(fixed.getCell('B2').note)).toBe('Ann asked to be called Annie.');
        expect(fixed.getCell('G2').value).toEqual({ text: SUBSCRIPTION_LINK, hyperlink: SUBSCRIPTION_LINK });
      });
    },
    TIMEOUT,
  );
});
