// erase on ChartMogul, with the built CLI against the ChartMogul emulator over HTTP: deleting the data
// source shows first what it loses (tags, custom attributes, merges people made), and a test-import
// afterwards fills a new one; manual-customers survives kill -9; scope imported takes only what the
// journal says the toolkit created; live data is not erased on --yes alone.
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startChartMogulSandbox } from '../../src/targets/chartmogul/sandbox/index.js';
import { ChartMogulClient } from '../../src/targets/chartmogul/client/index.js';
import type { JsonObject } from '../../src/targets/chartmogul/api.js';
import { projectRoot } from '../cli/run-cli.js';
import { withTempDir } from '../helpers/temp-dir.js';
import { AS_OF, catalogFiles, subscriptionsCsv } from './import-data.js';
import { runCli } from './run-cli.js';

const SAMPLE = resolve(projectRoot, 'fixtures/sample');
const DATA_SOURCE = 'e2e';

interface Source {
  uuid?: string;
  customers: string[];
  plans: number;
  invoices: number;
}

/** The test's data source as the API shows it: its uuid, customers' external ids, plans and invoices. */
async function source(baseUrl: string): Promise<Source> {
  const client = new ChartMogulClient({ name: 'check', baseUrl });
  try {
    const found = await client.findDataSource(DATA_SOURCE);
    if (found === undefined) return { customers: [], plans: 0, invoices: 0 };
    const customers: string[] = [];
    for await (const customer of client.listCustomers(found.uuid)) customers.push(String(customer.external_id));
    let plans = 0;
    for await (const _ of client.listPlans(found.uuid)) plans += 1;
    let invoices = 0;
    for await (const _ of client.listInvoices(found.uuid)) invoices += 1;
    return { uuid: found.uuid, customers: customers.sort(), plans, invoices };
  } finally {
    await client.close();
  }
}

/** A call as a person's own script would make it, through ChartMogul's API. */
async function call(baseUrl: string, method: string, path: string, body: JsonObject): Promise<void> {
  const answer = await fetch(`${baseUrl}${path}`, { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  expect(answer.status, `${method} ${path}`).toBeLessThan(300);
}

async function customerUuid(baseUrl: string, dataSource: string, externalId: string): Promise<string> {
  const answer = (await (await fetch(`${baseUrl}/v1/customers?data_source_uuid=${dataSource}&external_id=${externalId}`)).json()) as { entries: JsonObject[] };
  return String(answer.entries[0]!.uuid);
}

/** Runs `fn` in a project folder (with `files`) whose test site is data source `e2e` of a fresh ChartMogul emulator. */
async function withDataSource(files: Record<string, string>, fn: (dir: string, baseUrl: string) => Promise<void>): Promise<void> {
  const sandbox = await startChartMogulSandbox();
  try {
    await withTempDir(files, async (dir) => {
      await writeFile(join(dir, '.migraterc.json'), JSON.stringify({ sites: { test: { system: 'chartmogul', baseUrl: sandbox.baseUrl, dataSource: DATA_SOURCE } } }));
      await fn(dir, sandbox.baseUrl);
    });
  } finally {
    await sandbox.close();
  }
}

describe('erase on ChartMogul', () => {
  it('--scope data-source counts what it loses, people\'s work included, deletes on --yes, and a test-import fills a new data source', async () => {
    await withDataSource({}, async (dir, baseUrl) => {
      const imported = await runCli(dir, ['test-import', SAMPLE, '--format', 'json']);
      expect(imported.code, imported.stderr).toBe(0);
      const before = await source(baseUrl);
      const ds = before.uuid!;
      // What people do on ChartMogul: a tag, a custom attribute, a merge.
      await call(baseUrl, 'POST', `/v1/customers/${await customerUuid(baseUrl, ds, 'globex')}/attributes/tags`, { tags: ['vip'] });
      await call(baseUrl, 'POST', `/v1/customers/${await customerUuid(baseUrl, ds, 'initech')}/attributes/custom`, { custom: [{ type: 'String', key: 'channel', value: 'partner' }] });
      await call(baseUrl, 'POST', '/v1/customers/merges', { from: { external_id: 'std-002', data_source_uuid: ds }, into: { external_id: 'std-001', data_source_uuid: ds } });
      const worked = await source(baseUrl);
      expect(worked.customers).toHaveLength(20);

      const plan = await runCli(dir, ['erase', '--scope', 'data-source', '--dry-run', '--format', 'json']);
      expect(plan.code, plan.stderr).toBe(0);
      const document = JSON.parse(plan.stdout);
      expect(document).toMatchObject({ scope: 'data-source', dryRun: true, plan: { 'data_source delete': 1 } });
      expect(document.contents).toMatchObject({
        object: { type: 'data_source', key: DATA_SOURCE },
        counts: { customers: 20, plans: 4, invoices: 24 },
        manualWork: { tagged: { count: 1, examples: ['globex'] }, attributed: { count: 1, examples: ['initech'] }, merged: { count: 1, examples: ['std-001'] }, edited: { count: 0 } },
        customersWithManualWork: 3,
        notImported: { count: 0 },
      });
      expect(document.next).toMatch(/migrate resync/);
      const pretty = await runCli(dir, ['erase', '--scope', 'data-source', '--dry-run']);
      expect(pretty.stdout).toMatch(/lost +20 customers, 4 plans, 24 invoices/);
      expect(pretty.stdout).toMatch(/1 customers with tags \(globex\)/);
      expect(pretty.stdout).toMatch(/1 merged customers/);
      expect(pretty.stdout).toMatch(/migrate resync/);
      // A dry run sends nothing: the data source is still there, as it was.
      expect(await source(baseUrl)).toEqual(worked);

      const erased = await runCli(dir, ['erase', '--scope', 'data-source', '--yes', '--format', 'json']);
      expect(erased.code, erased.stderr).toBe(0);
      expect(JSON.parse(erased.stdout)).toMatchObject({ summary: { erased: 1, failed: 0 }, next: expect.stringMatching(/new data source "e2e"/) });
      expect((await source(baseUrl)).uuid).toBeUndefined();

      // Re-imported as a first import: no --new-journal, every row created again, in a new data source of the same name.
      const again = await runCli(dir, ['test-import', SAMPLE, '--format', 'json']);
      expect(again.code, again.stderr).toBe(0);
      expect(JSON.parse(again.stdout).summary).toMatchObject({ error: 0, skipped: 0, pending: 0 });
      const after = await source(baseUrl);
      expect(after.uuid).not.toBe(ds);
      expect(after).toMatchObject({ customers: before.customers, plans: 4, invoices: 24 });
    });
  });

  it('--scope manual-customers killed with SIGKILL part-way finishes on a re-run: no customer left, none gone reported as an error', async () => {
    await withDataSource({ ...catalogFiles(), 'data/subs.csv': subscriptionsCsv(60) }, async (dir, baseUrl) => {
      expect((await runCli(dir, ['test-import', 'data', '--as-of', AS_OF])).code).toBe(0);
      const { uuid, customers } = await source(baseUrl);
      expect(customers).toHaveLength(60);

      // One request a tenth of a second: the watch shares the account's 40 requests a second with the erase
      // (an answer of 429 is no count).
      let checked = 0;
      const partWay = async (): Promise<boolean> => {
        if (Date.now() - checked < 100) return false;
        checked = Date.now();
        const answer = await fetch(`${baseUrl}/v1/customers?data_source_uuid=${uuid}&per_page=200`);
        if (answer.status !== 200) return false;
        const left = ((await answer.json()) as { entries: unknown[] }).entries.length;
        return left > 0 && left <= 50;
      };
      const killed = await runCli(dir, ['erase', '--scope', 'manual-customers', '--yes'], { when: partWay, signal: 'SIGKILL' });
      expect(killed.signal).toBe('SIGKILL');
      const left = (await source(baseUrl)).customers.length;
      expect(left).toBeGreaterThan(0);
      expect(left).toBeLessThan(60);

      const resumed = await runCli(dir, ['erase', '--scope', 'manual-customers', '--yes', '--format', 'json']);
      expect(resumed.code, resumed.stderr).toBe(0);
      const document = JSON.parse(resumed.stdout);
      expect(document).toMatchObject({ scope: 'manual-customers', summary: { planned: left, failed: 0, pending: 0 } });
      expect(document.summary.erased + document.summary.gone).toBe(left);
      expect(resumed.stderr).toMatch(/progress: \d+\/\d+/);
      expect(await source(baseUrl)).toMatchObject({ customers: [], invoices: 0, plans: 1 });

      // The journal knows they are gone: the same import creates every row again.
      const reimport = await runCli(dir, ['test-import', 'data', '--as-of', AS_OF, '--format', 'json']);
      expect(reimport.code, reimport.stderr).toBe(0);
      expect(JSON.parse(reimport.stdout).summary).toMatchObject({ success: 60, error: 0 });
    });
  });

  it('scope imported deletes exactly the customers the journal says the toolkit created, and leaves one made by hand', async () => {
    await withDataSource({}, async (dir, baseUrl) => {
      expect((await runCli(dir, ['test-import', SAMPLE])).code).toBe(0);
      const { uuid } = await source(baseUrl);
      await call(baseUrl, 'POST', '/v1/customers', { data_source_uuid: uuid!, external_id: 'added-by-hand', name: 'Hand Made' });

      const erased = await runCli(dir, ['erase', '--yes', '--format', 'json']);
      expect(erased.code, erased.stderr).toBe(0);
      const document = JSON.parse(erased.stdout);
      expect(document).toMatchObject({ scope: 'imported', summary: { failed: 0, pending: 0 }, plan: { 'subscription purge': 21, 'customer delete': 6, 'invoice void': 3 } });
      // Without --catalog the plans stay for the re-import.
      expect(await source(baseUrl)).toEqual({ uuid, customers: ['added-by-hand'], plans: 4, invoices: 0 });
    });
  });

  it('a data source a live import used is erased only after its name is typed: --yes alone is refused, nothing sent', async () => {
    await withDataSource({}, async (dir, baseUrl) => {
      expect((await runCli(dir, ['test-import', SAMPLE])).code).toBe(0);
      const before = await source(baseUrl);
      // The run record a live-import into this data source leaves behind.
      await mkdir(join(dir, '.migrate', 'runs'), { recursive: true });
      const site = { name: 'test', key: 'k', baseUrl: baseUrl, fingerprint: `id:${before.uuid}` };
      await writeFile(join(dir, '.migrate', 'runs', '20260101T000000Z-live00.json'), JSON.stringify({ version: 1, id: '20260101T000000Z-live00', command: 'live-import', site, files: [], startedAt: '2026-01-01T00:00:00Z', status: 'completed' }));

      for (const scope of ['data-source', 'manual-customers', 'imported']) {
        const refused = await runCli(dir, ['erase', '--scope', scope, '--yes']);
        expect(refused.code, refused.stderr).toBe(2);
        expect(refused.stderr).toMatch(/holds live data: erase goes on only when its data source is typed at a terminal/);
      }
      expect(await source(baseUrl)).toEqual(before);
      // The dry run still shows what would go.
      const plan = await runCli(dir, ['erase', '--scope', 'data-source', '--dry-run', '--format', 'json']);
      expect(plan.code, plan.stderr).toBe(0);
      expect(JSON.parse(plan.stdout)).toMatchObject({ siteMode: 'live', contents: { counts: { customers: 21 } } });
    });
  });

  it('an unknown scope, and a --cleanup the data source does not take, are refused before anything is sent', async () => {
    await withDataSource({}, async (dir, baseUrl) => {
      const refused = await runCli(dir, ['erase', '--scope', 'nonsense']);
      expect(refused.code).toBe(2);
      expect(refused.stderr).toMatch(/--scope must be imported, customers or site \(or a billing system's own name for one: manual-customers, data-source\)/);
      const cleanup = await runCli(dir, ['erase', '--scope', 'data-source', '--cleanup', 'customers', '--yes']);
      expect(cleanup.code).toBe(2);
      expect(cleanup.stderr).toMatch(/--cleanup customers is not possible there/);
    });
  });
});
