// End to end: the built `migrate templates` and `migrate init` on real folders.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TEMPLATE_KINDS } from '../../src/templates/index.js';
import { getRule } from '../../src/rules/index.js';
import { projectRoot, runCli } from './run-cli.js';
import { withTempDir } from '../helpers/temp-dir.js';

/** The `→ …` line under a column whose name is long enough to put its description under it. */
function mappingUnder(stdout: string, column: string): string | undefined {
  return new RegExp(`^  \\S+(?: \\S+)* +${column}\\n {6}\\S.*\\n {6}→ (.*)$`, 'm').exec(stdout)?.[1];
}

describe('migrate templates', () => {
  it('lists every kind with its title', async () => {
    const result = await runCli(['templates']);
    expect(result.code).toBe(0);
    for (const kind of TEMPLATE_KINDS) expect(result.stdout).toMatch(new RegExp(`^  ${kind} +\\S`, 'm'));
  });

  it('shows a kind: columns with their requirement and rules, and every rule with its docs', async () => {
    const result = await runCli(['templates', 'subscriptions-standard']);
    expect(result.code).toBe(0);
    // Names this long put each description on its own line under the name.
    expect(result.stdout).toMatch(/^  required +email\n {6}\S.*\[required, .*email\]$/m);
    expect(result.stdout).toMatch(/^  conditional +shipping_country\n {6}\S.*\[required-if, iso-country\]$/m);
    expect(result.stdout).toMatch(/^  optional +phone$/m);
    expect(result.stdout).toMatch(/^  do not edit +Status$/m);
    const rules = result.stdout.slice(result.stdout.indexOf('\nRules\n'));
    expect(rules).toContain(`  date-future`);
    expect(rules).toContain(getRule('date-future').docs);
  });

  it('shows where each column goes: a `→ Operation: field` line under the column', async () => {
    const result = await runCli(['templates', 'subscriptions-standard']);
    expect(result.code).toBe(0);
    const under = (column: string) => mappingUnder(result.stdout, column);
    expect(under('email')).toBe('Create Subscription: subscription.customer_attributes.email');
    expect(under('locale')).toBe('Update Customer: customer.locale');
    expect(under('bank_account_first_name')).toBe('Update Payment Profile: payment_profile.first_name (payment_profile_type bank_account)');
    expect(under('next_billing_at')).toBe("Create Subscription: subscription.next_billing_at — sent as noon of that day in the site's time zone");
    expect(under('create_subscription')).toBe('row enabler: TRUE creates the subscription; not sent');
    expect(result.stdout).toMatch(/^  custom_field_customer\[Name\]  → Create Subscription: subscription\.customer_attributes\.metafields\.Name — /m);
  });

  it('keeps short names in a table: the description beside the name, the mapping under the description', async () => {
    const result = await runCli(['templates', 'product-families']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^  optional +handle {7}The API handle of the product family\. \[.*\]\n {28}→ Create Product Family: product_family\.handle/m);
  });

  it('carries the mapping in JSON: columns[].mapping and customFieldMapping', async () => {
    const result = await runCli(['templates', 'subscriptions-standard', '--format', 'json']);
    expect(result.code).toBe(0);
    const { template } = JSON.parse(result.stdout);
    const mapping = (name: string) => template.columns.find((column: { name: string }) => column.name === name)?.mapping;
    expect(mapping('email')).toEqual({ sentAs: [{ operation: 'Create Subscription', field: 'subscription.customer_attributes.email' }] });
    expect(mapping('cc_emails')).toEqual({ sentAs: [{ operation: 'Create Subscription', field: 'subscription.customer_attributes.cc_emails' }], note: 'spaces around the commas removed' });
    expect(mapping('bank_name')).toEqual({ sentAs: [{ operation: 'Create Subscription', field: 'subscription.bank_account_attributes.bank_name', when: 'payment_profile_type bank_account' }] });
    expect(mapping('Status')).toEqual({ toolkit: 'toolkit: result column (success, error, pending), written by the import' });
    for (const column of template.columns) expect(column.mapping ?? column.notImportable, column.name).toBeDefined();
    expect(template.customFieldMapping['custom_field[Name]'].sentAs).toEqual([{ operation: 'Create Subscription', field: 'subscription.metafields.Name' }]);
  });

  it('prints one JSON document whose rules cover every rule a column names', async () => {
    const result = await runCli(['templates', 'invoices', '--format', 'json']);
    expect(result.code).toBe(0);
    const { template } = JSON.parse(result.stdout);
    expect(template.kind).toBe('invoices');
    const ids = new Set(template.rules.map((rule: { id: string }) => rule.id));
    for (const column of template.columns) for (const rule of column.rules) expect(ids).toContain(rule);
    for (const rule of template.rules) expect(rule.docs).not.toBe('');
  });

  it('exits 2 on a format templates cannot print, naming the two it can', async () => {
    for (const format of ['xml', 'github']) {
      const result = await runCli(['templates', '--format', format]);
      expect(result.code).toBe(2);
      expect(result.stderr).toBe(`migrate: --format for templates must be pretty or json, got "${format}".\n`);
    }
  });

  it('--system chartmogul shows where each column goes in a ChartMogul data source, not-applicable columns marked with what that means', async () => {
    const result = await runCli(['templates', 'customers-advanced', '--system', 'chartmogul']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Where each column goes with --system chartmogul');
    const under = (column: string) => mappingUnder(result.stdout, column);
    expect(under('import_identifier_customer_reference')).toMatch(/^Create a Customer: external_id — /);
    expect(under('first_name')).toBe('Create a Customer: name (organization_name is blank) — name = first_name + " " + last_name');
    expect(under('shipping_zip')).toBe('Create a Customer: zip');
    expect(under('vault_token')).toBe('not applicable: ChartMogul never charges anyone: payment methods and vault tokens stay in the billing system');
    expect(under('parent_reference')).toMatch(/^not applicable: ChartMogul has no customer hierarchy: /);
    expect(result.stdout).toMatch(/^  custom_field\[Name\]  → Create a Customer: attributes\.custom\[\]\.value \(key: Name, type String\)/m);
    // Nothing of Advanced Billing's mapping shows.
    expect(result.stdout).not.toMatch(/→ (Create Customer|Create Payment Profile):/);
  });

  it('--system chartmogul: a column Advanced Billing cannot import says what it means on ChartMogul instead', async () => {
    const chartMogul = await runCli(['templates', 'products', '--system', 'chartmogul']);
    expect(chartMogul.code).toBe(0);
    expect(chartMogul.stdout).toMatch(/^  required +taxable\n {6}\S.*\n {6}→ not applicable: ChartMogul plans carry no tax settings: taxes stay in the billing system\n  /m);
    expect(chartMogul.stdout).not.toContain('not importable');
    const advancedBilling = await runCli(['templates', 'products']);
    expect(advancedBilling.stdout).toMatch(/^ {6}not importable: /m);
  });

  it('--system chartmogul carries the ChartMogul mapping in JSON, every column with one', async () => {
    const result = await runCli(['templates', 'subscriptions-standard', '--format', 'json', '--system', 'chartmogul']);
    expect(result.code).toBe(0);
    const { template } = JSON.parse(result.stdout);
    expect(template.system).toBe('chartmogul');
    const mapping = (name: string) => template.columns.find((column: { name: string }) => column.name === name)?.mapping;
    expect(mapping('customer_reference').sentAs).toEqual([{ operation: 'Create a Customer', field: 'external_id' }]);
    expect(mapping('next_billing_at')).toEqual({ sentAs: [{ operation: 'Import Invoices', field: 'line_items[].service_period_end' }] });
    expect(mapping('net_terms')).toEqual({ notApplicable: 'ChartMogul collects no payments: payment terms stay in the billing system' });
    for (const column of template.columns) expect(column.mapping, column.name).toBeDefined();
    expect(template.customFieldMapping['custom_field_customer[Name]'].sentAs[0].operation).toBe('Create a Customer');
    expect(template.customFieldMapping['custom_field_subscription[Name]']).toHaveProperty('notApplicable');
  });

  it('--system advanced-billing is the default: the same output, byte for byte', async () => {
    for (const format of ['pretty', 'json']) {
      const [plain, explicit] = await Promise.all([
        runCli(['templates', 'subscriptions-advanced', '--format', format]),
        runCli(['templates', 'subscriptions-advanced', '--format', format, '--system', 'advanced-billing']),
      ]);
      expect(explicit.code).toBe(0);
      expect(explicit.stdout).toBe(plain.stdout);
    }
    const { template } = JSON.parse((await runCli(['templates', 'invoices', '--format', 'json'])).stdout);
    expect(template).not.toHaveProperty('system');
  });

  it('exits 2 on a system it does not know, naming the ones it does', async () => {
    const result = await runCli(['templates', 'products', '--system', 'stripe']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim()).toBe('migrate: --system must be advanced-billing or chartmogul, got "stripe".');
  });

  it('exits 2 on an unknown kind, naming the closest', async () => {
    const result = await runCli(['templates', 'product']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim()).toBe('migrate: Unknown template kind "product". Did you mean products or product-families? Run `migrate templates` for the list.');
  });
});

describe('migrate init', () => {
  it('writes every blank template, byte for byte, and they validate clean', async () => {
    await withTempDir({}, async (dir) => {
      const result = await runCli(['init', 'data'], { cwd: dir });
      expect(result.code).toBe(0);
      const written = (await readdir(join(dir, 'data'))).sort();
      expect(written).toEqual(TEMPLATE_KINDS.map((kind) => `${kind}.csv`).sort());
      for (const kind of TEMPLATE_KINDS) {
        expect(await readFile(join(dir, 'data', `${kind}.csv`))).toEqual(await readFile(join(projectRoot, 'templates', `${kind}.csv`)));
      }
      const validated = await runCli(['validate', 'data', '--as-of', '2026-11-23', '--format', 'json'], { cwd: dir });
      expect(validated.code).toBe(0);
      const document = JSON.parse(validated.stdout);
      expect(document.files.map((file: { template: string }) => file.template).sort()).toEqual([...TEMPLATE_KINDS].sort());
    });
  });

  it('writes only the kinds asked for (repeatable and comma-separated)', async () => {
    await withTempDir({}, async (dir) => {
      const result = await runCli(['init', '.', '--kind', 'products,components', '--kind', 'coupons'], { cwd: dir });
      expect(result.code).toBe(0);
      expect((await readdir(dir)).sort()).toEqual(['components.csv', 'coupons.csv', 'products.csv']);
      expect(result.stdout).toContain('wrote products.csv  (products)');
    });
  });

  it('never overwrites without --force, and then writes nothing at all', async () => {
    await withTempDir({ 'products.csv': 'my data\n' }, async (dir) => {
      const result = await runCli(['init', '.', '--kind', 'coupons,products'], { cwd: dir });
      expect(result.code).toBe(2);
      expect(result.stderr.trim()).toBe('migrate: products.csv already exists; nothing was written. Pass --force to overwrite, or choose another folder.');
      expect((await readdir(dir)).sort()).toEqual(['products.csv']);
      expect(await readFile(join(dir, 'products.csv'), 'utf8')).toBe('my data\n');
      const forced = await runCli(['init', '.', '--kind', 'products', '--force'], { cwd: dir });
      expect(forced.code).toBe(0);
      expect(await readFile(join(dir, 'products.csv'))).toEqual(await readFile(join(projectRoot, 'templates', 'products.csv')));
    });
  });

  it('exits 2 on an unknown kind or a folder it cannot create', async () => {
    await withTempDir({ blocker: 'a file, not a folder' }, async (dir) => {
      const unknown = await runCli(['init', 'out', '--kind', 'invoice'], { cwd: dir });
      expect(unknown.code).toBe(2);
      expect(unknown.stderr).toMatch(/Unknown template kind "invoice". Did you mean invoices/);
      const blocked = await runCli(['init', join('blocker', 'sub')], { cwd: dir });
      expect(blocked.code).toBe(2);
      expect(blocked.stderr).toMatch(/^migrate: Cannot create folder /);
      expect(blocked.stderr).not.toMatch(/internal error/);
    });
  });
});
