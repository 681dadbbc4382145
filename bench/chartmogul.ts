// Benchmark of an import into ChartMogul: N standard subscription rows (each a customer and the invoice
// opening its subscription) and their plan, into the ChartMogul emulator in its own process at
// ChartMogul's published limit of 40 requests a second. Goal: calls per second at least 90% of the limit.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { stringify } from 'csv-stringify/sync';
import { prepareImport, runImport } from '../src/importer/run-import.js';
import { createTarget } from '../src/targets/index.js';
import { validateFiles } from '../src/validate/index.js';

const RATE_LIMIT = 40;
const asOf = '2026-11-23';

const HEADER =
  'Status,Result,ChargifyNextRenewal,YourExpectedRenewal,create_subscription,organization_name,customer_reference,first_name,last_name,email,cc_emails,phone,shipping_address,shipping_address_2,shipping_city,shipping_state,shipping_zip,shipping_country,tax_exempt,vat_number,verified,locale,create_payment_profile,payment_profile_type,current_vault,gateway_handle,vault_token,customer_vault_token,credit_card_first_name,credit_card_last_name,last_four,card_type,exp_month,exp_year,bank_account_first_name,bank_account_last_name,bank_name,bank_account_last_four,bank_routing_last_four,billing_address,billing_address_2,billing_city,billing_state,billing_country,billing_zip,currency,payment_collection_method,previous_billing_at,next_billing_at,net_terms,service_credit_balance,prepayment_balance,product_handle,product_price_point_handle,coupon_code_1,component_1,componentPricepoint_1,componentQuantity_1'.split(',');

async function writeTemplates(dir: string, rows: number): Promise<string[]> {
  const products = join(dir, 'products.csv');
  await writeFile(
    products,
    'Status,Result,product_name,description,product_family_id,taxable,tax_code,require_payment_method,require_billing_address,require_shipping_address,auto_create_signup_page,handle,attach_to,price_point_name,price_point_handle,price,renew_every,month_or_day,trial_price,trial_interval,trial_month_or_day,trial_type,expiration_interval,expiration_month_or_day,setup_fee_price\n' +
      ',,Pro Plan,Pro,cloud,FALSE,,FALSE,FALSE,FALSE,FALSE,pro,pro,Pro Monthly,pro-monthly,99.00,1,month,,,,,,,\n',
  );
  const records = Array.from({ length: rows }, (_, index) => {
    const n = String(index + 1).padStart(5, '0');
    const values: Record<string, string> = {
      YourExpectedRenewal: '99.00',
      create_subscription: 'TRUE',
      organization_name: `Org ${n}`,
      customer_reference: `bench-${n}`,
      first_name: 'Ada',
      last_name: `Lovelace ${n}`,
      email: `ada.${n}@example.com`,
      create_payment_profile: 'FALSE',
      currency: 'USD',
      payment_collection_method: 'remittance',
      next_billing_at: '2027-01-10',
      product_handle: 'pro',
    };
    return HEADER.map((column) => values[column] ?? '');
  });
  const subscriptions = join(dir, 'subscriptions-standard.csv');
  await writeFile(subscriptions, stringify([HEADER, ...records]));
  return [products, subscriptions];
}

/** The emulator in its own process, as the real service is: sharing the importer's event loop would charge its work to the importer. */
async function startEmulatorProcess(): Promise<{ baseUrl: string; child: ChildProcess }> {
  const module = new URL('../src/targets/chartmogul/sandbox/index.js', import.meta.url).href;
  const script = `const { startChartMogulSandbox } = await import(${JSON.stringify(module)});
const sandbox = await startChartMogulSandbox({ rateLimit: ${RATE_LIMIT} });
process.stdout.write(sandbox.baseUrl + '\\n');`;
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  const [line] = await new Promise<string[]>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`emulator process exited with ${code}`)));
    createInterface({ input: child.stdout! }).once('line', (text) => resolve([text]));
  });
  return { baseUrl: line!.trim(), child };
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
