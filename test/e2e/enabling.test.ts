// Issue 9, reproduction 4, end to end: enabling cells written Yes, 1, Y, x or WAHR, and rows with data
// but a blank enabler, through the built CLI — validate in every format and test-import against a
// sandbox over HTTP agree on every row, and nothing is left out without a word.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../src/targets/advanced-billing/sandbox/index.js';
import { blankHeader } from '../../src/templates/header.js';
import { getTemplate } from '../../src/templates/index.js';
import { createTarget } from '../../src/targets/index.js';
import type { JsonObject } from '../../src/targets/advanced-billing/api.js';
import { withTempDir } from '../helpers/temp-dir.js';
import { CUSTOMER_ROW, STANDARD_ROW } from '../rules/helpers.js';
import { catalogFiles } from './import-data.js';
import { runCli } from './run-cli.js';

const REJECTED = ['Yes', '1', 'Y', 'x', 'WAHR'];
/** 30 days from today: the sandbox judges next_billing_at by its clock, so the date must never expire. */
const NEXT_BILLING = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);

function csvOf(kind: string, rows: Array<Record<string, string>>): string {
  const header = blankHeader(getTemplate(kind));
  return stringify([header, ...rows.map((row) => header.map((name) => row[name] ?? ''))]);
}

const customer = (reference: string, create: string) =>
  ({ ...CUSTOMER_ROW, create_customer: create, import_identifier_customer_reference: reference, email: `${reference}@example.com` });
const subscription = (reference: string, create: string) =>
  ({ ...STANDARD_ROW, create_subscription: create, customer_reference: reference, email: `${reference}@example.com`, next_billing_at: NEXT_BILLING });

/** Customers: rows 2-3 enabled (TRUE, true), 4-8 rejected enablers, 9 data with a blank enabler, 10 FALSE. */
const CUSTOMERS = csvOf('customers-advanced', [
  customer('c-upper', 'TRUE'),
  customer('c-lower', 'true'),
  ...REJECTED.map((value, i) => customer(`c-bad-${i}`, value)),
  customer('c-blank', ''),
  customer('c-false', 'FALSE'),
]);
/** Subscriptions: row 2 enabled, row 3 `Yes`, row 4 data with a blank enabler. */
const SUBSCRIPTIONS = csvOf('subscriptions-standard', [subscription('s-ok', 'TRUE'), subscription('s-yes', 'Yes'), subscription('s-blank', '')]);

async function customerReferences(sandbox: RunningSandbox): Promise<string[]> {
  const target = createTarget({ name: 'check', baseUrl: sandbox.baseUrl });
  try {
    const references: string[] = [];
    for await (const item of target.api.listCustomers() as AsyncIterable<JsonObject>) references.push(String(item.reference));
    return references.sort();
  } finally {
    await target.close();
  }
}

describe('enabling columns, validate and test-import through the CLI', () => {
  it('validate: every rejected enabler is an error naming its value, blank enablers with data are counted, in every format', async () => {
    await withTempDir({ 'customers.csv': CUSTOMERS, 'subs.csv': SUBSCRIPTIONS, ...catalogFiles() }, async (dir) => {
      const args = ['validate', 'customers.csv', 'subs.csv', '--catalog', 'data'];
      const pretty = await runCli(dir, args);
      expect(pretty.code, pretty.stderr).toBe(1);
      for (const value of REJECTED) expect(pretty.stdout).toContain(`create_customer must be TRUE or FALSE, not "${value}"`);
      expect(pretty.stdout).toContain('create_subscription must be TRUE or FALSE, not "Yes"');
      expect(pretty.stdout).toMatch(/row 9 · c-blank\n {4}⚠ warning create_customer \(blank\)\n.*set create_customer to TRUE to import it, or to FALSE/);
      expect(pretty.stdout).not.toContain('c-false');
      expect(pretty.stdout.trimEnd().split('\n').at(-1)).toMatch(/· 6 with errors · 6 errors · 2 warnings · 2 rows with data are not enabled$/);

      const json = JSON.parse((await runCli(dir, [...args, '--format', 'json'])).stdout);
      expect(json.summary).toMatchObject({ rows: 12, errorRows: 6, errors: 6, warnings: 2, notEnabledRows: 2 });
      const issues = json.files.flatMap((file: { path: string; issues: Array<{ row: number; rule: string; severity: string; value: string }> }) =>
        file.issues.map((issue) => [file.path, issue.row, issue.rule, issue.severity, issue.value]));
      expect(issues).toEqual([
        ...REJECTED.map((value, i) => ['customers.csv', 4 + i, 'row-enabled', 'error', value]),
        ['customers.csv', 9, 'row-enabled', 'warning', ''],
        ['subs.csv', 3, 'row-enabled', 'error', 'Yes'],
        ['subs.csv', 4, 'row-enabled', 'warning', ''],
      ]);

      const github = await runCli(dir, [...args, '--format', 'github']);
      expect(github.code).toBe(1);
      expect(github.stdout).toContain('::error file=customers.csv,line=8,title=row-enabled%3A create_customer::Row 8 (c-bad-4), column create_customer');
      expect(github.stdout).toContain('::warning file=subs.csv,line=4,');
      expect(github.stdout).toMatch(/2 rows with data are not enabled\.\n/);

      // Annotated copies: rejected enablers are errors; a row left out is never `pending` (ready to import).
      await runCli(dir, [...args, '--out', 'checked']);
      const annotated = parse(await readFile(join(dir, 'checked', 'customers.csv'), 'utf8'), { columns: true }) as Array<Record<string, string>>;
      expect(annotated.map((row) => row.Status)).toEqual(['pending', 'pending', 'error', 'error', 'error', 'error', 'error', '', '']);
      expect(annotated[7]!.Result).toMatch(/^warning: This row has data but create_customer is blank/);

      const junit = await runCli(dir, [...args, '--format', 'junit']);
      expect(junit.stdout).toContain('<property name="notEnabledRows" value="1"/>');
      expect(junit.stdout.match(/<failure type="row-enabled"/g)).toHaveLength(6);
    });
  });

  it('test-import agrees row for row: rejected enablers are row errors, blank ones are warned and counted, only TRUE rows reach the site', async () => {
    const sandbox = await startSandbox();
    try {
      await withTempDir({ 'customers.csv': CUSTOMERS, 'subs.csv': SUBSCRIPTIONS, ...catalogFiles() }, async (dir) => {
        await writeFile(join(dir, '.migraterc.json'), JSON.stringify({ sites: { test: { baseUrl: sandbox.baseUrl } } }));
        const files = ['data/product-families.csv', 'data/products.csv', 'customers.csv', 'subs.csv'];
        const run = await runCli(dir, ['test-import', ...files, '--format', 'json']);
        expect(run.code, run.stderr).toBe(1);
        const document = JSON.parse(run.stdout);
        expect(document.summary).toMatchObject({ success: 5, error: 6, pending: 0, notEnabled: 2 });
        expect(document.notEnabled.map((row: { file: string; row: number }) => [row.file, row.row])).toEqual([['customers.csv', 9], ['subs.csv', 4]]);
        const errors = document.rows.filter((row: { status: string }) => row.status === 'error');
        expect(errors.map((row: { file: string; row: number }) => [row.file, row.row])).toEqual([
          ...REJECTED.map((_value, i) => ['customers.csv', 4 + i]),
          ['subs.csv', 3],
        ]);
        for (const row of errors) expect(row.result).toMatch(/must be TRUE or FALSE, not "(Yes|1|Y|x|WAHR)"/);
        // The site holds exactly the enabled rows: both spellings of TRUE, and the subscription's customer.
        expect(await customerReferences(sandbox)).toEqual(['c-lower', 'c-upper', 's-ok']);
        const annotated = parse(await readFile(join(dir, 'migrate-results', 'customers.csv'), 'utf8'), { columns: true }) as Array<Record<string, string>>;
        expect(annotated.map((row) => row.Status)).toEqual(['success', 'success', 'error', 'error', 'error', 'error', 'error', '', '']);

        // The pretty report says the same: one warning line per row left out, and the count.
        const pretty = await runCli(dir, ['test-import', 'customers.csv']);
        expect(pretty.stdout).toContain('warning customers.csv row 9 (c-blank): This row has data but create_customer is blank');
        expect(pretty.stdout).toMatch(/Test import: .*· 1 row with data is not enabled ·/);
      });
    } finally {
      await sandbox.close();
    }
  });

  it('blank enablers alone are warnings: validate and test-import exit 0 and still count them', async () => {
    const sandbox = await startSandbox();
    try {
      const file = csvOf('customers-advanced', [customer('c-ok', 'TRUE'), customer('c-blank-1', ''), customer('c-blank-2', ' '), customer('c-off', 'false')]);
      await withTempDir({ 'customers.csv': file }, async (dir) => {
        await writeFile(join(dir, '.migraterc.json'), JSON.stringify({ sites: { test: { baseUrl: sandbox.baseUrl } } }));
        const validate = await runCli(dir, ['validate', 'customers.csv']);
        expect(validate.code, validate.stdout).toBe(0);
        expect(validate.stdout).toContain('2 rows with data are not enabled');
        const run = await runCli(dir, ['test-import', 'customers.csv', '--format', 'json']);
        expect(run.code, run.stderr).toBe(0);
        expect(JSON.parse(run.stdout).summary).toMatchObject({ rows: 1, success: 1, error: 0, notEnabled: 2 });
        expect(await customerReferences(sandbox)).toEqual(['c-ok']);
      });
    } finally {
      await sandbox.close();
    }
  });
});
