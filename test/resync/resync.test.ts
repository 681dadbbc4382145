// Resync against the sandbox over HTTP, with edits made directly on the site between runs: new rows
// created, template changes updated, site edits kept (conflicts), unmanaged fields untouched, rows
// gone from the templates reported and pruned, --prefer source, and the journal's last-applied values.
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { confirmBySiteName } from '../../src/cli/session/prompt.js';
import { runResync, type ResyncOutcome } from '../../src/resync/run-resync.js';
import type { JsonObject } from '../../src/targets/advanced-billing/api.js';
import type { Target } from '../../src/targets/target.js';
import { AS_OF } from '../e2e/import-data.js';
import { editCsv, prepareFiles, siteJournal, withImportedSample, CORE_FILES, withoutBalances } from '../erase/harness.js';

const FILES = [...CORE_FILES, 'subscriptions-standard.csv'];

async function resync(dir: string, files: string[], target: Target, options: { dryRun?: boolean; prefer?: 'target' | 'source'; prune?: boolean; live?: boolean; createCustomFields?: boolean } = {}): Promise<ResyncOutcome> {
  return runResync({
    prepared: await prepareFiles(files),
    target,
    stateDir: join(dir, '.migrate'),
    outDir: join(dir, 'out'),
    asOf: AS_OF,
    concurrency: 4,
    prefer: options.prefer ?? 'target',
    prune: options.prune ?? false,
    dryRun: options.dryRun ?? false,
    createCustomFields: options.createCustomFields ?? false,
    confirmLive: (request) => confirmBySiteName({ ...request, command: 'resync', yes: false }),
    configuredLive: options.live ?? false,
  });
}

const byKey = (outcome: ResyncOutcome) => new Map(outcome.document.rows.map((row) => [row.key, row]));

async function customer(target: Target, reference: string): Promise<JsonObject> {
  return (await target.api.findCustomerByReference(reference))!;
}

describe('resync and custom fields', () => {
  it('stops on a custom field the site lacks (a misspelt header), and creates it only when asked', async () => {
    await withImportedSample({ names: CORE_FILES, keep: { 'subscriptions-advanced.csv': withoutBalances } }, async ({ dir, files, target }) => {
      const customers = files.find((path) => path.endsWith('customers-advanced.csv'))!;
      const [header, ...rows] = parse(await readFile(customers, 'utf8')) as string[][];
      await writeFile(customers, stringify([[...header!, 'custom_field[Regoin]'], ...rows.map((row, index) => [...row, index === 0 ? 'EMEA' : ''])]));

      await expect(resync(dir, files, target)).rejects.toMatchObject({ code: 'missing-custom-fields', exitCode: 2 });
      expect(await target.api.listMetafieldNames('customers')).not.toContain('Regoin');

      const outcome = await resync(dir, files, target, { createCustomFields: true });
      expect(outcome.fatal).toBeUndefined();
      expect(await target.api.listMetafieldNames('customers')).toContain('Regoin');
    });
  });
});

describe('resync', () => {
  it('creates, updates, keeps site edits as conflicts, leaves unmanaged fields alone, then prunes', async () => {
    await withImportedSample({ names: FILES, keep: { 'subscriptions-advanced.csv': withoutBalances } }, async ({ dir, files, target }) => {
      const [, products, , , customers, , standard] = files as [string, string, string, string, string, string, string];

      // Edits made on the site, by hand, after the import.
      const europe = await customer(target, 'acme-europe');
      await target.api.updateCustomer(Number(europe.id), { city: 'Munich' });
      const globex = await customer(target, 'globex');
      await target.api.updateCustomer(Number(globex.id), { phone: '+1 555 0199' });
      await target.api.ensureMetafields('customers', ['Account manager']);
      await target.api.setMetadata('customers', Number(globex.id), { 'Account manager': 'Dana' });

      // Edits made in the templates.
      await editCsv(customers, (row) => {
        if (row.import_identifier_customer_reference === 'acme-holdings') row.phone = '+1 415 555 9999';
        if (row.import_identifier_customer_reference === 'acme-europe') row.shipping_city = 'Hamburg';
      }, [{ create_customer: 'TRUE', organization_name: 'NewCo', import_identifier_customer_reference: 'newco', customer_type: 'normal', has_parent: 'FALSE', first_name: 'Nia', last_name: 'New', email: 'nia@newco.example', create_payment_profile: 'FALSE' }]);
      await editCsv(standard, (row) => {
        if (row.customer_reference === 'std-001') row.next_billing_at = '2027-02-01';
        if (row.customer_reference === 'std-002') row.email = 'alan@turing.example';
        return row.customer_reference !== 'std-012';
      });
      await editCsv(products, (row) => {
        if (row.price_point_handle === 'basic-monthly') row.price = '35.00';
      });

      const plan = await resync(dir, files, target, { dryRun: true });
      const planned = byKey(plan);
      expect(planned.get('newco')).toMatchObject({ status: 'created' });
      expect(planned.get('acme-holdings')?.changes).toEqual([expect.objectContaining({ field: 'phone', site: '+1 415 555 0100', template: '+1 415 555 9999', action: 'update' })]);
      expect(plan.document.removed).toEqual([expect.objectContaining({ type: 'subscription', key: 'std-012/pro', status: 'reported' })]);
      expect((await customer(target, 'acme-holdings')).phone).toBe('+1 415 555 0100');
      expect(await target.api.findCustomerByReference('newco')).toBeUndefined();

      const first = await resync(dir, files, target);
      expect(first.fatal).toBeUndefined();
      const rows = byKey(first);
      expect(rows.get('newco')).toMatchObject({ status: 'created' });
      expect(rows.get('acme-holdings')).toMatchObject({ status: 'updated', result: expect.stringMatching(/^updated phone: http/) });
      expect(rows.get('acme-europe')).toMatchObject({ status: 'conflict', changes: [expect.objectContaining({ field: 'city', site: 'Munich', template: 'Hamburg', action: 'conflict' })] });
      expect(rows.get('globex')).toMatchObject({ status: 'unchanged' });
      expect(rows.get('std-001')).toMatchObject({ status: 'updated', changes: [expect.objectContaining({ field: 'next_billing_at', action: 'update' })] });
      expect(rows.get('std-002')).toMatchObject({ status: 'updated', changes: [expect.objectContaining({ field: 'email', action: 'update' })] });
      expect(rows.get('basic')).toMatchObject({ status: 'conflict', notUpdatable: ['price'] });
      expect(first.document.summary).toMatchObject({ created: 1, error: 0, removed: 1, pruned: 0 });

      expect((await customer(target, 'acme-holdings')).phone).toBe('+1 415 555 9999');
      expect((await customer(target, 'acme-europe')).city).toBe('Munich');
      expect((await customer(target, 'globex')).phone).toBe('+1 555 0199');
      expect(await target.api.listMetadata('customers', Number(globex.id))).toMatchObject({ 'Account manager': 'Dana' });
      expect((await customer(target, 'std-002')).email).toBe('alan@turing.example');
      const std001 = (await target.api.listCustomerSubscriptions(Number((await customer(target, 'std-001')).id)))[0]!;
      expect(String(std001.next_assessment_at)).toMatch(/^2027-02-01/);
      expect(await target.api.findCustomerByReference('std-012')).toBeDefined();

      const journal = await siteJournal(dir, target);
      expect(journal.objects().get('customer:acme-holdings')?.applied?.phone).toBe('+1 415 555 9999');
      // A conflicting column keeps its last-applied value, so the conflict is reported again next time.
      expect(journal.objects().get('customer:acme-europe')?.applied?.shipping_city).toBe('Berlin');
      await journal.close();

      const second = byKey(await resync(dir, files, target));
      expect(second.get('acme-holdings')?.status).toBe('unchanged');
      expect(second.get('newco')?.status).toBe('unchanged');
      expect(second.get('acme-europe')?.status).toBe('conflict');

      const forced = await resync(dir, files, target, { prefer: 'source', prune: true });
      expect(byKey(forced).get('acme-europe')).toMatchObject({ status: 'updated', changes: [expect.objectContaining({ action: 'forced' })] });
      expect((await customer(target, 'acme-europe')).city).toBe('Hamburg');
      expect(forced.document.removed).toEqual([expect.objectContaining({ key: 'std-012/pro', status: 'erased' })]);
      expect(forced.document.summary.pruned).toBe(1);
      expect(await target.api.findCustomerByReference('std-012')).toBeUndefined();
    });
  });

  it('merges rows of a results file given back (Status success) and never counts them as removed', async () => {
    await withImportedSample({ names: ['customers-advanced.csv'] }, async ({ dir, target }) => {
      const results = join(dir, 'given-back', 'customers-advanced.csv');
      await mkdir(join(dir, 'given-back'));
      await copyFile(join(dir, 'out', 'customers-advanced.csv'), results);
      await editCsv(results, (row) => {
        expect(row.Status).toBe('success');
        if (row.import_identifier_customer_reference === 'globex') row.phone = '+1 000 0000';
      });
      const outcome = await resync(dir, [results], target, { prune: true });
      expect(outcome.document.removed).toEqual([]);
      expect(byKey(outcome).get('globex')).toMatchObject({ status: 'updated' });
      expect(byKey(outcome).get('acme-holdings')).toMatchObject({ status: 'unchanged' });
      expect((await customer(target, 'globex')).phone).toBe('+1 000 0000');
      expect(await target.api.findCustomerByReference('umbrella')).toBeDefined();
    });
  });

  it('never prunes from a file that has rows with errors (the row of a "gone" object may be one of them)', async () => {
    await withImportedSample({ names: ['customers-advanced.csv'] }, async ({ dir, files, target }) => {
      await editCsv(files[0]!, (row) => {
        if (row.import_identifier_customer_reference !== 'umbrella') return;
        row.import_identifier_customer_reference = 'umbrella-2';
        row.email = 'not-an-email@';
      });
      const outcome = await resync(dir, files, target, { prune: true });
      expect(byKey(outcome).get('umbrella-2')).toMatchObject({ status: 'error' });
      expect(outcome.document.removed).toEqual([expect.objectContaining({ key: 'umbrella', status: 'reported', message: expect.stringContaining('has rows with errors') })]);
      expect(await target.api.findCustomerByReference('umbrella')).toBeDefined();
    });
  });

  it('asks for the typed subdomain before changing a live site, and refuses without a terminal', async () => {
    await withImportedSample({ names: ['customers-advanced.csv'] }, async ({ dir, files, target }) => {
      await editCsv(files[0]!, (row) => {
        if (row.import_identifier_customer_reference === 'globex') row.phone = '+1 000';
      });
      await expect(resync(dir, files, target, { live: true })).rejects.toMatchObject({ code: 'needs-confirmation', exitCode: 2 });
      expect((await customer(target, 'globex')).phone).not.toBe('+1 000');
      expect(byKey(await resync(dir, files, target, { live: true, dryRun: true })).get('globex')?.status).toBe('updated');
    });
  });

  it('reports an object deleted on the site outside the toolkit and does not recreate it', async () => {
    await withImportedSample({ names: ['customers-advanced.csv'], keep: { 'customers-advanced.csv': (row) => row.has_parent === 'FALSE' } }, async ({ dir, files, target }) => {
      const globex = await customer(target, 'globex');
      await target.api.deleteCustomer(Number(globex.id));
      await editCsv(files[0]!, (row) => {
        if (row.import_identifier_customer_reference === 'globex') row.phone = '+1 000';
      });
      const outcome = await resync(dir, files, target);
      expect(byKey(outcome).get('globex')).toMatchObject({ status: 'error', result: expect.stringContaining('no longer on the site') });
      expect(await target.api.findCustomerByReference('globex')).toBeUndefined();
    });
  });
});
