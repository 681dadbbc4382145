// Benchmark of `migrate compare --offline` (the built CLI, in its own process) on generated result
// files: 100,000 subscription rows (1% with a wrong expected amount, each explained from the catalog)
// plus the sample catalog; rows/s and peak RSS. Goal: 100k rows in under 10 s, under 512 MB.
// BENCH_COMPARE_ROWS overrides the size.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const projectRoot = fileURLToPath(new URL('../../', import.meta.url));
const HEADER =
  'Status,Result,ChargifyNextRenewal,YourExpectedRenewal,create_subscription,organization_name,import_identifier_customer_reference,who_pays,invoice_type,align,receive_invoice_emails,subscription_reference,currency,payment_collection_method,previous_billing_at,next_billing_at,net_terms,service_credit_balance,prepayment_balance,product_handle,product_price_point_handle,coupon_code_1,component_1,componentPricepoint_1,componentQuantity_1';

export async function run(): Promise<void> {
  const rows = Number(process.env.BENCH_COMPARE_ROWS ?? 100_000);
  const dir = await mkdtemp(join(tmpdir(), 'migrate-bench-compare-'));
  try {
    for (const name of ['products.csv', 'components.csv', 'coupons.csv']) await copyFile(join(projectRoot, 'fixtures/sample', name), join(dir, name));
    const mismatched = await generateResults(join(dir, 'subscriptions-advanced.csv'), rows);
    const started = performance.now();
    const result = await timeCompare(dir);
    const ms = performance.now() - started;
    process.stdout.write(
      `compare --offline: ${rows.toLocaleString('en-US')} rows, ${mismatched.toLocaleString('en-US')} mismatches explained, exit ${result.code}: ` +
        `${(ms / 1000).toFixed(2)} s (${Math.round(rows / (ms / 1000)).toLocaleString('en-US')} rows/s), peak RSS ${(result.maxRssKb / 1024).toFixed(0)} MB\n`,
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Rows priced like the sample catalog prices them (pro + n seats, some with TENOFF); every `wrongEvery`th row expects a wrong amount. */
export async function generateResults(path: string, rows: number, wrongEvery = 100): Promise<number> {
  const out = createWriteStream(path);
  out.write(`${HEADER}\n`);
  let mismatched = 0;
  for (let i = 0; i < rows; i++) {
    const seats = (i % 20) + 1;
    const coupon = i % 3 === 0 ? 'TENOFF' : '';
    const cents = (9900 + seats * 1000) * (coupon ? 0.9 : 1);
    const actual = (Math.round(cents) / 100).toFixed(2);
    const wrong = i % wrongEvery === wrongEvery - 1;
    if (wrong) mismatched += 1;
    const expected = wrong ? (Number(actual) + 10).toFixed(2) : actual;
    const line = `success,http://127.0.0.1:1/subscriptions/${i + 1},${actual},${expected},TRUE,Org ${i},cust-${i},self,normal,,TRUE,sub-${i},USD,remittance,,2027-01-15,,,,pro,,${coupon},seats,,${seats}\n`;
    if (!out.write(line)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return mismatched;
}

function timeCompare(dir: string): Promise<{ code: number | null; maxRssKb: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn('/usr/bin/time', ['-f', '%M', process.execPath, join(projectRoot, 'bin/migrate.js'), 'compare', dir, '--offline', '--format', 'json'], {
      cwd: dir,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, maxRssKb: Number(stderr.trim().split('\n').at(-1)) || 0 }));
  });
}
