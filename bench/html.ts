// Benchmark of the HTML reports (issue 21) at 100,000 table rows: compare's page with 100,000 explained
// mismatches and validate's with 100,000 findings, each rendered from its document and written as
// --report writes it (atomically); the time (median of BENCH_RUNS, default 3) and the file's size.
// The documents are made once, by the real commands: `compare --offline --format json` (the built CLI)
// on generated result files where every row differs, and validateFiles on rows that each break a rule.
// BENCH_HTML_ROWS overrides the size.
import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderCompareHtml } from '../src/cli/reporters/html/compare.js';
import { renderValidateHtml } from '../src/cli/reporters/html/validate.js';
import { prepareHtmlReport } from '../src/cli/session/html-report.js';
import type { CompareJsonDocument } from '../src/compare/report-json.js';
import { parseIsoDate } from '../src/dates/index.js';
import { validateFiles } from '../src/validate/index.js';
import { benchRow, writeSubscriptions } from './bench-files.js';
import { generateResults } from './compare.js';

const projectRoot = fileURLToPath(new URL('../../', import.meta.url));
const runs = Number(process.env.BENCH_RUNS ?? 3);

export async function run(): Promise<void> {
  const rows = Number(process.env.BENCH_HTML_ROWS ?? 100_000);
  const dir = await mkdtemp(join(tmpdir(), 'migrate-bench-html-'));
  try {
    const compare = await compareDocument(dir, rows);
    const validate = await validateReport(dir, rows);
    const lines = [
      ['report', 'table rows', `write (median of ${runs})`, 'file size'],
      ['compare', compare.mismatches.length.toLocaleString('en-US'), ...(await timeWrite(join(dir, 'compare.html'), () => renderCompareHtml(compare)))],
      ['validate', validate.files.reduce((sum, file) => sum + file.findings.length, 0).toLocaleString('en-US'), ...(await timeWrite(join(dir, 'validate.html'), () => renderValidateHtml(validate)))],
    ];
    process.stdout.write(`${lines.map((line) => `| ${line.join(' | ')} |`).join('\n')}\n`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** compare's JSON document for `rows` result rows, every one expecting 10.00 more than it renews at. */
async function compareDocument(dir: string, rows: number): Promise<CompareJsonDocument> {
  const results = join(dir, 'results');
  await mkdir(results);
  for (const name of ['products.csv', 'components.csv', 'coupons.csv']) await copyFile(join(projectRoot, 'fixtures/sample', name), join(results, name));
  await generateResults(join(results, 'subscriptions-advanced.csv'), rows, 1);
  const output = join(dir, 'compare.json');
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, [join(projectRoot, 'bin/migrate.js'), 'compare', results, '--offline', '--format', 'json'], { cwd: dir, stdio: ['ignore', 'pipe', 'inherit'] });
    child.stdout.pipe(createWriteStream(output));
    child.on('error', reject);
    child.on('close', (code) => (code === 1 ? resolve() : reject(new Error(`compare exited ${code}`))));
  });
  return JSON.parse(await readFile(output, 'utf8')) as CompareJsonDocument;
}

/** validate's report for `rows` subscription rows with one finding each: an email that is not one, or (every tenth row) a country that is not one. */
async function validateReport(dir: string, rows: number) {
  const path = await writeSubscriptions(dir, rows, (n, index) => ({
    ...benchRow(n),
    create_payment_profile: 'FALSE',
    payment_collection_method: 'remittance',
    ...(index % 10 === 0 ? { shipping_country: 'ZZ' } : { email: `ada.${n}@` }),
  }));
  return validateFiles([path], { asOf: parseIsoDate('2026-11-23')! });
}

/** Renders and writes the page `runs` times: the median time and the file's size. */
async function timeWrite(path: string, render: () => string): Promise<[string, string]> {
  const file = (await prepareHtmlReport(path))!;
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await file.write(render());
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return [`${(times[Math.floor(times.length / 2)]! / 1000).toFixed(2)} s`, `${((await stat(path)).size / 1e6).toFixed(1)} MB`];
}
