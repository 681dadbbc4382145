// test-import, compare and live-import's tested-files guard on the sample workbook, end to end with the
// built CLI and sandboxes over HTTP: the workbook imports what the CSV folder imports, a re-run sends
// nothing, compare of its results ends as the CSV quick start does, and an edited workbook is untested.
import { copyFile, cp, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { withTempDir } from '../helpers/temp-dir.js';
import { AS_OF } from './import-data.js';
import { journalLines, runCli } from './run-cli.js';
import { count, withSandboxes } from './sandboxes.js';

const sampleFolder = fileURLToPath(new URL('../../fixtures/sample', import.meta.url));

describe('importing a workbook', () => {
  it('test-import creates what the CSV folder creates, a re-run creates nothing, and compare ends as the quick start does', { timeout: 180_000 }, async () => {
    await withSandboxes(async (fromCsv) => withSandboxes(async (fromWorkbook) => {
      await withTempDir({}, async (dir) => {
        await cp(sampleFolder, join(dir, 'sample'), { recursive: true });
        await mkdirs(dir, ['csv', 'book']);
        await writeFile(join(dir, 'csv', '.migraterc.json'), JSON.stringify({ sites: { test: { baseUrl: fromCsv.baseUrl } } }));
        await writeFile(join(dir, 'book', '.migraterc.json'), JSON.stringify({ sites: { test: { baseUrl: fromWorkbook.baseUrl } } }));
        const csv = await runCli(join(dir, 'csv'), ['test-import', '../sample', '--as-of', AS_OF, '--format', 'json']);
        const book = await runCli(join(dir, 'book'), ['test-import', '../sample/migration.xlsx', '--as-of', AS_OF, '--format', 'json']);
        expect(book.code, book.stderr).toBe(csv.code);
        const [csvDocument, bookDocument] = [JSON.parse(csv.stdout), JSON.parse(book.stdout)];
        expect(bookDocument.summary).toEqual(csvDocument.summary);
        expect(bookDocument.templates).toEqual(csvDocument.templates);
        expect(new Set(bookDocument.rows.map((row: { sheet?: string }) => row.sheet)).size).toBe(9);
        for (const list of ['listCustomers', 'listSubscriptions'] as const) expect(await count(fromWorkbook, list)).toBe(await count(fromCsv, list));
        // One annotated copy of the workbook (test/e2e/workbook-results.test.ts reads it).
        expect((await readdir(join(dir, 'book', 'migrate-results'))).sort()).toEqual(['migration.xlsx', 'result-sites.json']);

        const journaled = await journalLines(join(dir, 'book'));
        const again = await runCli(join(dir, 'book'), ['test-import', '../sample/migration.xlsx', '--as-of', AS_OF, '--format', 'json']);
        expect(again.code, again.stderr).toBe(0);
        expect(JSON.parse(again.stdout).summary).toMatchObject({ success: 0, skipped: bookDocument.summary.rows });
        expect(await journalLines(join(dir, 'book'))).toBe(journaled);

        const compareCsv = await runCli(join(dir, 'csv'), ['compare', 'migrate-results']);
        const compareBook = await runCli(join(dir, 'book'), ['compare', 'migrate-results']);
        expect(compareBook.code, compareBook.stderr).toBe(1);
        expect(compareBook.code).toBe(compareCsv.code);
        expect(compareBook.stdout).toContain('migrate-results/migration.xlsx › subscriptions-standard row 13  std-012');
        const totals = (text: string) => text.split('\n').filter((line) => /^\s+(next renewals|invoices) /.test(line));
        expect(totals(compareBook.stdout)).toEqual(totals(compareCsv.stdout));
      });
    }));
  });

  it('live-import refuses a workbook edited after its clean test import', { timeout: 120_000 }, async () => {
    await withSandboxes(async (test, live) => {
      await withTempDir({}, async (dir) => {
        await copyFile(join(sampleFolder, 'migration.xlsx'), join(dir, 'migration.xlsx'));
        await writeFile(join(dir, '.migraterc.json'), JSON.stringify({ sites: { test: { baseUrl: test.baseUrl }, live: { baseUrl: live.baseUrl } } }));
        // The sample's invoices are dated in the future of AS_OF's year: judged on a day after them, every row is clean.
        const asOf = '2027-01-01';
        const tested = await runCli(dir, ['test-import', 'migration.xlsx', '--as-of', asOf]);
        expect(tested.code, tested.stderr + tested.stdout).toBe(0);

        const workbook = new ExcelJS.Workbook();
        await workbook.xlsx.readFile(join(dir, 'migration.xlsx'));
        workbook.getWorksheet('customers-advanced')!.getCell('D2').value = 'Acme Holdings Ltd';
        await workbook.xlsx.writeFile(join(dir, 'migration.xlsx'));

        const edited = await runCli(dir, ['live-import', 'migration.xlsx', '--yes', '--as-of', asOf]);
        expect(edited.code, edited.stderr).toBe(2);
        expect(edited.stderr).toContain('have not completed a test-import');
        expect(await count(live, 'listCustomers')).toBe(0);
      });
    });
  });
});

async function mkdirs(dir: string, names: string[]): Promise<void> {
  const { mkdir } = await import('node:fs/promises');
  for (const name of names) await mkdir(join(dir, name));
}
