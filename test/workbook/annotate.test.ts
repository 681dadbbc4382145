// The annotated workbook copy, read back with exceljs: the output cells, the link, the notes and fills,
// the frozen header, every other cell and setting as the user had them, re-runs, and the errors.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { SourceChangedError } from '../../src/csv/writer.js';
import { writeAnnotatedWorkbook } from '../../src/workbook/annotate.js';
import { HIGHLIGHT_FILLS, NOTE_MARKER } from '../../src/workbook/cell-marks.js';
import { withTempDir } from '../helpers/temp-dir.js';
import { fillDisk, withTmpfs } from '../helpers/tmpfs.js';
import { richAnnotations, SHEET_ORDER, SUBSCRIPTION_LINK, writeRichAndAnnotated, writeRichWorkbook } from './rich-workbook.js';

async function read(path: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  return workbook;
}

function sheet(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const worksheet = workbook.getWorksheet(name);
  if (worksheet === undefined) throw new Error(`no sheet ${name}`);
  return worksheet;
}

/** The cells the rich annotations write, per sheet. */
const TOUCHED: Record<string, string[]> = {
  Customers: ['I1', 'F2', 'G2', 'I2', 'C3', 'F3', 'G3', 'B4', 'F4', 'G4'],
  Invoices: ['D4', 'E4', 'F4', 'D5', 'E5'],
};

/** Everything of a cell a user could have set, as comparable data. */
function cellState(cell: ExcelJS.Cell): unknown {
  return JSON.parse(JSON.stringify({ value: cell.value, type: cell.type, style: cell.style, note: cell.note ?? null }));
}

/** A cell's state but its fill: a highlighted cell's own fill is not known after the highlight goes (docs/workbooks-out.md). */
function withoutFill(state: unknown): unknown {
  const { style, ...rest } = state as { style: Record<string, unknown> };
  const { fill: _fill, ...others } = style;
  return { ...rest, style: others };
}

async function annotatedRich(dir: string): Promise<{ source: string; copy: string }> {
  const [source, copy] = [join(dir, 'migration.xlsx'), join(dir, 'out', 'migration.xlsx')];
  await writeRichAndAnnotated(source, copy);
  return { source, copy };
}

describe('writeAnnotatedWorkbook', () => {
  it('fills the output columns as text, appending a missing one after the last header cell in its style', async () => {
    await withTempDir({}, async (dir) => {
      const { copy } = await annotatedRich(dir);
      const customers = sheet(await read(copy), 'Customers');
      expect(customers.getCell('I1').value).toBe('ChargifyNextRenewal');
      expect(customers.getCell('I1').style).toEqual(customers.getCell('H1').style);
      expect(customers.getCell('F2').value).toBe('success');
      expect(customers.getCell('I2').value).toBe('1234.50');
      expect(customers.getCell('I2').type).toBe(ExcelJS.ValueType.String);
      expect(customers.getCell('F3').value).toBe('error');
      // Text that reads as a formula stays text: a workbook cell is a formula only when written as one.
      expect(customers.getCell('G3').value).toBe('=HYPERLINK("https://evil.test","click")');
      expect(customers.getCell('G3').type).toBe(ExcelJS.ValueType.String);
      const invoices = sheet(await read(copy), 'Invoices');
      expect([invoices.getCell('D4').value, invoices.getCell('F4').value]).toEqual(['success', '-12.50']);
      expect(invoices.getCell('E5').value).toBe('The total does not match');
      expect(invoices.getCell('G3').value).toBeNull();
    });
  });

  it('makes the Result a clickable link in link style', async () => {
    await withTempDir({}, async (dir) => {
      const { copy } = await annotatedRich(dir);
      const result = sheet(await read(copy), 'Customers').getCell('G2');
      expect(result.value).toEqual({ text: SUBSCRIPTION_LINK, hyperlink: SUBSCRIPTION_LINK });
      expect(result.font).toMatchObject({ underline: true, color: { argb: 'FF0563C1' } });
    });
  });

  it('highlights each cell with a finding and notes its messages, one per line, the user note kept after them', async () => {
    await withTempDir({}, async (dir) => {
      const { copy } = await annotatedRich(dir);
      const customers = sheet(await read(copy), 'Customers');
      expect(customers.getCell('C3').note).toBe(
        `${NOTE_MARKER}Error: Expected a 2-letter ISO country code, got XX\n${NOTE_MARKER}Warning: The country is not one the site sells in`,
      );
      expect(customers.getCell('C3').fill).toEqual({ type: 'pattern', pattern: 'solid', fgColor: { argb: HIGHLIGHT_FILLS.error } });
      // No column, or one the sheet lacks: the message goes on the Result cell.
      expect(customers.getCell('G3').note).toBe(`${NOTE_MARKER}Error: The site refused the customer`);
      expect(customers.getCell('B4').fill).toEqual({ type: 'pattern', pattern: 'solid', fgColor: { argb: HIGHLIGHT_FILLS.warning } });
      expect(customers.getCell('B4').border).toEqual(customers.getCell('B2').border);
      expect(sheet(await read(copy), 'Invoices').getCell('E5').note).toBe(`${NOTE_MARKER}Error: Total differs`);
    });
  });

  it('freezes the header row of each annotated sheet, keeping frozen columns and the zoom', async () => {
    await withTempDir({}, async (dir) => {
      const { copy } = await annotatedRich(dir);
      const workbook = await read(copy);
      expect(sheet(workbook, 'Customers').views[0]).toMatchObject({ state: 'frozen', xSplit: 1, ySplit: 1, topLeftCell: 'B2', zoomScale: 120 });
      expect(sheet(workbook, 'Invoices').views[0]).toMatchObject({ state: 'frozen', xSplit: 0, ySplit: 3, topLeftCell: 'A4' });
      expect(sheet(workbook, 'Read me').views?.[0]?.state).not.toBe('frozen');
    });
  });

  it('leaves every other cell, style, note, merge, width, validation, name and sheet as the user had them', async () => {
    await withTempDir({}, async (dir) => {
      const { source, copy } = await annotatedRich(dir);
      const [before, after] = [await read(source), await read(copy)];
      expect(after.worksheets.map((worksheet) => worksheet.name)).toEqual(SHEET_ORDER);
      expect(after.worksheets.map((worksheet) => worksheet.state)).toEqual(before.worksheets.map((worksheet) => worksheet.state));
      expect(after.definedNames.model).toEqual(before.definedNames.model);
      let compared = 0;
      for (const original of before.worksheets) {
        const annotated = sheet(after, original.name);
        const touched = new Set(TOUCHED[original.name] ?? []);
        expect(annotated.model.merges, original.name).toEqual(original.model.merges);
        expect(annotated.dataValidations.model, original.name).toEqual(original.dataValidations.model);
        expect(annotated.properties, original.name).toEqual(original.properties);
        for (let column = 1; column <= Math.max(original.columnCount, annotated.columnCount); column++) {
          expect(annotated.getColumn(column).width, `${original.name} column ${column}`).toEqual(original.getColumn(column).width);
        }
        for (let row = 1; row <= Math.max(original.rowCount, annotated.rowCount); row++) {
          expect(annotated.getRow(row).height, `${original.name} row ${row}`).toEqual(original.getRow(row).height);
          for (let column = 1; column <= Math.max(original.columnCount, annotated.columnCount); column++) {
            const address = annotated.getCell(row, column).address;
            if (touched.has(address)) continue;
            expect(cellState(annotated.getCell(row, column)), `${original.name}!${address}`).toEqual(cellState(original.getCell(row, column)));
            compared++;
          }
        }
      }
      expect(compared).toBeGreaterThan(60);
    });
  });

  it('replaces the marks of an earlier run instead of adding to them, and keeps the user note', async () => {
    await withTempDir({}, async (dir) => {
      const { source, copy } = await annotatedRich(dir);
      // The user fixes row 3's country and re-runs over the annotated copy, in place.
      await writeAnnotatedWorkbook(copy, copy, [
        {
          sheet: 'Customers',
          headerRow: 1,
          rows: new Map([
            [2, { values: { Status: 'success', Result: SUBSCRIPTION_LINK }, link: SUBSCRIPTION_LINK, errors: [{ column: 'first_name', message: 'Still odd' }] }],
            [3, { values: { Status: 'success', Result: 'plain text now' } }],
            [4, { values: { Status: 'success', Result: '' }, errors: [{ column: 'first_name', message: 'The name starts with =', severity: 'warning' }] }],
          ]),
        },
      ]);
      const [before, again] = [sheet(await read(source), 'Customers'), sheet(await read(copy), 'Customers')];
      expect(again.getCell('G3').note).toBeUndefined();
      expect(cellState(again.getCell('G3'))).toEqual({ ...(cellState(before.getCell('G3')) as object), value: 'plain text now' });
      // A fill of the user's under a highlight is not known any more: the cell gets its row's or column's (none here).
      expect(again.getCell('C3').note).toBeUndefined();
      expect(again.getCell('C3').fill).toEqual({ type: 'pattern', pattern: 'none' });
      expect(again.getCell('C3').border).toEqual(before.getCell('C3').border);
      expect(again.getCell('B4').note).toBe(`${NOTE_MARKER}Warning: The name starts with =`);
      expect(again.getCell('B2').note).toBe(`${NOTE_MARKER}Error: Still odd\n\nAnn asked to be called Annie.`);
      expect(again.getCell('I1').value).toBe('ChargifyNextRenewal');
      expect(again.getCell('J1').value).toBeNull();
      // A third run without findings on B2 gives the user's note back as it was; row 2's Result is no link any more.
      await writeAnnotatedWorkbook(copy, copy, [{ sheet: 'Customers', headerRow: 1, rows: new Map([[2, { values: { Status: 'error', Result: 'refused' } }]]) }]);
      const third = sheet(await read(copy), 'Customers');
      expect(third.getCell('G2').value).toBe('refused');
      expect(third.getCell('G2').font ?? {}).toEqual(before.getCell('G2').font ?? {});
      expect(third.getCell('B2').note).toBe('Ann asked to be called Annie.');
      for (const address of ['B2', 'B4', 'C3']) {
        expect(third.getCell(address).fill, address).toEqual({ type: 'pattern', pattern: 'none' });
        expect(withoutFill(cellState(third.getCell(address))), address).toEqual(withoutFill(cellState(before.getCell(address))));
      }
    });
  });

  it('appends a missing column after a column that holds stray values, never over them', async () => {
    await withTempDir({}, async (dir) => {
      const source = join(dir, 'in.xlsx');
      const workbook = new ExcelJS.Workbook();
      const worksheet = workbook.addWorksheet('Customers');
      worksheet.addRow(['reference', 'Status']);
      worksheet.addRow(['cus-1', '', 'my own remark']);
      await workbook.xlsx.writeFile(source);
      await writeAnnotatedWorkbook(source, source, [{ sheet: 'Customers', headerRow: 1, rows: new Map([[2, { values: { Status: 'error', Result: 'refused' } }]]) }]);
      const annotated = sheet(await read(source), 'Customers');
      expect(annotated.getRow(1).values).toEqual([undefined, 'reference', 'Status', undefined, 'Result']);
      expect(annotated.getRow(2).values).toEqual([undefined, 'cus-1', 'error', 'my own remark', 'refused']);
    });
  });

  it('refuses a source that is not a workbook, or missing, naming the file, and writes nothing', async () => {
    await withTempDir({ 'not.xlsx': 'reference,Status\ncus-1,\n' }, async (dir) => {
      for (const source of [join(dir, 'not.xlsx'), join(dir, 'missing.xlsx')]) {
        const error = await writeAnnotatedWorkbook(source, join(dir, 'out.xlsx'), []).catch((caught: unknown) => caught);
        expect(error).toBeInstanceOf(InputError);
        expect((error as InputError).exitCode).toBe(2);
        expect((error as InputError).location.file).toBe(source);
        expect((error as InputError).code).toBe('workbook-unreadable');
      }
      expect(await readdir(dir)).toEqual(['not.xlsx']);
    });
  });

  it('refuses a sheet the workbook no longer has', async () => {
    await withTempDir({}, async (dir) => {
      const source = join(dir, 'in.xlsx');
      await writeRichWorkbook(source);
      const error = await writeAnnotatedWorkbook(source, join(dir, 'out.xlsx'), [{ sheet: 'Gone', headerRow: 1, rows: new Map() }]).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(InputError);
      expect((error as Error).message).toContain('"Gone"');
      expect(await readdir(dir)).toEqual(['in.xlsx']);
    });
  });

  it('refuses a source whose bytes changed since they were read', async () => {
    await withTempDir({}, async (dir) => {
      const source = join(dir, 'in.xlsx');
      await writeRichWorkbook(source);
      const sha256 = createHash('sha256').update(await readFile(source)).digest('hex');
      await writeAnnotatedWorkbook(source, join(dir, 'ok.xlsx'), richAnnotations(), { expectedSha256: sha256 });
      await writeFile(source, Buffer.concat([await readFile(source), Buffer.from('x')]));
      await expect(writeAnnotatedWorkbook(source, join(dir, 'changed.xlsx'), richAnnotations(), { expectedSha256: sha256 })).rejects.toBeInstanceOf(SourceChangedError);
      expect((await readdir(dir)).sort()).toEqual(['in.xlsx', 'ok.xlsx']);
    });
  });

  it('says clearly when the destination disk is full or read-only, and leaves no file behind', async () => {
    await withTempDir({}, async (dir) => {
      const source = join(dir, 'in.xlsx');
      await writeRichWorkbook(source);
      await withTmpfs({ size: '64k' }, async (full) => {
        await writeFile(join(full, 'kept.txt'), 'mine');
        // The temp file can be created, not filled: the write fails after it started.
        await fillDisk(full);
        const error = await writeAnnotatedWorkbook(source, join(full, 'copy.xlsx'), richAnnotations()).catch((caught: unknown) => caught);
        expect(error).toBeInstanceOf(InputError);
        expect((error as Error).message).toBe(`Cannot write ${join(full, 'copy.xlsx')} (the disk is full); nothing was written there.`);
        expect((await readdir(full)).sort()).toEqual(['filler', 'kept.txt']);
      });
      await withTmpfs({ size: '64k', readOnly: true }, async (readOnly) => {
        const error = await writeAnnotatedWorkbook(source, join(readOnly, 'copy.xlsx'), richAnnotations()).catch((caught: unknown) => caught);
        expect((error as Error).message).toBe(`Cannot write ${join(readOnly, 'copy.xlsx')} (the file system is read-only); nothing was written there.`);
        expect(await readdir(readOnly)).toEqual([]);
      });
    });
  });

  it('leaves no temp file when the destination is a folder', async () => {
    await withTempDir({ 'out/copy.xlsx/keep': '' }, async (dir) => {
      const source = join(dir, 'in.xlsx');
      await writeRichWorkbook(source);
      const error = await writeAnnotatedWorkbook(source, join(dir, 'out', 'copy.xlsx'), richAnnotations()).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(InputError);
      expect((error as Error).message).toMatch(/^Cannot write .*copy\.xlsx \(E[A-Z]+\); nothing was written there\.$/);
      expect(await readdir(join(dir, 'out'))).toEqual(['copy.xlsx']);
    });
  });
});
