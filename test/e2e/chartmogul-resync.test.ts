// Resync on ChartMogul, end to end: the built CLI imports fixtures/sample into the ChartMogul emulator over
// HTTP; a person then tags a customer, sets a custom attribute, renames two customers and merges two
// through the API; the templates change (an email, a component quantity, a company name, a new customer).
// `resync --dry-run` shows the diff and sends nothing; `resync` keeps what the person did, applies the
// templates' changes, imports the changed subscription's invoices again for its customer only, and
// re-creates nothing else.
import { cp, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startChartMogulSandbox, type RunningChartMogulSandbox } from '../../src/targets/chartmogul/sandbox/index.js';
import { ChartMogulClient } from '../../src/targets/chartmogul/client/index.js';
import type { JsonObject } from '../../src/targets/chartmogul/api.js';
import { projectRoot } from '../cli/run-cli.js';
import { withTempDir } from '../helpers/temp-dir.js';
import { runCli } from './run-cli.js';

const SAMPLE = resolve(projectRoot, 'fixtures/sample');
const DATA_SOURCE = 'resync-e2e';

interface ResyncRow {
  file: string;
  key: string;
  status: string;
  result: string;
  changes: Array<{ object: string; field: string; base: string; site: string; template: string; action: string }>;
  notUpdatable: string[];
  merged?: { customer: string; link: string };
  reimport?: string;
}

interface ResyncJson {
  dryRun: boolean;
  summary: Record<string, number>;
  rows: ResyncRow[];
  reimported: Array<{ customer: string; objects: string[]; status: string }>;
}

/** What a person sees in the data source: customers by external id, and every invoice. */
async function snapshot(client: ChartMogulClient, dataSource: string): Promise<{ customers: Map<string, JsonObject>; invoices: JsonObject[] }> {
  const customers = new Map<string, JsonObject>();
  for await (const customer of client.listCustomers(dataSource)) customers.set(String(customer.external_id), customer);
  const invoices: JsonObject[] = [];
  for (const customer of customers.values()) invoices.push(...(await client.customerInvoices(dataSource, String(customer.uuid))));
  return { customers, invoices };
}

/** An invoice as it must stay when it is not imported again: its uuid, its external id and its customer. */
function identity(invoice: JsonObject): string {
  return `${String(invoice.uuid)} ${String(invoice.external_id)} ${String(invoice.customer_uuid)}`;
}

async function send(baseUrl: string, method: string, path: string, body: unknown): Promise<void> {
  const response = await fetch(`${baseUrl}${path}`, { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  expect(response.status, `${method} ${path}`).toBeLessThan(300);
}

async function edit(path: string, from: string, to: string): Promise<void> {
  const text = await readFile(path, 'utf8');
  expect(text.split(from)).toHaveLength(2);
  await writeFile(path, text.replace(from, to));
}

function rowOf(document: ResyncJson, key: string, file: string): ResyncRow {
  const row = document.rows.find((entry) => entry.key === key && entry.file.endsWith(file));
  expect(row, `${file} ${key}`).toBeDefined();
  return row!;
}

describe('resync on ChartMogul', () => {
  let sandbox: RunningChartMogulSandbox;
  let client: ChartMogulClient;
  beforeEach(async () => {
    sandbox = await startChartMogulSandbox();
    client = new ChartMogulClient({ name: 'person', baseUrl: sandbox.baseUrl });
  });
  afterEach(async () => {
    await client.close();
    await sandbox.close();
  });

  /** fixtures/sample copied into `dir` (to be edited) and imported into the emulator's data source: that data source, and each customer's uuid by external id. */
  async function importSample(dir: string): Promise<{ dataSource: string; uuid: (key: string) => string }> {
    await cp(SAMPLE, join(dir, 'sample'), { recursive: true });
    await writeFile(join(dir, '.migraterc.json'), JSON.stringify({ sites: { test: { system: 'chartmogul', baseUrl: sandbox.baseUrl, dataSource: DATA_SOURCE } } }));
    const imported = await runCli(dir, ['test-import', 'sample', '--format', 'json']);
    expect(imported.code, imported.stderr).toBe(0);
    const dataSource = (await client.findDataSource(DATA_SOURCE))!.uuid;
    const imports = await snapshot(client, dataSource);
    return { dataSource, uuid: (key) => String(imports.customers.get(key)!.uuid) };
  }

  it('keeps tags, attributes, renames and merges made on ChartMogul, applies the templates, and imports only the changed customer\'s invoices again', async () => {
    await withTempDir({}, async (dir) => {
      const { dataSource, uuid } = await importSample(dir);
      const mrrOf = async (key: string): Promise<number[]> => (await client.customerSubscriptions(uuid(key))).map((subscription) => Number(subscription.mrr));
      // std-002: pro-monthly 99.00 + 5 seats at 10.00 = 149.00 a month.
      expect(await mrrOf('std-002')).toEqual([14900]);

      // What a person does on ChartMogul.
      await send(sandbox.baseUrl, 'POST', `/v1/customers/${uuid('acme-holdings')}/attributes/tags`, { tags: ['vip'] });
      await send(sandbox.baseUrl, 'POST', `/v1/customers/${uuid('globex')}/attributes/custom`, { custom: [{ type: 'String', key: 'AccountManager', value: 'Maria' }] });
      await send(sandbox.baseUrl, 'PATCH', `/v1/customers/${uuid('initech')}`, { name: 'Initech Corporation' });
      await send(sandbox.baseUrl, 'PATCH', `/v1/customers/${uuid('umbrella')}`, { name: 'Umbrella Corp' });
      await send(sandbox.baseUrl, 'POST', '/v1/customers/merges', { from: { customer_uuid: uuid('std-010') }, into: { customer_uuid: uuid('std-011') } });
      const before = await snapshot(client, dataSource);

      // What changes in the templates: an email, a component quantity (5 → 7 seats), a company name (also renamed on the site), a new customer.
      await edit(join(dir, 'sample/customers-advanced.csv'), 'bruno@acme.example', 'bruno.berger@acme.example');
      await edit(join(dir, 'sample/subscriptions-standard.csv'), 'pro,,,,seats,seats-standard,5,', 'pro,,,,seats,seats-standard,7,');
      await edit(join(dir, 'sample/customers-advanced.csv'), ',TRUE,Umbrella,umbrella,', ',TRUE,Umbrella Group,umbrella,');
      const customers = await readFile(join(dir, 'sample/customers-advanced.csv'), 'utf8');
      const umbrella = customers.split('\n').find((line) => line.includes(',umbrella,'))!;
      await writeFile(join(dir, 'sample/customers-advanced.csv'), `${customers.trimEnd()}\n${umbrella.replace('Umbrella Group,umbrella', 'Newco,newco').replace('fiona@umbrella.example', 'nina@newco.example')}\n`);

      // The dry run shows each object's diff and the invoices to import again, and sends nothing.
      const dry = await runCli(dir, ['resync', 'sample', '--dry-run', '--format', 'json']);
      expect(dry.code, dry.stderr + dry.stdout).toBe(0);
      const plan = JSON.parse(dry.stdout) as ResyncJson;
      expect(plan.dryRun).toBe(true);
      expect(rowOf(plan, 'acme-europe', 'customers-advanced.csv').changes).toEqual([
        expect.objectContaining({ field: 'email', site: 'bruno@acme.example', template: 'bruno.berger@acme.example', action: 'update' }),
      ]);
      expect(rowOf(plan, 'std-002', 'subscriptions-standard.csv').changes).toContainEqual(expect.objectContaining({ field: 'amount', base: '149.00', template: '169.00' }));
      expect(plan.reimported).toEqual([{ customer: uuid('std-002'), link: expect.any(String), objects: ['subscription:std-002/pro'], status: 'planned' }]);
      expect(rowOf(plan, 'newco', 'customers-advanced.csv').status).toBe('created');
      expect(await snapshot(client, dataSource)).toEqual(before);
      const pretty = await runCli(dir, ['resync', 'sample', '--dry-run']);
      expect(pretty.code, pretty.stderr).toBe(0);
      expect(pretty.stdout).toContain(`billing to delete and import again: customer ${uuid('std-002')}: 1 invoice(s) (subscription:std-002/pro)`);
      expect(pretty.stdout).toContain(`its customer was merged into customer ${uuid('std-011')} on the site`);

      const run = await runCli(dir, ['resync', 'sample', '--format', 'json', '--out', 'resync-results']);
      expect(run.code, run.stderr).toBe(0);
      const document = JSON.parse(run.stdout) as ResyncJson;
      const after = await snapshot(client, dataSource);

      // The tag, the attribute and the merge are all still there.
      expect(after.customers.get('acme-holdings')!.attributes).toMatchObject({ tags: ['vip'] });
      expect((after.customers.get('globex')!.attributes as JsonObject).custom).toMatchObject({ AccountManager: 'Maria' });
      expect(after.customers.has('std-010')).toBe(false);
      expect(after.customers.get('std-011')!.external_ids).toEqual(['std-011', 'std-010']);
      expect((await client.findCustomer(dataSource, 'std-010'))!.uuid).toBe(uuid('std-011'));
      expect(rowOf(document, 'std-010', 'subscriptions-standard.csv').merged).toEqual({ customer: uuid('std-011'), link: expect.any(String) });
      expect(rowOf(document, 'std-010', 'subscriptions-standard.csv').result).toMatch(/merged into customer .* followed there, not unmerged/);

      // A rename the template did not touch is kept, silently; one the template changed too is a conflict, the site's name kept.
      expect(after.customers.get('initech')!.name).toBe('Initech Corporation');
      expect(rowOf(document, 'initech', 'customers-advanced.csv')).toMatchObject({ status: 'unchanged', changes: [] });
      expect(after.customers.get('umbrella')!.name).toBe('Umbrella Corp');
      expect(after.customers.get('umbrella')!.company).toBe('Umbrella Group');
      const umbrellaRow = rowOf(document, 'umbrella', 'customers-advanced.csv');
      expect(umbrellaRow.status).toBe('conflict');
      expect(umbrellaRow.changes).toEqual([
        expect.objectContaining({ field: 'name', base: 'Umbrella', site: 'Umbrella Corp', template: 'Umbrella Group', action: 'conflict' }),
        expect.objectContaining({ field: 'company', base: 'Umbrella', site: 'Umbrella', template: 'Umbrella Group', action: 'update' }),
      ]);

      // The email and the new customer arrived.
      expect(after.customers.get('acme-europe')!.email).toBe('bruno.berger@acme.example');
      expect(after.customers.get('newco')).toMatchObject({ name: 'Newco', email: 'nina@newco.example' });

      // The changed subscription's MRR is its new price: pro-monthly 99.00 + 7 seats at 10.00 = 169.00 a month.
      expect(await mrrOf('std-002')).toEqual([16900]);
      expect(document.reimported).toEqual([{ customer: uuid('std-002'), link: expect.any(String), objects: ['subscription:std-002/pro'], status: 'done' }]);
      const results = parse(await readFile(join(dir, 'resync-results', 'subscriptions-standard.csv'), 'utf8'), { columns: true }) as Array<Record<string, string>>;
      expect(results.find((row) => row.customer_reference === 'std-002')).toMatchObject({ Status: 'success', ChargifyNextRenewal: '169.00' });

      // Nothing else was re-created: every customer keeps its uuid, and every other customer's invoices are the same invoices.
      for (const [key, customer] of before.customers) expect(after.customers.get(key)?.uuid, key).toBe(customer.uuid);
      const untouched = (invoices: JsonObject[]) => invoices.filter((invoice) => invoice.customer_uuid !== uuid('std-002')).map(identity).sort();
      const newcoInvoices = after.invoices.filter((invoice) => invoice.customer_uuid === after.customers.get('newco')!.uuid);
      expect(newcoInvoices).toEqual([]);
      expect(untouched(after.invoices)).toEqual(untouched(before.invoices));
      expect(after.invoices.filter((invoice) => invoice.customer_uuid === uuid('std-002')).map((invoice) => invoice.external_id)).toEqual(['opening:std-002/pro']);

      // A second resync finds nothing left to do but the conflict it reports again.
      const again = await runCli(dir, ['resync', 'sample', '--format', 'json', '--out', 'resync-results']);
      expect(again.code, again.stderr).toBe(0);
      const second = JSON.parse(again.stdout) as ResyncJson;
      expect(second.summary).toMatchObject({ created: 0, updated: 0, conflict: 1, error: 0 });
      expect(second.reimported).toEqual([]);
    });
  });

  it('imports a merged customer\'s changed subscription again into the customer that survived, and refuses a customer holding invoices the templates do not give', async () => {
    await withTempDir({}, async (dir) => {
      const { dataSource, uuid } = await importSample(dir);
      await send(sandbox.baseUrl, 'POST', '/v1/customers/merges', { from: { customer_uuid: uuid('std-010') }, into: { customer_uuid: uuid('std-011') } });
      // An invoice a person imported by hand for std-003: the templates cannot give it back.
      const plan = (await client.findPlan(dataSource, 'basic/basic-monthly'))!;
      await send(sandbox.baseUrl, 'POST', `/v1/import/customers/${uuid('std-003')}/invoices`, {
        invoices: [{ external_id: 'manual-1', date: '2029-12-10', currency: 'USD', line_items: [{ type: 'one_time', amount_in_cents: 1500, quantity: 1, description: 'Set-up by hand', plan_uuid: plan.uuid }] }],
      });
      const before = await snapshot(client, dataSource);

      // std-010 (merged into std-011) gets 3 seats: pro-monthly 99.00 + 3 × 10.00 = 129.00; std-003 gets 20 GB of storage instead of 15.
      const standard = join(dir, 'sample/subscriptions-standard.csv');
      const lines = (await readFile(standard, 'utf8')).split('\n');
      const at = (key: string) => lines.findIndex((line) => line.includes(`,${key},`));
      expect(lines[at('std-010')]!.endsWith(',pro,,,,,,,,,')).toBe(true);
      lines[at('std-010')] = lines[at('std-010')]!.replace(/,pro,,,,,,,,,$/, ',pro,,,,seats,seats-standard,3,,,');
      lines[at('std-003')] = lines[at('std-003')]!.replace(',storage,,15,', ',storage,,20,');
      await writeFile(standard, lines.join('\n'));

      const run = await runCli(dir, ['resync', 'sample', '--format', 'json']);
      expect(run.code, run.stderr).toBe(0);
      const document = JSON.parse(run.stdout) as ResyncJson;
      const after = await snapshot(client, dataSource);

      // Both subscriptions std-011 holds were imported again for it; std-010 was not re-created or unmerged.
      expect(document.reimported).toContainEqual({ customer: uuid('std-011'), link: expect.any(String), objects: expect.arrayContaining(['subscription:std-011/basic', 'subscription:std-010/pro']), status: 'done' });
      expect(after.customers.has('std-010')).toBe(false);
      expect(after.customers.get('std-011')).toMatchObject({ uuid: uuid('std-011'), external_ids: ['std-011', 'std-010'] });
      const mrr = new Map((await client.customerSubscriptions(uuid('std-011'))).map((subscription) => [String(subscription.external_id), Number(subscription.mrr)]));
      // std-011: basic 29.00 + 60 GB tiered (10 × 5.00 + 40 × 4.00 + 10 × 3.00 = 240.00) = 269.00, unchanged; std-010: 129.00.
      expect(mrr).toEqual(new Map([['std-011/basic', 26900], ['std-010/pro', 12900]]));
      const std010 = rowOf(document, 'std-010', 'subscriptions-standard.csv');
      expect(std010).toMatchObject({ status: 'updated', merged: { customer: uuid('std-011') } });
      expect(std010.changes).toContainEqual(expect.objectContaining({ field: 'amount', base: '99.00', template: '129.00', action: 'update' }));

      // std-003 holds manual-1: nothing of it was deleted, the row is a conflict naming the invoice, and says so again next time.
      expect(document.reimported).toContainEqual(expect.objectContaining({ customer: uuid('std-003'), status: 'refused' }));
      const std003 = rowOf(document, 'std-003', 'subscriptions-standard.csv');
      expect(std003.status).toBe('conflict');
      expect(std003.result).toContain('invoice:manual-1');
      const held = (snapshot: { invoices: JsonObject[] }) => snapshot.invoices.filter((invoice) => invoice.customer_uuid === uuid('std-003')).map(identity).sort();
      expect(held(after)).toEqual(held(before));
      const mine = (snapshot: { invoices: JsonObject[] }) => snapshot.invoices.filter((invoice) => invoice.customer_uuid !== uuid('std-011')).map(identity).sort();
      expect(mine(after)).toEqual(mine(before));
      const again = JSON.parse((await runCli(dir, ['resync', 'sample', '--format', 'json'])).stdout) as ResyncJson;
      expect(rowOf(again, 'std-003', 'subscriptions-standard.csv').status).toBe('conflict');
      expect(rowOf(again, 'std-010', 'subscriptions-standard.csv').status).toBe('unchanged');
    });
  });
});
