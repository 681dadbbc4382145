// compare by MRR on ChartMogul, end to end with the built CLI over HTTP: the bundled samples imported
// into the embedded ChartMogul emulator and compared by MRR (every subscription's MRR against a figure
// computed by hand), a row whose expected renewal differs, and a configured site whose data source is
// still processing: compare waits (progress on stderr), gives up past --wait (exit 3), stops on Ctrl-C.
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startChartMogulSandbox, type RunningChartMogulSandbox } from '../../src/targets/chartmogul/sandbox/index.js';
import { runCli } from '../cli/run-cli.js';
import { TEST_NOW, TEST_TODAY } from '../helpers/clock.js';

const sample = fileURLToPath(new URL('../../fixtures/sample', import.meta.url));

interface Cause {
  code: string;
  fits: boolean;
  message: string;
}
interface Mismatch {
  file: string;
  row: number;
  key: string;
  source: string;
  expected: string;
  actual: string;
  difference: string;
  renewal?: { expected: string; actual: string | null; interval: { unit: string; count: number } };
  explanation: { preview: string | null; site: string[]; template: string[]; causes: Cause[] } | null;
}
interface CompareDocument {
  basis?: string;
  note?: string;
  summary: Record<string, number> & { totals: Record<string, Record<string, { rows: number; expected: string; actual: string; difference: string; mismatches: number }>> };
  mismatches: Mismatch[];
  missingExpected: Array<{ file: string; row: number; key: string; actual: string | null }>;
  missingActual: Array<{ file: string; row: number; key: string; reason: string }>;
}

/**
 * Every sample subscription's MRR, worked out by hand from fixtures/sample (products, components,
 * coupons, and the rows' products, quantities, custom prices and coupons): the figure after the arrow
 * is the monthly amount ChartMogul must report. Keyed by file and row.
 */
const HAND_COMPUTED_MRR: Record<string, string> = {
  'subscriptions-standard.csv row 2': 'basic-monthly 29.00 = 29.00 every month → 29.00',
  'subscriptions-standard.csv row 3': 'pro-monthly 99.00 + seats 5×10.00 = 149.00 every month → 149.00',
  'subscriptions-standard.csv row 4': 'basic-monthly 29.00 + storage 15 tiered (10×5.00 + 5×4.00 = 70.00) = 99.00 every month → 99.00',
  'subscriptions-standard.csv row 5': 'pro-annual 990.00 every 12 months = 990.00 ÷ 12 → 82.50',
  'subscriptions-standard.csv row 6': 'enterprise-monthly 499.00 + priority-support 49.00 = 548.00 every month (the setup fee is one-time) → 548.00',
  'subscriptions-standard.csv row 7': 'basic-monthly 29.00 − TENOFF 10% (2.90) = 26.10 every month → 26.10',
  'subscriptions-standard.csv row 8': 'pro-monthly 99.00 + seats 3×10.00 = 129.00 − FIVEFLAT 5.00 = 124.00 every month → 124.00',
  'subscriptions-standard.csv row 9': 'pro-monthly 99.00 − TENOFF 10% (9.90) − FIVEFLAT 5.00 = 84.10 every month → 84.10',
  'subscriptions-standard.csv row 10': 'basic-monthly 29.00 every month → 29.00',
  'subscriptions-standard.csv row 11': 'pro-monthly 99.00 every month → 99.00',
  'subscriptions-standard.csv row 12': 'basic-monthly 29.00 + storage 60 tiered (10×5.00 + 40×4.00 + 10×3.00 = 240.00) = 269.00 every month → 269.00',
  'subscriptions-standard.csv row 13': 'pro-monthly 99.00 + seats 2×10.00 + storage 5 tiered 5×5.00 = 144.00 every month (expected 129.60: no coupon on the row) → 144.00',
  'subscriptions-custom-pricing.csv row 2': 'pro-monthly 99.00 + seats 10×8.50 (custom) = 184.00 every month → 184.00',
  'subscriptions-custom-pricing.csv row 3': 'basic-monthly 29.00 + seats 4×7.125 (custom) = 57.50 every month → 57.50',
  'subscriptions-custom-pricing.csv row 4': 'enterprise-monthly 499.00 + seats 1×10.00 = 509.00 every month → 509.00',
  'subscriptions-advanced.csv row 2': 'pro-monthly 99.00 every month → 99.00',
  'subscriptions-advanced.csv row 3': 'pro-monthly 99.00 + seats 20×10.00 = 299.00 every month → 299.00',
  'subscriptions-advanced.csv row 4': 'basic-monthly 29.00 − TENOFF 10% (2.90) = 26.10 every month → 26.10',
  'subscriptions-advanced.csv row 5': 'pro-annual 990.00 + seats 5×10.00 = 1040.00 every 12 months = 1040.00 ÷ 12 = 86.666… → 86.67',
  'subscriptions-advanced.csv row 6': 'enterprise-monthly 499.00 + priority-support 49.00 + storage 12 tiered (10×5.00 + 2×4.00 = 58.00) = 606.00 every month → 606.00',
  'subscriptions-advanced.csv row 7': 'basic-monthly 29.00 − FIVEFLAT 5.00 = 24.00 every month → 24.00',
};
const figure = (text: string): string => text.split('→ ')[1]!;

let dir: string;
const compare = (args: string[]) => runCli(['compare', ...args], { cwd: dir });
const json = (stdout: string) => JSON.parse(stdout) as CompareDocument;

/** A copy of the result folder with some cells changed: `edits[file][row][column] = value`. */
async function editedResults(name: string, edits: Record<string, Record<number, Record<string, string>>>): Promise<string> {
  await cp(join(dir, 'cm-results'), join(dir, name), { recursive: true });
  for (const [file, rows] of Object.entries(edits)) {
    const path = join(dir, name, file);
    const [header, ...records] = parse(await readFile(path, 'utf8')) as string[][];
    for (const [row, cells] of Object.entries(rows)) {
      for (const [column, value] of Object.entries(cells)) records[Number(row) - 2]![header!.indexOf(column)] = value;
    }
    await writeFile(path, stringify([header!, ...records]));
  }
  return name;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'migrate-compare-mrr-'));
  await cp(sample, join(dir, 'sample'), { recursive: true });
  const imported = await runCli(['test-import', 'sample', '--system', 'chartmogul', '--out', 'cm-results', '--as-of', TEST_TODAY], { cwd: dir });
  expect(imported.code, imported.stderr).toBe(0);
}, 90_000);

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('migrate compare on the samples imported into ChartMogul', () => {
  it('compares MRR: totals first, the one deliberate mismatch with its cause, the basis said once; exit 1', async () => {
    const result = await compare(['cm-results', '--format', 'json', '--out', 'reports']);
    expect(result.code, result.stderr).toBe(1);
    const document = json(result.stdout);
    expect(document.basis).toBe('mrr');
    expect(document.note).toMatch(/^On ChartMogul compare sets MRR against MRR/);
    expect(document.note).toContain('ChargifyNextRenewal cells hold the amount of the opening invoice imported for each row');
    expect(document.summary).toMatchObject({ rows: 24, compared: 24, matched: 23, mismatched: 1, missingExpected: 0, missingActual: 0, notImported: 0 });
    // Σ of the hand-computed figures, with row 13 expected at 129.60 instead of 144.00.
    expect(document.summary.totals).toEqual({
      mrr: { USD: { rows: 21, expected: '3559.57', actual: '3573.97', difference: '14.40', mismatches: 1 } },
      invoices: { USD: { rows: 3, expected: '405.00', actual: '405.00', difference: '0.00', mismatches: 0 } },
    });
    expect(document.mismatches).toHaveLength(1);
    const [mismatch] = document.mismatches;
    expect(mismatch).toMatchObject({
      file: 'cm-results/subscriptions-standard.csv', row: 13, key: 'std-012', source: 'mrr', expected: '129.60', actual: '144.00', difference: '14.40',
      renewal: { expected: '129.60', actual: '144.00', interval: { unit: 'month', count: 1 } },
    });
    expect(mismatch!.explanation!.causes.filter((cause) => cause.fits).map((cause) => cause.code)).toEqual(['expected-fits-coupon']);
    expect(mismatch!.explanation!.site).toContain('seats ×2 20.00');

    const csv = parse(await readFile(join(dir, 'reports', 'compare-mismatches.csv'), 'utf8'), { columns: true }) as Array<Record<string, string>>;
    expect(csv).toEqual([expect.objectContaining({ row: '13', key: 'std-012', source: 'mrr', expected: '129.60', actual: '144.00' })]);
    expect(csv[0]!.explanation).toContain('MRR from renewal: expected 129.60 · opening invoice (ChargifyNextRenewal) 144.00 · every month');
    expect(csv[0]!.explanation).toContain('TENOFF');
  });

  it("reports every sample subscription's MRR as computed by hand", async () => {
    // Without expected amounts every row is listed with the MRR ChartMogul reports for it.
    const blanks = Object.fromEntries(
      ['subscriptions-standard.csv', 'subscriptions-custom-pricing.csv', 'subscriptions-advanced.csv'].map((file) => [
        file,
        Object.fromEntries(Object.keys(HAND_COMPUTED_MRR).filter((key) => key.startsWith(`${file} `)).map((key) => [Number(key.split(' row ')[1]), { YourExpectedRenewal: '' }])),
      ]),
    );
    const folder = await editedResults('cm-blank', blanks);
    const result = await compare([folder, '--format', 'json']);
    expect(result.code, result.stderr).toBe(0);
    const reported = Object.fromEntries(json(result.stdout).missingExpected.map((note) => [`${note.file.replace(`${folder}/`, '')} row ${note.row}`, note.actual]));
    expect(reported).toEqual(Object.fromEntries(Object.entries(HAND_COMPUTED_MRR).map(([row, text]) => [row, figure(text)])));
  });

  it('prints the basis once, the totals, then the mismatch with its renewal amounts and likely cause', async () => {
    const result = await compare(['cm-results']);
    expect(result.code, result.stderr).toBe(1);
    const lines = result.stdout.split('\n');
    expect(lines[0]).toMatch(/^Compare: 1 of 24 amounts differ · 24 rows · tolerance 0 · site: the embedded ChartMogul emulator/);
    expect(lines.filter((line) => line.startsWith('Basis: MRR. On ChartMogul compare sets MRR against MRR'))).toHaveLength(1);
    expect(result.stdout).toMatch(/Totals\n.*\n {2}MRR USD +21 +3559\.57 +3573\.97 +\+14\.40 +1\n {2}invoices USD +3 +405\.00/);
    expect(result.stdout).toContain('    expected 129.60 · MRR 144.00 · difference +14.40 USD\n    renewal:  expected 129.60 · opening invoice (ChargifyNextRenewal) 144.00 · every month\n');
    expect(result.stdout).toContain('likely cause: the expected amount is the renewal with coupon TENOFF (10% off), which the row does not list: a missed coupon?');
    expect(result.stdout.indexOf('Totals')).toBeLessThan(result.stdout.indexOf('Mismatches (1)'));
  });

  it('reports a row whose expected renewal differs on an annual plan with its cause, and a row ChartMogul has no subscription for', async () => {
    const folder = await editedResults('cm-edited', {
      // 1040.00 less TENOFF's 10%: 936.00 a year, 78.00 a month, where ChartMogul reports 86.67.
      'subscriptions-advanced.csv': { 5: { YourExpectedRenewal: '936.00' } },
      // Another product: the key the import used (std-001/basic) no longer names this row's subscription.
      'subscriptions-standard.csv': { 2: { product_handle: 'pro' } },
    });
    const result = await compare([folder, '--format', 'json']);
    expect(result.code, result.stderr).toBe(1);
    const document = json(result.stdout);
    const annual = document.mismatches.find((mismatch) => mismatch.key === 'sub-adv-004');
    expect(annual).toMatchObject({
      source: 'mrr', expected: '78.00', actual: '86.67', difference: '8.67',
      renewal: { expected: '936.00', actual: '1040.00', interval: { unit: 'month', count: 12 } },
    });
    const fitting = annual!.explanation!.causes.filter((cause) => cause.fits);
    expect(fitting.map((cause) => cause.code)).toEqual(['expected-fits-coupon']);
    expect(fitting[0]!.message).toContain('TENOFF');
    expect(document.missingActual).toEqual([
      expect.objectContaining({ file: `${folder}/subscriptions-standard.csv`, row: 2, reason: expect.stringMatching(/^ChartMogul has no subscription std-001\/pro: .*run test-import again/) }),
    ]);
  });

  it('refuses a --wait that is not a whole number of seconds, in one line, exit 2', async () => {
    const result = await compare(['cm-results', '--wait', 'soon']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe('migrate: --wait expects a whole number of seconds such as 300 (0: do not wait), got "soon".\n');
  });
});

describe('migrate compare on a configured ChartMogul site that is still processing', () => {
  let sandbox: RunningChartMogulSandbox;
  let siteDir: string;
  // The emulator's clock stands still until the test moves it: the import stays pending until then.
  let now = new Date(TEST_NOW);

  beforeAll(async () => {
    sandbox = await startChartMogulSandbox({ processingDelayMs: 3000, now: () => now });
    siteDir = await mkdtemp(join(tmpdir(), 'migrate-compare-mrr-site-'));
    await cp(sample, join(siteDir, 'sample'), { recursive: true });
    await writeFile(join(siteDir, '.migraterc.json'), JSON.stringify({ sites: { test: { system: 'chartmogul', baseUrl: sandbox.baseUrl, dataSource: 'mrr-e2e' } } }));
    const imported = await runCli(['test-import', 'sample', '--as-of', TEST_TODAY], { cwd: siteDir });
    expect(imported.code, imported.stderr).toBe(0);
  }, 90_000);

  afterAll(async () => {
    await sandbox?.close();
    if (siteDir) await rm(siteDir, { recursive: true, force: true });
  });

  const WAITING = /waiting for ChartMogul to process (\d+) imported invoices \((\d+) processed\) · \d+ s of at most (\d+) s/;

  it('gives up past --wait with one line saying what is pending and what to do, exit 3, nothing written', async () => {
    const result = await runCli(['compare', 'migrate-results', '--wait', '1', '--out', 'reports'], { cwd: siteDir });
    expect(result.code, result.stderr).toBe(3);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(WAITING);
    expect(result.stderr).toMatch(/^migrate: ChartMogul is still processing \d+ imported invoices after 1 s \(--wait 1\), so its MRR is not final: nothing was compared\. Run migrate compare again later, or give it longer with --wait SECONDS/m);
    expect(existsSync(join(siteDir, 'reports'))).toBe(false);
  });

  it('stops on Ctrl-C while waiting: exit 130, nothing compared', async () => {
    const result = await runCli(['compare', 'migrate-results'], { cwd: siteDir, stop: { when: async ({ stderr }) => WAITING.test(stderr), signal: 'SIGINT' } });
    expect(result.code, result.stderr).toBe(130);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('migrate: Interrupted while waiting for ChartMogul to process the import: nothing was compared.');
  });

  it('waits for the data source to process the import, saying so on stderr, then compares MRR', async () => {
    let seen = '';
    const result = await runCli(['compare', 'migrate-results', '--format', 'json'], {
      cwd: siteDir,
      // Once compare says it waits, the data source's processing time passes.
      stop: {
        when: async ({ stderr }) => {
          if (WAITING.test(stderr) && seen === '') {
            seen = stderr;
            now = new Date(now.getTime() + 3000);
          }
          return false;
        },
        signal: 'SIGINT',
      },
    });
    expect(result.code, result.stderr).toBe(1);
    const [, pending, processed, limit] = WAITING.exec(seen)!;
    expect(Number(pending)).toBeGreaterThanOrEqual(21);
    expect([processed, limit]).toEqual(['0', '300']);
    expect(result.stderr).toMatch(/ChartMogul has processed every imported invoice \(\d+\) after \d+ s\./);
    const document = json(result.stdout);
    expect(document.basis).toBe('mrr');
    expect(document.summary.totals.mrr).toEqual({ USD: { rows: 21, expected: '3559.57', actual: '3573.97', difference: '14.40', mismatches: 1 } });
  });
});
