// The annotated workbook an import writes for an .xlsx input, end to end with the built CLI and the
// embedded sandbox: one copy of the workbook with Status, Result links, ChargifyNextRenewal and Amount,
// every other cell as it was; compare reads it as it reads the CSV results; LibreOffice reads its cells;
// findings' cells are marked, and a re-run (test-import or resync) over the copy reads it as its input.
import { copyFileSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox } from '../../src/targets/advanced-billing/sandbox/index.js';
import { createTarget } from '../../src/targets/index.js';
import { runCli } from '../cli/run-cli.js';
import { all as collect } from '../erase/harness.js';
import { TEST_TODAY } from '../helpers/clock.js';
import { startHostileServer } from '../helpers/hostile-server.js';
import { withTempDir } from '../helpers/temp-dir.js';
import { HIGHLIGHT_FILLS } from '../../src/workbook/cell-marks.js';
import { LIBREOFFICE_TIMEOUT_MS, resavedByLibreOffice, sheetsAsLibreOfficeShowsThem } from '../workbook/libreoffice.js';

const sampleFolder = fileURLToPath(new URL('../../fixtures/sample', import.meta.url));
const sampleWorkbook = join(sampleFolder, 'migration.xlsx');
/** The sample's three invoices are dated after this day: each is an error on its issue_date cell. */
const INVOICES_IN_FUTURE = '2026-06-01';
/** A day after every date in the sample: every row is clean. */
const AFTER_ALL = '2027-01-01';
const OUTPUT_COLUMNS = new Set(['Status', 'Result', 'ChargifyNextRenewal', 'Amount']);
const LINK = /^http:\/\/127\.0\.0\.1:\d+\//;

/** One folder imported from the workbook, one from the CSV folder, each into its own embedded sandbox. */
let dir: string;
let csvDir: string;

beforeAll(async () => {
  [dir, csvDir] = await Promise.all([mkdtemp(join(tmpdir(), 'migrate-book-')), mkdtemp(join(tmpdir(), 'migrate-csv-'))]);
  await Promise.all([cp(sampleFolder, join(dir, 'sample'), { recursive: true }), cp(sampleFolder, join(csvDir, 'sample'), { recursive: true })]);
  const [book, csv] = await Promise.all([
    runCli(['test-import', 'sample/migration.xlsx', '--as-of', TEST_TODAY], { cwd: dir }),
    runCli(['test-import', 'sample', '--as-of', TEST_TODAY], { cwd: csvDir }),
  ]);
  expect(book.code, book.stderr).toBe(0);
  expect(csv.code, csv.stderr).toBe(0);
}, 120_000);

afterAll(async () => {
  await Promise.all([dir, csvDir].filter(Boolean).map((folder) => rm(folder, { recursive: true, force: true })));
});

async function readBook(path: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  return workbook;
}

/** The cell of a sheet's row under the header cell named `column` (the header is row 1 in the sample). */
function cellAt(sheet: ExcelJS.Worksheet, row: number, column: string): ExcelJS.Cell {
  let found = 0;
  sheet.getRow(1).eachCell((cell, index) => {
    if (found === 0 && cell.text === column) found = index;
  });
  if (found === 0) throw new Error(`${sheet.name} has no column ${column}`);
  return sheet.getRow(row).getCell(found);
}

function hyperlinkOf(cell: ExcelJS.Cell): { text: string; hyperlink: string } | undefined {
  const value = cell.value as { text?: string; hyperlink?: string } | null;
  return value !== null && typeof value === 'object' && typeof value.hyperlink === 'string' ? { text: String(value.text), hyperlink: value.hyperlink } : undefined;
}

function noteText(cell: ExcelJS.Cell): string | undefined {
  const note = cell.note as string | ExcelJS.Comment | undefined;
  return typeof note === 'string' || note === undefined ? note : (note.texts ?? []).map((run) => run.text).join('');
}

describe('the annotated workbook of an import', () => {
  it('is one copy of the workbook, named as the input, with Status, Result links, renewals and amounts', async () => {
    expect((await readdir(join(dir, 'migrate-results'))).sort()).toEqual(['migration.xlsx', 'result-sites.json']);
    const [source, copy] = await Promise.all([readBook(sampleWorkbook), readBook(join(dir, 'migrate-results', 'migration.xlsx'))]);
    expect(copy.worksheets.map((sheet) => sheet.name)).toEqual(source.worksheets.map((sheet) => sheet.name));

    const subscriptions = copy.getWorksheet('subscriptions-standard')!;
    expect(cellAt(subscriptions, 2, 'Status').value).toBe('success');
    const link = hyperlinkOf(cellAt(subscriptions, 2, 'Result'));
    expect(link?.hyperlink).toMatch(new RegExp(`${LINK.source}subscriptions/\\d+$`));
    expect(link?.text).toBe(link?.hyperlink);
    expect(cellAt(subscriptions, 2, 'ChargifyNextRenewal').value).toBe('29.00');
    expect(cellAt(subscriptions, 13, 'ChargifyNextRenewal').value).toBe('144.00');
    expect(cellAt(subscriptions, 13, 'YourExpectedRenewal').value).toBe(cellAt(source.getWorksheet('subscriptions-standard')!, 13, 'YourExpectedRenewal').value);
    const invoices = copy.getWorksheet('invoices')!;
    expect(cellAt(invoices, 2, 'Amount').value).toBe('150.00');
    expect(hyperlinkOf(cellAt(invoices, 2, 'Result'))?.hyperlink).toMatch(new RegExp(`${LINK.source}invoices/inv_`));
    expect(hyperlinkOf(cellAt(copy.getWorksheet('customers-advanced')!, 2, 'Result'))?.hyperlink).toMatch(new RegExp(`${LINK.source}customers/\\d+$`));
    expect(subscriptions.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });

    // Every cell outside the output columns is the user's, as it was.
    let compared = 0;
    for (const sheet of source.worksheets) {
      const copied = copy.getWorksheet(sheet.name)!;
      sheet.eachRow((row, number) => {
        row.eachCell((cell, column) => {
          if (OUTPUT_COLUMNS.has(sheet.getRow(1).getCell(column).text)) return;
          expect(copied.getRow(number).getCell(column).value, `${sheet.name}!${cell.address}`).toEqual(cell.value);
          compared += 1;
        });
      });
    }
    expect(compared).toBeGreaterThan(500);
  });

  it('compare reads the results folder as it reads the CSV results: the same report, exit 1', async () => {
    const [book, csv] = await Promise.all([runCli(['compare', 'migrate-results'], { cwd: dir }), runCli(['compare', 'migrate-results'], { cwd: csvDir })]);
    expect(csv.code, csv.stderr).toBe(1);
    expect(book.code, book.stderr).toBe(1);
    expect(book.stdout).toContain('migrate-results/migration.xlsx › subscriptions-standard row 13  std-012');
    expect(book.stdout).toMatch(/likely cause: .*TENOFF/);
    expect(book.stdout.replace('migrate-results/migration.xlsx › subscriptions-standard', 'migrate-results/subscriptions-standard.csv')).toBe(csv.stdout);
  });

  it('reads in LibreOffice as written, and compare reads the copy LibreOffice saves again', { timeout: 2 * LIBREOFFICE_TIMEOUT_MS + 30_000 }, async () => {
    const copy = join(dir, 'migrate-results', 'migration.xlsx');
    const shown = (await sheetsAsLibreOfficeShowsThem([copy], join(dir, 'lo-csv'))).get(copy)!;
    const at = (sheet: string, row: number, column: string): string => {
      const rows = shown.get(sheet)!;
      return rows[row - 1]?.[rows[0]!.indexOf(column)] ?? '';
    };
    expect(['Status', 'ChargifyNextRenewal'].map((column) => at('subscriptions-standard', 2, column))).toEqual(['success', '29.00']);
    expect(at('subscriptions-standard', 2, 'Result')).toMatch(new RegExp(`${LINK.source}subscriptions/\\d+$`));
    expect(at('subscriptions-standard', 13, 'ChargifyNextRenewal')).toBe('144.00');
    expect(at('subscriptions-advanced', 5, 'ChargifyNextRenewal')).toBe('1040.00');
    expect(['Status', 'Amount'].map((column) => at('invoices', 4, column))).toEqual(['success', '75.00']);
    expect(at('invoices', 4, 'Result')).toMatch(new RegExp(`${LINK.source}invoices/inv_`));

    // Saved again by LibreOffice in a folder of its own (no result-sites.json: its links are checked one by one).
    const resaved = await resavedByLibreOffice(copy, join(dir, 'lo'));
    const compared = await runCli(['compare', 'lo/migration.xlsx'], { cwd: dir });
    expect(compared.code, compared.stderr).toBe(1);
    expect(compared.stdout).toContain(`lo/migration.xlsx › subscriptions-standard row 13  std-012`);
    const totals = (text: string) => text.split('\n').filter((line) => /^\s+(next renewals|invoices) /.test(line));
    expect(totals(compared.stdout)).toEqual(totals((await runCli(['compare', 'migrate-results'], { cwd: csvDir })).stdout));
    expect(resaved).toBe(join(dir, 'lo', 'migration.xlsx'));
  });

  it('marks each validation error on its cell; a re-run over the copy replaces the marks', { timeout: 120_000 }, async () => {
    await withTempDir({}, async (work) => {
      await cp(sampleWorkbook, join(work, 'migration.xlsx'));
      const first = await runCli(['test-import', 'migration.xlsx', '--as-of', INVOICES_IN_FUTURE], { cwd: work });
      expect(first.code, first.stderr).toBe(1);
      expect(first.stdout).toContain('fix the rows marked error in migrate-results/migration.xlsx in your files');
      const marked = (await readBook(join(work, 'migrate-results', 'migration.xlsx'))).getWorksheet('invoices')!;
      const message = '[migrate] Error: issue_date must be today or earlier (as of 2026-06-01), not 2026-09-01.';
      expect(cellAt(marked, 2, 'Status').value).toBe('error');
      expect(cellAt(marked, 2, 'Result').value).toBe('issue_date: issue_date must be today or earlier (as of 2026-06-01), not 2026-09-01.');
      expect(noteText(cellAt(marked, 2, 'issue_date'))).toBe(message);
      expect(cellAt(marked, 2, 'issue_date').fill).toMatchObject({ type: 'pattern', fgColor: { argb: HIGHLIGHT_FILLS.error } });
      expect(noteText(cellAt(marked, 2, 'due_date'))).toBeUndefined();

      // Over its own copy: the rows imported are kept as they are, the errors marked once, not twice.
      const again = await runCli(['test-import', 'migrate-results/migration.xlsx', '--as-of', INVOICES_IN_FUTURE, '--out', 'again', '--format', 'json'], { cwd: work });
      expect(again.code, again.stderr).toBe(1);
      expect(JSON.parse(again.stdout).summary).toMatchObject({ success: 0, error: 3, skipped: 41 });
      const remarked = (await readBook(join(work, 'again', 'migration.xlsx'))).getWorksheet('invoices')!;
      expect(noteText(cellAt(remarked, 2, 'issue_date'))).toBe(message);
      expect(hyperlinkOf(cellAt(remarked, 3, 'Result'))).toEqual(hyperlinkOf(cellAt(marked, 3, 'Result')));

      // Judged on a later day the rows import: their marks go, their results come.
      const fixed = await runCli(['test-import', 'again/migration.xlsx', '--as-of', AFTER_ALL, '--out', 'fixed'], { cwd: work });
      expect(fixed.code, fixed.stderr).toBe(0);
      const clean = (await readBook(join(work, 'fixed', 'migration.xlsx'))).getWorksheet('invoices')!;
      expect(cellAt(clean, 2, 'Status').value).toBe('success');
      expect(cellAt(clean, 2, 'Amount').value).toBe('150.00');
      expect(hyperlinkOf(cellAt(clean, 2, 'Result'))?.hyperlink).toMatch(new RegExp(`${LINK.source}invoices/inv_`));
      expect(noteText(cellAt(clean, 2, 'issue_date'))).toBeUndefined();
      const fill = cellAt(clean, 2, 'issue_date').fill;
      expect(fill?.type === 'pattern' ? fill.pattern : 'none').toBe('none');
    });
  });

  it('of a workbook edited during the run is written from the rows validated and sent', { timeout: 120_000 }, async () => {
    const sandbox = await startSandbox({});
    let edited = false;
    let workbookPath = '';
    let editedPath = '';
    // The first subscription sent is the moment someone sorts the sheet the other way round.
    const proxy = await startHostileServer({
      upstream: sandbox.baseUrl,
      rules: [{
        name: 'edit the workbook',
        method: 'POST',
        path: /^\/subscriptions\.json$/,
        answer: () => {
          if (!edited) {
            edited = true;
            copyFileSync(editedPath, workbookPath);
          }
          return 'pass';
        },
      }],
    });
    try {
      await withTempDir({}, async (work) => {
        [workbookPath, editedPath] = [join(work, 'migration.xlsx'), join(work, 'edited', 'migration.xlsx')];
        await cp(sampleWorkbook, workbookPath);
        const reversed = await readBook(sampleWorkbook);
        const sheet = reversed.getWorksheet('subscriptions-standard')!;
        const rows = Array.from({ length: 12 }, (_, index) => sheet.getRow(index + 2).values);
        rows.reverse().forEach((values, index) => (sheet.getRow(index + 2).values = values));
        await mkdir(join(work, 'edited'));
        await reversed.xlsx.writeFile(editedPath);
        await writeFile(join(work, '.migraterc.json'), JSON.stringify({ sites: { test: { baseUrl: proxy.baseUrl } } }));

        const exit = await runCli(['test-import', 'migration.xlsx', '--as-of', AFTER_ALL], { cwd: work });
        expect(edited).toBe(true);
        expect(exit.code, exit.stderr).toBe(0);
        expect(exit.stderr).toContain('migration.xlsx changed while the run was under way');
        const copy = (await readBook(join(work, 'migrate-results', 'migration.xlsx'))).getWorksheet('subscriptions-standard')!;
        const target = createTarget({ name: 'check', baseUrl: sandbox.baseUrl });
        try {
          const subscriptions = await collect(target.api.listSubscriptions());
          const customerOf = new Map(subscriptions.map((s) => [String(s.id), String((s.customer as { reference?: string } | undefined)?.reference)]));
          for (let row = 2; row <= 13; row++) {
            // The rows as validated (std-001 first), each beside the link to its own subscription.
            expect(cellAt(copy, row, 'customer_reference').text).toBe(`std-${String(row - 1).padStart(3, '0')}`);
            const id = hyperlinkOf(cellAt(copy, row, 'Result'))!.hyperlink.replace(/^.*\/subscriptions\//, '');
            expect(customerOf.get(id)).toBe(cellAt(copy, row, 'customer_reference').text);
          }
        } finally {
          await target.close();
        }
      });
    } finally {
      await proxy.close();
      await sandbox.close();
    }
  });

  it('resync reads the annotated copy as its input: an edited cell updates the site, the rows imported keep their results', { timeout: 120_000 }, async () => {
    const edited = await readBook(join(dir, 'migrate-results', 'migration.xlsx'));
    const customers = edited.getWorksheet('customers-advanced')!;
    cellAt(customers, 2, 'organization_name').value = 'Acme Holdings Ltd';
    await mkdir(join(dir, 'edited'));
    await edited.xlsx.writeFile(join(dir, 'edited', 'migration.xlsx'));
    const resync = await runCli(['resync', 'edited/migration.xlsx', '--out', 'resynced', '--format', 'json'], { cwd: dir });
    expect(resync.code, resync.stderr).toBe(0);
    const document = JSON.parse(resync.stdout) as { summary: unknown; rows: Array<{ file: string; sheet?: string; row: number; status: string }> };
    expect(document.summary).toMatchObject({ rows: 44, updated: 1, unchanged: 43, error: 0 });
    // Each row names its sheet, as the import's rows do.
    expect(document.rows.find((row) => row.status === 'updated')).toMatchObject({ file: 'edited/migration.xlsx', sheet: 'customers-advanced', row: 2 });
    expect(document.rows.every((row) => row.sheet !== undefined)).toBe(true);
    const copy = (await readBook(join(dir, 'resynced', 'migration.xlsx'))).getWorksheet('customers-advanced')!;
    expect(cellAt(copy, 2, 'organization_name').value).toBe('Acme Holdings Ltd');
    expect(hyperlinkOf(cellAt(copy, 2, 'Result'))).toEqual(hyperlinkOf(cellAt(customers, 2, 'Result')));
  });
});
