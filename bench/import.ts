// Benchmark of the import engine: 500 customers with payment profiles and 500 subscriptions (a
// component and a coupon each) into the sandbox at 25 ms per request and the 4-request limit.
// Goal: elapsed ≤ (API calls × 25 ms / 4) / 0.9, i.e. at least 90% of the concurrency bound.
import type { ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchRow, PRO_PRODUCTS_CSV, startServerProcess, writeSubscriptions } from './bench-files.js';
import { prepareImport, runImport } from '../src/importer/run-import.js';
import { advancedBillingApi } from '../src/targets/advanced-billing/target.js';
import { createTarget } from '../src/targets/index.js';
import { validateFiles } from '../src/validate/index.js';

const LATENCY_MS = 25;
const CONCURRENCY = 4;
const asOf = '2026-11-23';

async function writeTemplates(dir: string, rows: number): Promise<void> {
  await writeFile(join(dir, 'product-families.csv'), 'Status,Result,name,description,handle\n,,Cloud,Cloud plans,cloud\n');
  await writeFile(join(dir, 'products.csv'), PRO_PRODUCTS_CSV);
  await writeFile(
    join(dir, 'components.csv'),
    'Status,Result,component_name,component_type,description,unit_name,product_family_id,metric_id,taxable,tax_code,allow_fractional_quantities,hide_date_range_on_invoice,allow_billing_portal_updates,upgrade_charge,downgrade_credit,handle,attach_to,price_point_name,price_point_handle,pricing_scheme,per_unit_price\n' +
      ',,Seats,quantity_recurring,,seat,cloud,,FALSE,,FALSE,FALSE,TRUE,prorated,none,seats,seats,Seats Standard,seats-standard,per_unit,10.00\n',
  );
  await writeFile(
    join(dir, 'coupons.csv'),
    'Status,Result,name,code,description,product_family_id,percentage_discount,flat_discount,stackable,recurring,review_after_import\n,,Ten Off,TENOFF,10% off,cloud,10,,TRUE,TRUE,\n',
  );
  await writeSubscriptions(dir, rows, (n, index) => ({
    ...benchRow(n),
    create_payment_profile: 'TRUE',
    payment_profile_type: 'credit_card',
    current_vault: 'bogus',
    vault_token: `tok_bench_${n}`,
    credit_card_first_name: 'Ada',
    credit_card_last_name: 'Lovelace',
    last_four: '1111',
    card_type: 'visa',
    exp_month: '6',
    exp_year: '2030',
    payment_collection_method: 'automatic',
    coupon_code_1: 'TENOFF',
    component_1: 'seats',
    componentPricepoint_1: 'seats-standard',
    componentQuantity_1: String(1 + (index % 20)),
  }));
}

/** The sandbox in its own process, as a real site would be. */
function startSandboxProcess(): Promise<{ baseUrl: string; child: ChildProcess }> {
  return startServerProcess('../src/targets/advanced-billing/sandbox/index.js', `m.startSandbox({ latency: { ms: ${LATENCY_MS}, jitterMs: 0 }, concurrency: ${CONCURRENCY} })`);
}

/** What the client and sandbox reach without the importer: bare creates, always more callers than slots. */
async function transportCeiling(target: ReturnType<typeof createTarget>): Promise<number> {
  const count = 200;
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY * 2 }, async () => {
      while (next < count) {
        const n = next++;
        await advancedBillingApi(target).createCustomer({ first_name: 'Ref', last_name: `Ref ${n}`, email: `ref.${n}@example.com`, reference: `ref-${n}` }, { naturalKey: `customer:ref-${n}` });
      }
    }),
  );
  return (count * LATENCY_MS) / CONCURRENCY / (performance.now() - started);
}

export async function run(): Promise<void> {
  const rows = Number(process.env.BENCH_IMPORT_ROWS ?? 500);
  const dir = await mkdtemp(join(tmpdir(), 'migrate-bench-import-'));
  const sandbox = await startSandboxProcess();
  let calls = 0;
  const target = createTarget(
    { name: 'bench', baseUrl: sandbox.baseUrl },
    { concurrency: CONCURRENCY, logger: (line) => (/ \d{3} \d+ms/.test(line) ? (calls += 1) : undefined) },
  );
  try {
    await writeTemplates(dir, rows);
    const files = ['product-families', 'products', 'components', 'coupons', 'subscriptions-standard'].map((name) => join(dir, `${name}.csv`));
    const report = await validateFiles(files, { asOf, keepContent: true });
    if (report.summary.errorRows > 0) throw new Error(`bench templates do not validate: ${JSON.stringify(report.files.flatMap((f) => f.findings).slice(0, 3))}`);
    const prepared = prepareImport(report.files);
    const started = performance.now();
    const result = await runImport({
      command: 'test-import',
      prepared,
      target,
      siteName: 'bench',
      stateDir: join(dir, '.migrate'),
      outDir: join(dir, 'results'),
      asOf,
      concurrency: CONCURRENCY,
    });
    const elapsed = performance.now() - started;
    const { summary } = result.document;
    if (summary.error > 0 || summary.pending > 0) throw new Error(`bench import had ${summary.error} errors, ${summary.pending} pending: ${result.document.rows.find((r) => r.status === 'error')?.result}`);
    const importCalls = calls;
    const bound = (importCalls * LATENCY_MS) / CONCURRENCY;
    const transport = await transportCeiling(target);
    const ratio = bound / elapsed;
    process.stdout.write(
      [
        `rows imported:  ${summary.rows} (${rows} customers with payment profiles + subscriptions with a component and a coupon, plus the catalog)`,
        `API calls:      ${importCalls}`,
        `bound:          ${(bound / 1000).toFixed(2)} s  (calls × ${LATENCY_MS} ms / ${CONCURRENCY})`,
        `elapsed:        ${(elapsed / 1000).toFixed(2)} s  (import only; includes journal fsyncs and writing the result files)`,
        `ratio:          ${(ratio * 100).toFixed(1)}% of the bound  (goal ≥ 90%: ${ratio >= 0.9 ? 'met' : 'NOT met'})`,
        `reference:      the client alone, 8 callers creating customers on the same sandbox, reaches ${(transport * 100).toFixed(1)}% of its bound`,
        '',
      ].join('\n'),
    );
  } finally {
    await target.close();
    sandbox.child.removeAllListeners('exit');
    sandbox.child.kill();
    await rm(dir, { recursive: true, force: true });
  }
}
