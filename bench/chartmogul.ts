// Benchmark of an import into ChartMogul: N standard subscription rows (each a customer and the invoice
// opening its subscription) and their plan, into the ChartMogul emulator in its own process at
// ChartMogul's published limit of 40 requests a second. Goal: calls per second at least 90% of the limit.
import type { ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchRow, PRO_PRODUCTS_CSV, startServerProcess, writeSubscriptions } from './bench-files.js';
import { prepareImport, runImport } from '../src/importer/run-import.js';
import { createTarget } from '../src/targets/index.js';
import { validateFiles } from '../src/validate/index.js';

const RATE_LIMIT = 40;
const asOf = '2026-11-23';

async function writeTemplates(dir: string, rows: number): Promise<string[]> {
  const products = join(dir, 'products.csv');
  await writeFile(products, PRO_PRODUCTS_CSV);
  const subscriptions = await writeSubscriptions(dir, rows, (n) => ({
    ...benchRow(n),
    YourExpectedRenewal: '99.00',
    create_payment_profile: 'FALSE',
    payment_collection_method: 'remittance',
  }));
  return [products, subscriptions];
}

/** The emulator in its own process, as the real service is. */
function startEmulatorProcess(): Promise<{ baseUrl: string; child: ChildProcess }> {
  return startServerProcess('../src/targets/chartmogul/sandbox/index.js', `m.startChartMogulSandbox({ rateLimit: ${RATE_LIMIT} })`);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** One import into a fresh emulator: its calls, the 429s it met, its elapsed time, and the round trip of a lone request. */
async function importOnce(rows: number): Promise<{ calls: number; refused: number; elapsedMs: number; latencyMs: number }> {
  const dir = await mkdtemp(join(tmpdir(), 'migrate-bench-chartmogul-'));
  const emulator = await startEmulatorProcess();
  let calls = 0;
  let refused = 0;
  const target = createTarget(
    { name: 'bench', system: 'chartmogul', baseUrl: emulator.baseUrl, settings: { dataSource: 'bench' } },
    {
      logger: (line) => {
        if (/ \d{3} \d+ms/.test(line)) calls += 1;
        if (/ 429 \d+ms/.test(line)) refused += 1;
      },
    },
  );
  try {
    const report = await validateFiles(await writeTemplates(dir, rows), { asOf, keepContent: true });
    if (report.summary.errorRows > 0) throw new Error('bench templates do not validate');
    const prepared = prepareImport(report.files);
    await target.readSite();
    const lone = performance.now();
    await target.readSite();
    const latencyMs = (performance.now() - lone) / 2;
    calls = 0;
    const started = performance.now();
    const result = await runImport({ command: 'test-import', prepared, target, siteName: 'bench', stateDir: join(dir, '.migrate'), outDir: join(dir, 'results'), asOf, concurrency: target.profile.concurrency });
    const elapsedMs = performance.now() - started;
    const { summary } = result.document;
    if (summary.error > 0 || summary.pending > 0) throw new Error(`bench import had ${summary.error} errors, ${summary.pending} pending`);
    return { calls, refused, elapsedMs, latencyMs };
  } finally {
    await target.close();
    emulator.child.removeAllListeners('exit');
    emulator.child.kill();
    await rm(dir, { recursive: true, force: true });
  }
}

export async function run(): Promise<void> {
  const rows = Number(process.env.BENCH_CHARTMOGUL_ROWS ?? 300);
  const runs = [];
  for (let index = 0; index < 3; index += 1) runs.push(await importOnce(rows));
  const rates = runs.map((one) => one.calls / (one.elapsedMs / 1000));
  const rate = median(rates);
  const share = rate / RATE_LIMIT;
  process.stdout.write(
    [
      `rows imported:  ${rows} standard subscription rows (a customer and an opening invoice each) and their plan`,
      `API calls:      ${runs.map((one) => one.calls).join(' / ')} (429 answers among them: ${runs.map((one) => one.refused).join(' / ')})`,
      `elapsed:        ${runs.map((one) => (one.elapsedMs / 1000).toFixed(2)).join(' / ')} s`,
      `latency:        ${median(runs.map((one) => one.latencyMs)).toFixed(1)} ms a request on its own (loopback, emulator in its own process)`,
      `rate:           ${rate.toFixed(1)} calls/s (median of 3) = ${(share * 100).toFixed(1)}% of the emulator's limit of ${RATE_LIMIT}/s  (goal ≥ 90%: ${share >= 0.9 ? 'met' : 'NOT met'})`,
      '',
    ].join('\n'),
  );
}
