// compare and validate --preview end to end: the built CLI imports the bundled samples into the
// embedded sandbox, then compares the real result files (and edited copies that show each site-side
// cause) — exit codes, the JSON document, the --out CSV, exports, --renewing, --refresh, bad input.
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox } from '../../src/targets/advanced-billing/sandbox/index.js';
import { runCli } from '../cli/run-cli.js';
import { TEST_TODAY } from '../helpers/clock.js';

const sample = fileURLToPath(new URL('../../fixtures/sample', import.meta.url));
const exportFile = fileURLToPath(new URL('../../fixtures/exports/subscriptions-export.csv', import.meta.url));
const AS_OF = TEST_TODAY;

let dir: string;
const compare = (args: string[]) => runCli(['compare', ...args], { cwd: dir });
const json = (stdout: string) => JSON.parse(stdout) as CompareDocument;

interface Mismatch {
  kind: string;
  file: string;
  row: number;
  key: string;
  currency: string;
  source: string;
  expected: string;
  actual: string;
  difference: string;
  link?: string;
  explanation: { site: string[]; template: string[]; causes: Array<{ code: string; fits: boolean; message: string }> } | null;
}
interface CompareDocument {
  command: string;
  site: string | null;
  summary: Record<string, number> & { totals: Record<string, Record<string, { rows: number; expected: string; actual: string; difference: string; mismatches: number }>> };
  mismatches: Mismatch[];
  missingExpected: Array<{ key: string; actual: string | null }>;
  missingActual: Array<{ key: string; reason: string }>;
  notImported: Array<{ key: string; reason: string }>;
}

const fitting = (mismatch: Mismatch | undefined): string[] => mismatch?.explanation?.causes.filter((cause) => cause.fits).map((cause) => cause.code) ?? [];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'migrate-compare-'));
  await cp(sample, join(dir, 'sample'), { recursive: true });
  const imported = await runCli(['test-import', 'sample', '--as-of', AS_OF], { cwd: dir });
  expect(imported.code, imported.stderr).toBe(0);
}, 60_000);

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('migrate compare on the imported samples', () => {
  it('reports the one deliberate mismatch with its explanation, totals per currency, exit 1', async () => {
    const result = await compare(['migrate-results', '--format', 'json', '--out', 'reports']);
    expect(result.code, result.stderr).toBe(1);
    const document = json(result.stdout);
    expect(document.command).toBe('compare');
    expect(document.site).toContain('embedded sandbox');
    expect(document.summary).toMatchObject({ rows: 24, compared: 24, matched: 23, mismatched: 1, missingExpected: 0, missingActual: 0, notImported: 0 });
    expect(document.summary.totals.subscriptions!.USD).toEqual({ rows: 21, expected: '5420.40', actual: '5434.80', difference: '14.40', mismatches: 1 });
    expect(document.summary.totals.invoices!.USD).toEqual({ rows: 3, expected: '405.00', actual: '405.00', difference: '0.00', mismatches: 0 });
    expect(document.mismatches).toHaveLength(1);
    const [mismatch] = document.mismatches;
    expect(mismatch).toMatchObject({ kind: 'subscription', file: 'migrate-results/subscriptions-standard.csv', row: 13, key: 'std-012', source: 'result', expected: '129.60', actual: '144.00', difference: '14.40' });
    expect(fitting(mismatch)).toEqual(['expected-fits-coupon']);
    // The object on the site, from the row's Result link: what the HTML report links to.
    expect(mismatch!.link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/subscriptions\/\d+$/);
    expect(mismatch!.explanation!.site).toContain('seats ×2 20.00');
    expect(mismatch!.explanation!.preview).toBe('site');

    const csv = parse(await readFile(join(dir, 'reports', 'compare-mismatches.csv'), 'utf8'), { columns: true }) as Array<Record<string, string>>;
    expect(csv).toEqual([expect.objectContaining({ file: 'migrate-results/subscriptions-standard.csv', row: '13', key: 'std-012', expected: '129.60', actual: '144.00', difference: '14.40' })]);
    expect(csv[0]!.explanation).toContain('TENOFF');
  });

  it('prints the pretty report: totals first, then the mismatch with its likely cause', async () => {
    const result = await compare(['migrate-results']);
    expect(result.code).toBe(1);
    const totals = result.stdout.indexOf('Totals');
    const mismatches = result.stdout.indexOf('Mismatches (1)');
    expect(totals).toBeGreaterThan(0);
    expect(mismatches).toBeGreaterThan(totals);
    expect(result.stdout).toContain('subscriptions-standard.csv row 13  std-012');
    expect(result.stdout).toMatch(/likely cause: .*TENOFF/);
    expect(result.stderr).not.toMatch(/at .*\.js:\d+/);
  });

  it.each([
    { tolerance: '14.40', code: 0 },
    { tolerance: '14.39', code: 1 },
  ])('--tolerance $tolerance exits $code', async ({ tolerance, code }) => {
    const result = await compare(['migrate-results', '--tolerance', tolerance, '--format', 'json', '--offline']);
    expect(result.code).toBe(code);
    expect(json(result.stdout).summary.mismatched).toBe(code);
  });

  it('--renewing keeps the subscriptions billing in the range, and leaves invoices out', async () => {
    const result = await compare(['migrate-results', '--renewing', '2030-02-01..2030-02-28', '--format', 'json', '--offline']);
    expect(result.code).toBe(0);
    const document = json(result.stdout);
    expect(document.summary).toMatchObject({ rows: 2, compared: 2, outsideRange: 19, mismatched: 0 });
    expect(document.summary.totals.invoices).toBeUndefined();
    expect(document.summary.totals.subscriptions!.USD!.expected).toBe('1588.00');
  });

  it('exits 1 when expected amounts cannot be checked (the templates given instead of the results)', async () => {
    const result = await compare(['sample', '--offline']);
    expect(result.code, result.stderr).toBe(1);
    expect(result.stdout).toContain('Rows without an actual amount (24)');
    expect(result.stdout.trimEnd().split('\n').at(-1)).toBe('No amount differs by more than the tolerance, but 24 rows could not be checked (no actual amount, or not imported).');
  });

  it('--export compares the Estimated Renewal Amount as well, matched by reference', async () => {
    const result = await compare(['migrate-results', '--export', exportFile, '--format', 'json', '--offline']);
    expect(result.code).toBe(1);
    const document = json(result.stdout);
    expect(document.summary.totals.export!.USD).toMatchObject({ rows: 21, actual: '5434.80', mismatches: 1 });
    expect(document.mismatches.map((mismatch) => `${mismatch.key}:${mismatch.source}`).sort()).toEqual(['std-012:export', 'std-012:result']);
    expect(document.missingActual).toEqual([]);
  });

  it('--export instead of the result columns: the templates themselves against the export', async () => {
    const result = await compare(['sample', '--export', exportFile, '--format', 'json', '--offline']);
    expect(result.code).toBe(1);
    const document = json(result.stdout);
    expect(document.summary).toMatchObject({ compared: 21, mismatched: 1, missingActual: 3 });
    expect(document.mismatches[0]).toMatchObject({ key: 'std-012', source: 'export' });
    expect(fitting(document.mismatches[0])).toEqual(['expected-fits-coupon']);
  });

  it('--offline explains from the catalog files among the results', async () => {
    const result = await compare(['migrate-results', '--offline', '--format', 'json']);
    const document = json(result.stdout);
    expect(document.site).toBeNull();
    expect(document.mismatches[0]!.explanation!.site).toContain('pro (pro-monthly) 99.00');
    expect(document.mismatches[0]!.explanation!.preview).toBe('catalog');
    expect(fitting(document.mismatches[0])).toEqual(['expected-fits-coupon']);
  });
});

describe('migrate compare on edited results: site-side causes, missing values, --refresh', () => {
  beforeAll(async () => {
    await mkdir(join(dir, 'edited'), { recursive: true });
    await editResults('subscriptions-standard.csv', {
      'std-001': { coupon_code_1: 'FIVEFLAT', YourExpectedRenewal: '24.00' },
      'std-002': { componentQuantity_1: '7', YourExpectedRenewal: '169.00' },
      'std-003': { component_1: '', componentQuantity_1: '', YourExpectedRenewal: '29.00' },
      'std-004': { YourExpectedRenewal: '' },
      'std-005': { product_handle: 'pro', YourExpectedRenewal: '148.00' },
      'std-006': { currency: 'EUR', YourExpectedRenewal: '24.00' },
      'std-008': { ChargifyNextRenewal: '1.00' },
      'std-009': { Status: 'error', Result: 'email: not an email address', ChargifyNextRenewal: '' },
    });
    await editResults('subscriptions-custom-pricing.csv', { 'cp-001': { componentCustomPrice_1: '9.00', YourExpectedRenewal: '189.00' } });
    await editResults('invoices.csv', { 'INV-1001': { total_amount: '160.00' }, 'INV-1002': { Amount: '70.00' }, 'INV-1003': { total_amount: '' } }, 'id');
  });

  async function editResults(file: string, edits: Record<string, Record<string, string>>, keyColumn = 'customer_reference'): Promise<void> {
    const rows = parse(await readFile(join(dir, 'migrate-results', file), 'utf8'), { columns: true }) as Array<Record<string, string>>;
    const header = Object.keys(rows[0]!);
    const edited = rows.map((row) => ({ ...row, ...(edits[row[keyColumn]!] ?? {}) }));
    await writeFile(join(dir, 'edited', file), stringify([header, ...edited.map((row) => header.map((column) => row[column] ?? ''))]));
  }

  it('names the cause the site shows for each row', async () => {
    const result = await compare(['edited', '--format', 'json']);
    expect(result.code, result.stderr).toBe(1);
    const document = json(result.stdout);
    const byKey = new Map(document.mismatches.map((mismatch) => [mismatch.key, mismatch]));
    expect(fitting(byKey.get('std-001'))).toEqual(['coupon-not-applied']);
    expect(fitting(byKey.get('std-002'))).toContain('component-quantity');
    expect(fitting(byKey.get('std-003'))).toContain('component-not-in-template');
    expect(fitting(byKey.get('std-005'))).toContain('other-product');
    expect(fitting(byKey.get('std-006'))).toContain('currency-mismatch');
    expect(byKey.get('std-006')!.currency).toBe('EUR');
    expect(fitting(byKey.get('cp-001'))).toContain('custom-price-not-applied');
    expect(byKey.get('std-008')).toMatchObject({ source: 'result', actual: '1.00' });
    expect(document.summary.totals.subscriptions!.EUR).toMatchObject({ rows: 1, mismatches: 1 });
    expect(document.missingExpected).toEqual([expect.objectContaining({ key: 'std-004', actual: '990.00' }), expect.objectContaining({ key: 'INV-1003', actual: '180.00' })]);
    expect(document.mismatches.some((mismatch) => mismatch.key === 'std-004')).toBe(false);
    expect(document.notImported).toEqual([expect.objectContaining({ key: 'std-009' })]);
    expect(byKey.get('INV-1001')).toMatchObject({ kind: 'invoice', expected: '160.00', actual: '150.00', difference: '-10.00' });
    expect(fitting(byKey.get('INV-1001'))).toEqual(['invoice-line-items']);
    expect(byKey.get('INV-1002')).toMatchObject({ kind: 'invoice', expected: '75.00', actual: '70.00' });
    expect(document.summary.totals.invoices!.USD).toMatchObject({ rows: 2, mismatches: 2 });
    const differences = document.mismatches.map((mismatch) => Math.abs(Number(mismatch.difference)));
    expect(differences).toEqual([...differences].sort((a, b) => b - a));
  });

  it('--refresh asks the site again: a stale ChargifyNextRenewal no longer differs', async () => {
    const result = await compare(['edited', '--refresh', '--format', 'json']);
    const document = json(result.stdout);
    expect(document.mismatches.find((mismatch) => mismatch.key === 'std-008')).toBeUndefined();
    expect(new Set(document.mismatches.map((mismatch) => mismatch.source))).toEqual(new Set(['site']));
    // The invoice's Amount is read again from the site: 75.00, as created, no longer the edited 70.00.
    expect(document.mismatches.find((mismatch) => mismatch.key === 'INV-1002')).toBeUndefined();
  });
});

describe('migrate compare next to a running migrate sandbox', () => {
  it('asks the sandbox that holds the state folder, at the address of the import', async (context) => {
    const runsDir = join(dir, '.migrate', 'runs');
    const [record] = await readdir(runsDir);
    const { site } = JSON.parse(await readFile(join(runsDir, record!), 'utf8')) as { site: { baseUrl: string } };
    const port = Number(new URL(site.baseUrl).port);
    const sandbox = await startSandbox({ port, host: '127.0.0.1', dataDir: join(dir, '.migrate', 'sandbox') }).catch((error: unknown) => {
      if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
      return context.skip(`port ${port} of the import is taken by another program now`);
    });
    try {
      const result = await compare(['migrate-results', '--format', 'json']);
      expect(result.code, result.stderr).toBe(1);
      const document = json(result.stdout);
      expect(document.site).toBe(`the running sandbox at ${site.baseUrl}`);
      expect(fitting(document.mismatches[0])).toEqual(['expected-fits-coupon']);
    } finally {
      await sandbox.close();
    }
  });
});

describe('migrate compare: bad input is one line and exit 2', () => {
  it.each([
    { args: ['migrate-results', '--tolerance', 'ten'], message: /--tolerance/ },
    { args: ['migrate-results', '--tolerance', '-1'], message: /--tolerance/ },
    { args: ['migrate-results', '--renewing', '2027-01'], message: /--renewing/ },
    { args: ['migrate-results', '--format', 'xml'], message: /--format/ },
    { args: ['migrate-results', '--refresh', '--offline'], message: /--offline/ },
    { args: ['migrate-results', '--export', 'missing.csv'], message: /missing\.csv/ },
    { args: ['nowhere'], message: /nowhere/ },
  ])('$args', async ({ args, message }) => {
    const result = await compare(args);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(message);
  });

  it('names the file, row and column of an amount that is not one', async () => {
    await mkdir(join(dir, 'bad'), { recursive: true });
    const text = await readFile(join(dir, 'migrate-results', 'subscriptions-advanced.csv'), 'utf8');
    await writeFile(join(dir, 'bad', 'subscriptions-advanced.csv'), text.replace(',299.00,TRUE,', ',"$299.00",TRUE,'));
    const result = await compare(['bad']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/subscriptions-advanced\.csv, row 3, column YourExpectedRenewal/);
  });

  it('--refresh without any known site', async () => {
    const empty = await mkdtemp(join(tmpdir(), 'migrate-compare-empty-'));
    try {
      await cp(join(dir, 'migrate-results'), join(empty, 'results'), { recursive: true });
      const result = await runCli(['compare', 'results', '--refresh'], { cwd: empty });
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/--refresh needs a site/);
    } finally {
      await rm(empty, { recursive: true, force: true });
    }
  });
});

describe('migrate validate --preview', () => {
  it('warns, before any import, where YourExpectedRenewal disagrees with the catalog', async () => {
    const result = await runCli(['validate', 'sample', '--preview', '--as-of', AS_OF, '--format', 'json'], { cwd: dir });
    expect(result.code).toBe(0);
    const document = JSON.parse(result.stdout) as { summary: { warnings: number; errors: number }; files: Array<{ path: string; issues: Array<{ row: number; rule: string; column: string; key: string; severity: string; message: string }> }> };
    const issues = document.files.flatMap((file) => file.issues.filter((issue) => issue.rule === 'expected-renewal').map((issue) => ({ ...issue, path: file.path })));
    expect(issues).toEqual([expect.objectContaining({ path: 'sample/subscriptions-standard.csv', row: 13, column: 'YourExpectedRenewal', key: 'std-012', severity: 'warning' })]);
    expect(issues[0]!.message).toMatch(/144\.00 USD.*TENOFF/);
    expect(document.summary.errors).toBe(0);
  });

  it('takes the catalog from --catalog, and asks for one when there is none', async () => {
    const withCatalog = await runCli(['validate', 'sample/subscriptions-standard.csv', '--catalog', 'sample', '--preview', '--as-of', AS_OF, '--format', 'json'], { cwd: dir });
    expect(withCatalog.code).toBe(0);
    expect(withCatalog.stdout).toContain('expected-renewal');
    const without = await runCli(['validate', 'sample/subscriptions-standard.csv', '--preview', '--as-of', AS_OF], { cwd: dir });
    expect(without.code).toBe(2);
    expect(without.stderr).toMatch(/--preview .*catalog/);
  });

  it('leaves validate unchanged without --preview', async () => {
    const result = await runCli(['validate', 'sample', '--as-of', AS_OF, '--format', 'json'], { cwd: dir });
    expect(result.stdout).not.toContain('expected-renewal');
  });
});
