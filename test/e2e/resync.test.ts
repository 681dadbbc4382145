// `migrate resync` end to end: the built CLI against a sandbox over HTTP, with an edit made on the
// site and edits in the template between runs — the dry-run diff, the JSON document, the annotated
// result files, and the one-line refusals for a missing state folder and bad flags.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { startSandbox } from '../../src/targets/advanced-billing/sandbox/index.js';
import { createTarget } from '../../src/targets/index.js';
import { copySample, editCsv } from '../erase/harness.js';
import { AS_OF } from './import-data.js';
import { withTempDir } from '../helpers/temp-dir.js';
import { runCli } from './run-cli.js';

describe('migrate resync', () => {
  it('shows the diff, then updates the template changes and keeps the site edit, annotating the rows', async () => {
    const sandbox = await startSandbox();
    const target = createTarget({ name: 'check', baseUrl: sandbox.baseUrl });
    try {
      await withTempDir({}, async (dir) => {
        const [customers] = await copySample(dir, ['customers-advanced.csv']);
        await writeFile(join(dir, '.migraterc.json'), JSON.stringify({ sites: { test: { baseUrl: sandbox.baseUrl } } }));
        expect((await runCli(dir, ['test-import', 'data', '--as-of', AS_OF])).code).toBe(0);

        const globex = (await target.api.findCustomerByReference('globex'))!;
        await target.api.updateCustomer(Number(globex.id), { email: 'billing@globex.example' });
        await editCsv(customers!, (row) => {
          if (row.import_identifier_customer_reference === 'globex') row.email = 'accounts@globex.example';
          if (row.import_identifier_customer_reference === 'acme-paris') row.phone = '+33 1 23 45 67 89';
        });

        const dry = await runCli(dir, ['resync', 'data', '--as-of', AS_OF, '--dry-run']);
        expect(dry.code, dry.stderr).toBe(0);
        expect(dry.stdout).toContain('phone: (blank) → "+33 1 23 45 67 89"');
        expect(dry.stdout).toMatch(/email: "billing@globex\.example" → "accounts@globex\.example"\s+conflict: edited on the site/);
        expect((await target.api.findCustomerByReference('acme-paris'))!.phone).toBeNull();

        const applied = await runCli(dir, ['resync', 'data', '--as-of', AS_OF, '--format', 'json']);
        expect(applied.code, applied.stderr).toBe(0);
        const document = JSON.parse(applied.stdout);
        expect(document).toMatchObject({ version: 1, command: 'resync', dryRun: false, prefer: 'target', summary: { updated: 1, conflict: 1, error: 0, created: 0 } });
        expect((await target.api.findCustomerByReference('acme-paris'))!.phone).toBe('+33 1 23 45 67 89');
        expect((await target.api.findCustomerByReference('globex'))!.email).toBe('billing@globex.example');

        const rows = parse(await readFile(join(dir, 'migrate-results', 'customers-advanced.csv'), 'utf8'), { columns: true }) as Array<Record<string, string>>;
        const paris = rows.find((row) => row.import_identifier_customer_reference === 'acme-paris')!;
        expect(paris).toMatchObject({ Status: 'success', Result: expect.stringMatching(/^updated phone: http:\/\/127\.0\.0\.1:\d+\/customers\/\d+$/) });
        expect(rows.find((row) => row.import_identifier_customer_reference === 'globex')!.Result).toMatch(/^conflict: email edited on the site/);
        expect(rows.find((row) => row.import_identifier_customer_reference === 'acme-holdings')!.Result).toMatch(/^unchanged: http/);
        expect(await readFile(customers!, 'utf8')).not.toContain('updated phone');
      });
    } finally {
      await target.close();
      await sandbox.close();
    }
  });

  it('refuses to run without a state folder or with a bad --prefer, in one line, sending nothing', async () => {
    await withTempDir({}, async (dir) => {
      await copySample(dir, ['customers-advanced.csv']);
      await writeFile(join(dir, '.migraterc.json'), JSON.stringify({ sites: { test: { baseUrl: 'http://127.0.0.1:9' } } }));
      const missing = await runCli(dir, ['resync', 'data', '--as-of', AS_OF]);
      expect(missing.code).toBe(2);
      expect(missing.stderr.trim()).toMatch(/^migrate: There is no state folder/);
      const prefer = await runCli(dir, ['resync', 'data', '--prefer', 'mine']);
      expect(prefer.code).toBe(2);
      expect(prefer.stderr).toContain('--prefer must be target or source');
    });
  });
  it('refuses result files whose links point into another site, sending nothing', async () => {
    const first = await startSandbox();
    const second = await startSandbox();
    const check = createTarget({ name: 'check', baseUrl: second.baseUrl });
    try {
      await withTempDir({}, async (dir) => {
        await copySample(dir, ['customers-advanced.csv']);
        const site = (baseUrl: string) => writeFile(join(dir, '.migraterc.json'), JSON.stringify({ sites: { test: { baseUrl } } }));
        await site(first.baseUrl);
        expect((await runCli(dir, ['test-import', 'data', '--as-of', AS_OF])).code).toBe(0);
        await site(second.baseUrl);
        expect((await runCli(dir, ['test-import', 'data', '--as-of', AS_OF, '--new-journal', '--out', 'results-second'])).code).toBe(0);
        const before = await check.api.findCustomerByReference('globex');

        // migrate-results/ was written for the first sandbox; resync is pointed at the second.
        const refused = await runCli(dir, ['resync', 'migrate-results', '--as-of', AS_OF]);
        expect(refused.code, refused.stderr).toBe(2);
        expect(refused.stderr).toContain(`holds links into ${first.baseUrl}`);
        expect(await check.api.findCustomerByReference('globex')).toEqual(before);
      });
    } finally {
      await check.close();
      await first.close();
      await second.close();
    }
  });
});
