// Benchmark of `migrate validate` on a generated 200,000-row subscriptions-standard sheet in an .xlsx
// workbook (written by exceljs's streaming writer with shared strings, as Excel writes them; 2% defective
// rows): time, rows/s and peak RSS of the built CLI. BENCH_WORKBOOK_ROWS overrides the size; BENCH_RUNS the runs.
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { cellsFor, markdownTable, median, perSecond, seconds, spoil, subscriptionsHeader, timeValidate } from './validate.js';

const runs = Number(process.env.BENCH_RUNS ?? 3);

export async function run(): Promise<void> {
  const rows = Number(process.env.BENCH_WORKBOOK_ROWS ?? 200_000);
  const dir = await mkdtemp(join(tmpdir(), 'migrate-bench-'));
  try {
    const file = join(dir, 'migration.xlsx');
    const started = performance.now();
    await generateWorkbook(file, rows);
    const size = (await stat(file)).size;
    process.stdout.write(`generated a ${rows.toLocaleString('en-US')}-row sheet (${(size / 1e6).toFixed(0)} MB .xlsx) in ${seconds(performance.now() - started)}\n`);
    const times: number[] = [];
    const rss: number[] = [];
    for (let i = 0; i < runs; i++) {
      const result = await timeValidate(file);
      times.push(result.ms);
      rss.push(result.maxRssKb);
    }
    const ms = median(times);
    process.stdout.write(
      `${markdownTable([
        ['measure', `median of ${runs}`, 'rows/s'],
        ['migrate validate (workbook)', seconds(ms), perSecond(rows, ms)],
        ['validate peak RSS', `${(Math.max(...rss) / 1024).toFixed(0)} MB`, ''],
      ])}\n`,
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Streams the rows into one sheet (the writer commits each row, so the sheet is never held whole). */
export async function generateWorkbook(file: string, rows: number): Promise<void> {
  const header = await subscriptionsHeader();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true, useStyles: false });
  const sheet = workbook.addWorksheet('Subscriptions');
  sheet.addRow(header).commit();
  for (let i = 1; i <= rows; i++) {
    const cells = cellsFor(header, i);
    if (i % 50 === 25) spoil(cells, Math.floor(i / 50));
    sheet.addRow(header.map((column) => cells.get(column) || null)).commit();
  }
  sheet.commit();
  await workbook.commit();
}
