// Benchmark of `migrate validate` on a generated 1,000,000-row subscriptions-standard file (~2%
// defective rows): rows/s of validate (the built CLI, in its own process) against csv-parse alone,
// their ratio, and validate's peak RSS. Goal: at most 2× parsing time, under 256 MB. BENCH_ROWS overrides the size;
// BENCH_RUNS the number of runs.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse';

const projectRoot = fileURLToPath(new URL('../../', import.meta.url));
const asOf = '2026-11-23';
const runs = Number(process.env.BENCH_RUNS ?? 3);

export async function run(): Promise<void> {
  const rows = Number(process.env.BENCH_ROWS ?? 1_000_000);
  // BENCH_KEEP_DIR keeps the generated file there, to profile validate on it afterwards.
  const keep = process.env.BENCH_KEEP_DIR;
  const dir = keep ?? (await mkdtemp(join(tmpdir(), 'migrate-bench-')));
  if (keep) await mkdir(keep, { recursive: true });
  try {
    const file = join(dir, 'subscriptions-standard.csv');
    const started = performance.now();
    const defective = await generateSubscriptions(file, rows);
    const size = (await stat(file)).size;
    process.stdout.write(
      `generated ${rows.toLocaleString('en-US')} rows (${defective.toLocaleString('en-US')} defective, ${(size / 1e6).toFixed(0)} MB) in ${seconds(performance.now() - started)}\n`,
    );

    const parseTimes: number[] = [];
    const validateTimes: number[] = [];
    const rss: number[] = [];
    for (let i = 0; i < runs; i++) {
      parseTimes.push(await timeParseAlone(file, rows));
      const result = await timeValidate(file);
      validateTimes.push(result.ms);
      rss.push(result.maxRssKb);
    }
    const parseMs = median(parseTimes);
    const validateMs = median(validateTimes);
    const peakMb = Math.max(...rss) / 1024;
    const ratio = validateMs / parseMs;
    const table = [
      ['measure', `median of ${runs}`, 'rows/s', 'goal'],
      ['csv-parse alone', seconds(parseMs), perSecond(rows, parseMs), ''],
      ['migrate validate', seconds(validateMs), perSecond(rows, validateMs), ''],
      ['ratio validate/parse', `${ratio.toFixed(2)}×`, '', ratio <= 2 ? '≤ 2× ✓' : '≤ 2× ✗'],
      ['validate peak RSS', `${peakMb.toFixed(0)} MB`, '', peakMb < 256 ? '< 256 MB ✓' : '< 256 MB ✗'],
    ];
    process.stdout.write(`${markdownTable(table)}\n`);
  } finally {
    if (!keep) await rm(dir, { recursive: true, force: true });
  }
}

/** The subscriptions-standard header as shipped in templates/, so the bench follows the template. */
export async function subscriptionsHeader(): Promise<string[]> {
  const text = await readFile(join(projectRoot, 'templates', 'subscriptions-standard.csv'), 'utf8');
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/)[0];
  return await new Promise<string[]>((resolvePromise, reject) =>
    parse(firstLine, (error, records: string[][]) => (error ? reject(error) : resolvePromise(records[0]))),
  );
}

const firstNames = ['Ada', 'Grace', 'Alan', 'Edsger', 'Barbara', 'Donald', 'Frances', 'Ken', 'Margaret', 'Linus', 'Radia', 'Tim'];
const lastNames = ['Lovelace', 'Hopper', 'Turing', 'Dijkstra', 'Liskov', 'Knuth', 'Allen', 'Thompson', 'Hamilton', 'Torvalds', 'Perlman', 'Berners-Lee'];
const places = [
  { city: 'San Francisco', state: 'CA', zip: '94105', country: 'US', currency: 'USD', locale: 'en' },
  { city: 'New York', state: 'NY', zip: '10001', country: 'US', currency: 'USD', locale: 'en' },
  { city: 'Toronto', state: 'ON', zip: 'M5H 2N2', country: 'CA', currency: 'CAD', locale: 'fr-CA' },
  { city: 'Berlin', state: 'BE', zip: '10115', country: 'DE', currency: 'EUR', locale: 'de' },
];
const cardTypes = ['visa', 'master', 'american_express', 'discover'];

/** Realistic cell values by column name for row `i`; unknown columns stay blank. */
export function cellsFor(header: readonly string[], i: number): Map<string, string> {
  const first = firstNames[i % firstNames.length];
  const last = lastNames[(i * 7) % lastNames.length];
  const place = places[i % places.length];
  const day = (n: number) => new Date(Date.UTC(2026, 10, 23) + n * 86_400_000).toISOString().slice(0, 10);
  const card = i % 5 !== 0;
  const values: Record<string, string> = {
    create_subscription: 'TRUE',
    organization_name: i % 3 === 0 ? `${last}, ${first} & Co.` : `${last} Labs`,
    customer_reference: `cust-${String(i).padStart(7, '0')}`,
    first_name: first,
    last_name: last,
    email: `${first.toLowerCase()}.${last.toLowerCase()}${i}@example.com`,
    cc_emails: i % 4 === 0 ? `billing${i}@example.com,ops${i}@example.com` : '',
    phone: `+1 555 ${String(i % 10_000).padStart(4, '0')}`,
    shipping_address: `${(i % 900) + 100} Main St`,
    shipping_address_2: i % 6 === 0 ? `Suite ${i % 500}` : '',
    shipping_city: place.city,
    shipping_state: place.state,
    shipping_zip: place.zip,
    shipping_country: place.country,
    tax_exempt: 'FALSE',
    verified: 'FALSE',
    locale: place.locale,
    create_payment_profile: card ? 'TRUE' : 'FALSE',
    payment_profile_type: card ? 'credit_card' : '',
    current_vault: card ? 'stripe_connect' : '',
    vault_token: card ? `cus_${(i * 2654435761).toString(36)}` : '',
    credit_card_first_name: card ? first : '',
    credit_card_last_name: card ? last : '',
    last_four: card ? String(i % 10_000).padStart(4, '0') : '',
    card_type: card ? cardTypes[i % cardTypes.length] : '',
    exp_month: card ? String((i % 12) + 1) : '',
    exp_year: card ? String(2027 + (i % 5)) : '',
    billing_address: card ? `${(i % 900) + 100} Main St` : '',
    billing_city: card ? place.city : '',
    billing_state: card ? place.state : '',
    billing_country: card ? place.country : '',
    billing_zip: card ? place.zip : '',
    currency: place.currency,
    payment_collection_method: card ? 'automatic' : 'remittance',
    previous_billing_at: day(-1 - (i % 28)),
    next_billing_at: day(1 + (i % 60)),
    net_terms: card ? '' : String((i % 4) * 15),
    service_credit_balance: i % 50 === 0 ? '10.12' : '',
    prepayment_balance: '',
    product_handle: ['basic', 'pro', 'enterprise'][i % 3],
    product_price_point_handle: i % 2 === 0 ? 'monthly' : 'annual',
    coupon_code_1: i % 10 === 0 ? 'WELCOME10' : '',
    component_1: i % 3 === 0 ? 'seats' : '',
    componentPricepoint_1: '',
    componentQuantity_1: i % 3 === 0 ? String((i % 40) + 1) : '',
    YourExpectedRenewal: `${(49 + (i % 3) * 50).toFixed(2)}`,
  };
  const cells = new Map<string, string>();
  for (const column of header) cells.set(column, values[column] ?? '');
  return cells;
}

/** One of several real-world mistakes, chosen by `kind`. */
export function spoil(cells: Map<string, string>, kind: number): void {
  const set = (column: string, value: string) => {
    if (cells.has(column)) cells.set(column, value);
  };
  switch (kind % 8) {
    case 0: return set('email', `${cells.get('first_name')}@`);
    case 1: return set('last_name', '');
    case 2: return set('next_billing_at', '2020-01-15');
    case 3: return set('currency', 'US$');
    case 4: return set('shipping_country', 'USA');
    case 5: return set('customer_reference', 'cust-0000001');
    case 6: return set('net_terms', '365');
    default: return set('create_payment_profile', 'yes');
  }
}

function csvCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Streams `rows` data rows to `file` (never held in memory); returns how many were spoiled. */
async function generateSubscriptions(file: string, rows: number): Promise<number> {
  const header = await subscriptionsHeader();
  const out = createWriteStream(file);
  const write = async (chunk: string) => {
    if (!out.write(chunk)) await once(out, 'drain');
  };
  let defective = 0;
  let chunk = `${header.map(csvCell).join(',')}\r\n`;
  for (let i = 1; i <= rows; i++) {
    const cells = cellsFor(header, i);
    if (i % 50 === 25) {
      spoil(cells, Math.floor(i / 50));
      defective += 1;
    }
    chunk += `${header.map((column) => csvCell(cells.get(column) ?? '')).join(',')}\r\n`;
    if (chunk.length > 1 << 20) {
      await write(chunk);
      chunk = '';
    }
  }
  await write(chunk);
  await new Promise<void>((resolvePromise, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolvePromise())));
  return defective;
}

async function timeParseAlone(file: string, expectedRows: number): Promise<number> {
  const started = performance.now();
  let records = 0;
  const parser = createReadStream(file).pipe(parse({ bom: true }));
  for await (const record of parser) {
    if (record) records += 1;
  }
  if (records !== expectedRows + 1) throw new Error(`csv-parse read ${records} records, expected ${expectedRows + 1}`);
  return performance.now() - started;
}

/** Runs the built CLI in its own process; a preloaded hook reports its peak RSS (kB) on exit. */
export async function timeValidate(file: string): Promise<{ ms: number; maxRssKb: number }> {
  const hook = 'data:text/javascript,process.on("exit",()=>process.stderr.write("\\nBENCH_MAXRSS_KB "+process.resourceUsage().maxRSS+"\\n"))';
  const args = ['--import', hook, join(projectRoot, 'bin', 'migrate.js'), 'validate', file, '--format', 'json', '--as-of', asOf];
  const started = performance.now();
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
  const code = await new Promise<number | null>((resolvePromise) => child.on('close', resolvePromise));
  const ms = performance.now() - started;
  const rss = /BENCH_MAXRSS_KB (\d+)/.exec(stderr);
  if (code !== 1 || !rss) throw new Error(`validate exited ${code} (expected 1: the file has defective rows): ${stderr.trim()}`);
  return { ms, maxRssKb: Number(rss[1]) };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

export function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`;
}

export function perSecond(rows: number, ms: number): string {
  return Math.round(rows / (ms / 1000)).toLocaleString('en-US');
}

export function markdownTable(rows: string[][]): string {
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  const line = (row: string[]) => `| ${row.map((cell, column) => cell.padEnd(widths[column])).join(' | ')} |`;
  return [line(rows[0]), `| ${widths.map((width) => '-'.repeat(width)).join(' | ')} |`, ...rows.slice(1).map(line)].join('\n');
}
