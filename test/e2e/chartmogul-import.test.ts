// Exactly once into ChartMogul: the built CLI imports into a ChartMogul emulator over HTTP (a configured
// `system: chartmogul` site); each customer, plan and opening invoice exists once after the first run,
// a second run creates nothing, and kills with SIGKILL mid-import leave no duplicate behind.
import { readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startChartMogulSandbox, type RunningChartMogulSandbox } from '../../src/targets/chartmogul/sandbox/index.js';
import { ChartMogulClient } from '../../src/targets/chartmogul/client/index.js';
import type { JsonObject } from '../../src/targets/chartmogul/api.js';
import { projectRoot } from '../cli/run-cli.js';
import { withTempDir } from '../helpers/temp-dir.js';
import { AS_OF, catalogFiles, subscriptionsCsv } from './import-data.js';
import { journalLines, runCli } from './run-cli.js';

const SAMPLE = resolve(projectRoot, 'fixtures/sample');
const DATA_SOURCE = 'e2e';

interface DataSourceContents {
  customers: JsonObject[];
  plans: JsonObject[];
  invoices: JsonObject[];
}

/** Everything in the test's data source, read through the client the adapter uses. */
async function contents(baseUrl: string): Promise<DataSourceContents> {
  const client = new ChartMogulClient({ name: 'check', baseUrl });
  try {
    const source = await client.findDataSource(DATA_SOURCE);
    if (source === undefined) return { customers: [], plans: [], invoices: [] };
    const customers: JsonObject[] = [];
    for await (const customer of client.listCustomers(source.uuid)) customers.push(customer);
    const plans = ((await (await fetch(`${baseUrl}/v1/plans?data_source_uuid=${source.uuid}&per_page=200`)).json()) as { plans: JsonObject[] }).plans;
    const invoices = ((await (await fetch(`${baseUrl}/v1/invoices?data_source_uuid=${source.uuid}&per_page=200`)).json()) as { invoices: JsonObject[] }).invoices;
    return { customers, plans, invoices };
  } finally {
    await client.close();
  }
}

function externalIds(objects: JsonObject[]): string[] {
  return objects.map((object) => String(object.external_id));
}

async function configure(dir: string, baseUrl: string): Promise<void> {
  await writeFile(join(dir, '.migraterc.json'), JSON.stringify({ sites: { test: { system: 'chartmogul', baseUrl, dataSource: DATA_SOURCE } } }));
}

describe('test-import into ChartMogul', () => {
  let sandbox: RunningChartMogulSandbox;
  beforeEach(async () => {
    sandbox = await startChartMogulSandbox();
  });
  afterEach(async () => {
    await sandbox.close();
  });

  it('creates each customer, plan and invoice of fixtures/sample once; a second run creates nothing', async () => {
    await withTempDir({}, async (dir) => {
      await configure(dir, sandbox.baseUrl);
      const args = ['test-import', SAMPLE, '--out', 'results', '--format', 'json'];
      const first = await runCli(dir, args);
      expect(first.code, first.stderr).toBe(0);
      const document = JSON.parse(first.stdout) as { summary: Record<string, number>; notApplicable: Array<{ template: string; kind?: string; columns?: string[]; meaning: string; rows: number }> };
      expect(document.summary).toMatchObject({ error: 0, pending: 0, skipped: 0 });
      // What ChartMogul has no place for is said once, with its meaning: never an error.
      expect(document.notApplicable.find((notice) => notice.kind === 'product_family')).toMatchObject({ template: 'product-families', rows: 2, meaning: expect.stringMatching(/^ChartMogul has no product families/) });
      expect(document.notApplicable.find((notice) => notice.kind === 'payment_profile')).toMatchObject({ template: 'customers-advanced', meaning: expect.stringMatching(/never charges/) });

      const after = await contents(sandbox.baseUrl);
      // Customers: the six of customers-advanced and one per standard subscription row, each once.
      expect(externalIds(after.customers).sort()).toEqual(
        ['acme-holdings', 'acme-europe', 'acme-paris', 'umbrella', 'globex', 'initech', 'std-001', 'std-002', 'std-003', 'std-004', 'std-005', 'std-006', 'std-007', 'std-008', 'std-009', 'std-010', 'std-011', 'std-012', 'cp-001', 'cp-002', 'cp-003'].sort(),
      );
      expect(new Set(externalIds(after.customers)).size).toBe(after.customers.length);
      // Plans: one per product price point, known by its product and price point handles.
      expect(externalIds(after.plans).sort()).toEqual(['basic/basic-monthly', 'enterprise/enterprise-monthly', 'pro/pro-annual', 'pro/pro-monthly'].sort());
      // Invoices: one opening invoice per subscription row, and the invoices template's.
      const opening = externalIds(after.invoices).filter((id) => id.startsWith('opening:'));
      expect(opening).toHaveLength(21);
      expect(new Set(externalIds(after.invoices)).size).toBe(after.invoices.length);
      expect(externalIds(after.invoices).filter((id) => !id.startsWith('opening:')).sort()).toEqual(['INV-1001', 'INV-1002', 'INV-1003']);

      const results = parse(await readFile(join(dir, 'results', 'subscriptions-advanced.csv'), 'utf8'), { columns: true }) as Array<Record<string, string>>;
      for (const row of results.filter((row) => row.create_subscription === 'TRUE')) {
        expect(row.Status).toBe('success');
        expect(row.Result).toMatch(/^https:\/\/app\.chartmogul\.com\/#\/customers\/\d+$/);
      }
      const families = parse(await readFile(join(dir, 'results', 'product-families.csv'), 'utf8'), { columns: true }) as Array<Record<string, string>>;
      expect(families.map((row) => [row.Status, row.Result])).toEqual([
        ['', 'not applicable: ChartMogul has no product families: plans stand alone in the data source'],
        ['', 'not applicable: ChartMogul has no product families: plans stand alone in the data source'],
      ]);

      const journal = await journalLines(dir);
      const second = await runCli(dir, args);
      expect(second.code, second.stderr).toBe(0);
      expect((JSON.parse(second.stdout) as { summary: Record<string, number> }).summary).toMatchObject({ success: 0, error: 0, pending: 0 });
      expect(await contents(sandbox.baseUrl)).toEqual(after);
      expect(await journalLines(dir)).toBe(journal);
    });
  });

  it('killed with SIGKILL mid-import, resumed each time, leaves no duplicate', async () => {
    const rows = 40;
    await withTempDir({ ...catalogFiles(), 'data/subs.csv': subscriptionsCsv(rows) }, async (dir) => {
      await configure(dir, sandbox.baseUrl);
      const args = ['test-import', 'data', '--as-of', AS_OF, '--format', 'json'];
      let kills = 0;
      for (let attempt = 0; attempt < 6; attempt += 1) {
        const before = await journalLines(dir);
        const exit = await runCli(dir, args, { when: async () => (await journalLines(dir)) >= before + 3 + 5 * attempt, signal: 'SIGKILL' });
        if (exit.signal === 'SIGKILL') kills += 1;
        else expect(exit.code, exit.stderr).toBe(0);
      }
      expect(kills).toBeGreaterThan(2);
      const final = await runCli(dir, args);
      expect(final.code, final.stderr).toBe(0);
      expect((JSON.parse(final.stdout) as { summary: Record<string, number> }).summary).toMatchObject({ rows: rows + 2, error: 0, pending: 0 });

      const after = await contents(sandbox.baseUrl);
      expect(after.customers).toHaveLength(rows);
      expect(new Set(externalIds(after.customers)).size).toBe(rows);
      expect(externalIds(after.plans)).toEqual(['basic/monthly']);
      expect(after.invoices).toHaveLength(rows);
      expect(new Set(externalIds(after.invoices)).size).toBe(rows);
      const results = parse(await readFile(join(dir, 'migrate-results', 'subs.csv'), 'utf8'), { columns: true }) as Array<Record<string, string>>;
      expect(results.map((row) => row.ChargifyNextRenewal)).toEqual(Array.from({ length: rows }, () => '49.00'));
    });
  });
});
