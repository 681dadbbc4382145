// validate on .xlsx workbooks, end to end with the built CLI: the bundled sample workbook (and the same
// workbook as LibreOffice writes it) gives the CSV folder's findings; cells read as the sheet shows them;
// empty and unrelated sheets are skipped with a notice; JSON, GitHub and JUnit name the sheet; --out
// writes the annotated copy with each finding on its cell; a corrupt workbook is one line, exit 2.
import { execFile } from 'node:child_process';
import { copyFile, mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { blankHeader } from '../../src/templates/header.js';
import { getTemplate } from '../../src/templates/index.js';
import { HIGHLIGHT_FILLS } from '../../src/workbook/cell-marks.js';
import { withTempDir } from '../helpers/temp-dir.js';
import { AS_OF } from './import-data.js';
import { runCli } from './run-cli.js';

const sampleFolder = fileURLToPath(new URL('../../fixtures/sample', import.meta.url));
const sampleWorkbook = join(sampleFolder, 'migration.xlsx');
/** The day the sample's invoices are judged against: its three future issue dates are findings. */
const SAMPLE_AS_OF = '2026-06-01';

interface JsonReport {
  files: Array<{ path: string; sheet?: string; template: string; rows: number; issues: Array<{ row: number; column: string; rule: string; message: string; cell?: string }> }>;
  skippedSheets?: Array<{ path: string; sheet: string; reason: string; message: string }>;
}

async function validateJson(cwd: string, args: string[], asOf = AS_OF): Promise<{ code: number | null; report: JsonReport; stderr: string }> {
  const exit = await runCli(cwd, ['validate', ...args, '--as-of', asOf, '--format', 'json']);
  if (exit.stdout === '') throw new Error(`no JSON; exit ${exit.code}; stderr: ${exit.stderr}`);
  return { code: exit.code, report: JSON.parse(exit.stdout) as JsonReport, stderr: exit.stderr };
}

/** Findings by kind as people compare them: rule, row, column and message. */
function findingsByKind(report: JsonReport): Record<string, string[]> {
  const byKind: Record<string, string[]> = {};
  for (const file of report.files) byKind[file.template] = file.issues.map((issue) => `${issue.rule} ${issue.row} ${issue.column}: ${issue.message}`).sort();
  return byKind;
}

async function readBook(path: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  return workbook;
}

function noteText(cell: ExcelJS.Cell): string | undefined {
  const note = cell.note as string | ExcelJS.Comment | undefined;
  return typeof note === 'string' || note === undefined ? note : (note.texts ?? []).map((run) => run.text).join('');
}

/** A workbook of one subscriptions-standard sheet ("Subscriptions") with rows set cell by cell, plus other sheets. */
async function subscriptionsWorkbook(path: string, build: (sheet: ExcelJS.Worksheet, column: (name: string) => number, workbook: ExcelJS.Workbook) => void): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const header = [...blankHeader(getTemplate('subscriptions-standard'))];
  const sheet = workbook.addWorksheet('Subscriptions');
  sheet.addRow(header);
  const base: Record<string, ExcelJS.CellValue> = {
    create_subscription: true,
    customer_reference: 'c-1',
    first_name: 'Ada',
    last_name: 'Lovelace',
    email: 'ada@example.com',
    create_payment_profile: false,
    currency: 'USD',
    payment_collection_method: 'remittance',
    next_billing_at: '2030-01-15',
    product_handle: 'basic',
  };
  sheet.addRow(header.map((name) => base[name] ?? null));
  build(sheet, (name) => header.indexOf(name) + 1, workbook);
  await workbook.xlsx.writeFile(path);
}

describe('validate a workbook', () => {
  it('the sample workbook gives the findings of the sample CSV folder, each sheet an entry of files', async () => {
    await withTempDir({}, async (dir) => {
      const csv = await validateJson(dir, [sampleFolder, '--preview'], SAMPLE_AS_OF);
      const workbook = await validateJson(dir, [sampleWorkbook, '--preview'], SAMPLE_AS_OF);
      expect(workbook.code).toBe(csv.code);
      expect(findingsByKind(workbook.report)).toEqual(findingsByKind(csv.report));
      expect(Object.keys(findingsByKind(workbook.report))).toHaveLength(9);
      expect(Object.values(findingsByKind(workbook.report)).flat()).toHaveLength(4);
      for (const file of workbook.report.files) expect(file).toMatchObject({ path: sampleWorkbook, sheet: expect.any(String) });
      const invoices = workbook.report.files.find((file) => file.template === 'invoices')!;
      expect(invoices.sheet).toBe('invoices');
      expect(invoices.issues[0]).toMatchObject({ rule: 'date-past', row: 2, cell: 'I2' });
      // The preview's finding points at the cell too: YourExpectedRenewal is column D.
      const standard = workbook.report.files.find((file) => file.sheet === 'subscriptions-standard')!;
      expect(standard.issues.find((issue) => issue.rule === 'expected-renewal')).toMatchObject({ row: 13, cell: 'D13' });
      // A folder search reads the CSV files only, never the workbook beside them.
      expect(csv.report.files.every((file) => file.path.endsWith('.csv'))).toBe(true);
    });
  });

  it('the same workbook as LibreOffice writes it validates with the same findings', { timeout: 180_000 }, async () => {
    await withTempDir({}, async (dir) => {
      await mkdir(join(dir, 'out'));
      await promisify(execFile)('soffice', [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', 'xlsx', '--outdir', join(dir, 'out'), sampleWorkbook], { timeout: 150_000 });
      expect(await readdir(join(dir, 'out'))).toEqual(['migration.xlsx']);
      const csv = await validateJson(dir, [sampleFolder, '--preview'], SAMPLE_AS_OF);
      const libreOffice = await validateJson(dir, [join(dir, 'out', 'migration.xlsx'), '--preview'], SAMPLE_AS_OF);
      expect(libreOffice.stderr).toBe('');
      expect(findingsByKind(libreOffice.report)).toEqual(findingsByKind(csv.report));
    });
  });

  it('reads cells as the sheet shows them: date serials, 10.1, text with leading zeros, formulas by their result', async () => {
    await withTempDir({}, async (dir) => {
      const path = join(dir, 'book.xlsx');
      await subscriptionsWorkbook(path, (sheet, column) => {
        const row = sheet.getRow(2);
        row.getCell(column('next_billing_at')).value = new Date(Date.UTC(2030, 0, 15));
        row.getCell(column('next_billing_at')).numFmt = 'd mmm yyyy';
        row.getCell(column('YourExpectedRenewal')).value = 10.1 + 1e-15;
        row.getCell(column('shipping_zip')).value = '02134';
        // A formula is read by its cached result; a formula error is a finding on its cell.
        row.getCell(column('first_name')).value = { formula: 'UPPER("ada")', result: 'ADA' };
        row.getCell(column('last_name')).value = { error: '#REF!' } as ExcelJS.CellErrorValue;
        // A subscription custom field, after the template's columns.
        const rate = sheet.getRow(1).cellCount + 1;
        sheet.getRow(1).getCell(rate).value = 'custom_field[Rate]';
        row.getCell(rate).value = 10.1 + 1e-15;
        row.commit();
      });
      const { code, report } = await validateJson(dir, [path, '--max-findings', '0']);
      expect(code).toBe(1);
      const [file] = report.files;
      expect(file).toMatchObject({ path, sheet: 'Subscriptions', template: 'subscriptions-standard', rows: 1 });
      expect(file!.issues.map(({ rule, column, cell }) => ({ rule, column, cell }))).toEqual([{ rule: 'formula-value', column: 'last_name', cell: expect.stringMatching(/^[A-Z]+2$/) }]);
      expect(file!.issues[0]!.message).toContain('#REF!');

      // The annotated copy marks the cell and leaves the user's cells as they were.
      const out = join(dir, 'out');
      expect((await runCli(dir, ['validate', path, '--as-of', AS_OF, '--out', out])).code).toBe(1);
      expect(await readdir(out)).toEqual(['book.xlsx']);
      const copy = (await readBook(join(out, 'book.xlsx'))).getWorksheet('Subscriptions')!;
      const header = [...blankHeader(getTemplate('subscriptions-standard'))];
      const cell = (name: string) => copy.getRow(2).getCell(header.indexOf(name) + 1);
      expect([cell('Status').value, cell('Result').value]).toEqual(['error', expect.stringContaining('#REF!')]);
      expect(noteText(cell('last_name'))).toMatch(/^\[migrate\] Error: .*#REF!/);
      expect(cell('last_name').fill).toMatchObject({ fgColor: { argb: HIGHLIGHT_FILLS.error } });
      expect(cell('next_billing_at').value).toEqual(new Date(Date.UTC(2030, 0, 15)));
      expect(cell('next_billing_at').numFmt).toBe('d mmm yyyy');

      // The values as read, in the operations a dry run plans (the formula error fixed).
      const fixed = await readBook(path);
      fixed.getWorksheet('Subscriptions')!.getRow(2).getCell(header.indexOf('last_name') + 1).value = 'Lovelace';
      await fixed.xlsx.writeFile(path);
      const dryRun = await runCli(dir, ['test-import', path, '--as-of', AS_OF, '--dry-run', '--create-custom-fields', '--format', 'json']);
      expect(dryRun.code, dryRun.stderr).toBe(0);
      const [subscription] = (JSON.parse(dryRun.stdout) as { operations: Array<{ kind: string; fields: Record<string, unknown> }> }).operations.filter((operation) => operation.kind === 'subscription');
      expect(subscription!.fields).toMatchObject({ nextBillingDate: '2030-01-15', newCustomer: { firstName: 'ADA', lastName: 'Lovelace' }, customFields: { Rate: '10.1' } });
      expect(JSON.stringify(subscription!.fields)).toContain('"02134"');
    });
  });

  it('validate --out marks the findings of a header on its cells, and each row error on its cell', async () => {
    await withTempDir({}, async (dir) => {
      const path = join(dir, 'book.xlsx');
      await subscriptionsWorkbook(path, (sheet, column) => {
        // A column the template does not know (a warning), and email gone (every row is refused): read
        // as the template named, since a header without a required column is no template detected.
        sheet.getRow(1).getCell(column('email')).value = 'e-mail';
        sheet.getRow(2).getCell(column('currency')).value = 'dollars';
        sheet.getRow(2).commit();
      });
      const exit = await runCli(dir, ['validate', path, '--as-of', AS_OF, '--template', 'subscriptions-standard', '--out', 'out']);
      expect(exit.code, exit.stderr).toBe(1);
      const copy = (await readBook(join(dir, 'out', 'book.xlsx'))).getWorksheet('Subscriptions')!;
      const header = [...blankHeader(getTemplate('subscriptions-standard'))];
      const at = (row: number, name: string) => copy.getRow(row).getCell(header.indexOf(name) + 1);
      // The missing column has no cell: its finding goes on the header's Result cell.
      expect(noteText(at(1, 'Result'))).toMatch(/^\[migrate\] Error: .*email/m);
      expect(noteText(at(1, 'email'))).toMatch(/^\[migrate\] Warning: .*e-mail/m);
      expect(at(1, 'email').fill).toMatchObject({ fgColor: { argb: HIGHLIGHT_FILLS.warning } });
      expect(at(2, 'Status').value).toBe('error');
      expect(noteText(at(2, 'currency'))).toMatch(/^\[migrate\] Error: .*dollars/);
      expect(noteText(at(2, 'first_name'))).toBeUndefined();
      expect(copy.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    });
  });

  it('a last_four the sheet stores as a number says its zeros are lost and how to format the column', async () => {
    await withTempDir({}, async (dir) => {
      const path = join(dir, 'book.xlsx');
      await subscriptionsWorkbook(path, (sheet, column) => {
        const row = sheet.getRow(2);
        const card: Record<string, ExcelJS.CellValue> = {
          create_payment_profile: true,
          payment_profile_type: 'credit_card',
          current_vault: 'bogus',
          vault_token: 'tok_1',
          credit_card_first_name: 'Ada',
          credit_card_last_name: 'Lovelace',
          card_type: 'visa',
          exp_month: 12,
          exp_year: 2030,
          last_four: 42,
          bank_account_last_four: '0042',
        };
        for (const [name, value] of Object.entries(card)) row.getCell(column(name)).value = value;
        row.commit();
      });
      const { report } = await validateJson(dir, [path]);
      const lastFour = report.files[0]!.issues.filter((issue) => issue.rule === 'last-four');
      expect(lastFour.map((issue) => issue.column)).toEqual(['last_four']);
      expect(lastFour[0]!.message).toMatch(/number 42 in the workbook.*Plain text/);
    });
  });

  it('skips empty and unrelated sheets with a notice, in every format', async () => {
    await withTempDir({}, async (dir) => {
      const path = join(dir, 'book.xlsx');
      await subscriptionsWorkbook(path, (_sheet, _column, workbook) => {
        workbook.addWorksheet('Empty');
        workbook.addWorksheet('My Notes').addRow(['Owner', 'Due']);
      });
      const { code, report } = await validateJson(dir, [path]);
      expect(code).toBe(0);
      expect(report.files.map((file) => file.sheet)).toEqual(['Subscriptions']);
      expect(report.skippedSheets).toEqual([
        { path, sheet: 'Empty', reason: 'empty', message: 'The sheet is empty.' },
        { path, sheet: 'My Notes', reason: 'not-a-template', message: expect.stringContaining('not a template') },
      ]);
      const pretty = await runCli(dir, ['validate', path, '--as-of', AS_OF]);
      expect(pretty.stdout).toContain(`${path} › My Notes  skipped:`);
      const github = await runCli(dir, ['validate', path, '--as-of', AS_OF, '--format', 'github']);
      expect(github.stdout).toContain('::notice file=');
      expect(github.stdout).toContain('Sheet My Notes skipped');
      const junit = await runCli(dir, ['validate', path, '--as-of', AS_OF, '--format', 'junit']);
      expect(junit.stdout).toContain(`<testsuite name="${path} › Subscriptions"`);
      expect(junit.stdout).toContain(`<testsuite name="${path} › Empty"`);
    });
  });

  it('GitHub annotations point at the workbook and name Sheet!Cell; JUnit has a suite per sheet', async () => {
    await withTempDir({}, async (dir) => {
      await copyFile(sampleWorkbook, join(dir, 'migration.xlsx'));
      const github = await runCli(dir, ['validate', 'migration.xlsx', '--as-of', SAMPLE_AS_OF, '--format', 'github']);
      expect(github.stdout).toContain('::error file=migration.xlsx,title=date-past%3A invoices!I2 issue_date::invoices!I2 (INV-1001), column issue_date');
      const junit = await runCli(dir, ['validate', 'migration.xlsx', '--as-of', AS_OF, '--format', 'junit']);
      expect(junit.stdout.match(/<testsuite /g)).toHaveLength(9);
      expect(junit.stdout).toContain('<testsuite name="migration.xlsx › invoices"');
    });
  });

  it('a corrupt workbook, an .ods, or a folder holding only workbooks: one line each, exit 2', async () => {
    await withTempDir({ 'bad.xlsx': 'not a zip at all', 'old.ods': 'x', 'books/migration.xlsx': 'x' }, async (dir) => {
      const corrupt = await runCli(dir, ['validate', 'bad.xlsx', '--as-of', AS_OF]);
      expect(corrupt.code).toBe(2);
      expect(corrupt.stderr).toMatch(/^migrate: bad\.xlsx: This file cannot be read as an Excel workbook/m);
      expect(corrupt.stderr).not.toMatch(/\n\s+at /);
      const ods = await runCli(dir, ['validate', 'old.ods', '--as-of', AS_OF]);
      expect(ods.code).toBe(2);
      expect(ods.stderr).toContain('Save it as an Excel Workbook (.xlsx)');
      const folder = await runCli(dir, ['validate', 'books', '--as-of', AS_OF]);
      expect(folder.code).toBe(2);
      expect(folder.stderr).toContain('give the workbook itself: migrate validate books/migration.xlsx');
    });
  });

  it('keeps the CSV message for a workbook named .csv', async () => {
    await withTempDir({}, async (dir) => {
      await copyFile(sampleWorkbook, join(dir, 'renamed.csv'));
      const exit = await runCli(dir, ['validate', 'renamed.csv', '--as-of', AS_OF]);
      expect(exit.code).toBe(2);
      expect(exit.stderr).toContain('This is an Excel workbook or another zip file, not a CSV file');
    });
  });
});
