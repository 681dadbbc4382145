// validate with the built CLI: an invoice naming a subscription no subscription file of the run has is
// an error on that cell; without subscription files in the run, a warning that the subscription must
// already be on the site. And a VAT number checked by its country's format, in every report format.
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot, runCli } from '../cli/run-cli.js';
import { withTempDir } from '../helpers/temp-dir.js';

const SAMPLE = resolve(projectRoot, 'fixtures/sample');
const AS_OF = '2026-12-04';

interface Finding {
  row: number;
  column: string;
  rule: string;
  severity: string;
  message: string;
}

async function sample(name: string): Promise<string> {
  return readFile(join(SAMPLE, `${name}.csv`), 'utf8');
}

function findingsOf(stdout: string, file: string): Finding[] {
  const document = JSON.parse(stdout) as { files: Array<{ path: string; issues: Finding[] }> };
  return document.files.find((entry) => entry.path.endsWith(file))!.issues;
}

describe('validate: references across files and VAT formats', () => {
  it('an invoice naming an unknown subscription: an error with the subscriptions file in the run, a warning without it', async () => {
    const invoices = (await sample('invoices')).replace('sub-adv-005', 'sub-adv-077');
    await withTempDir({ 'invoices.csv': invoices, 'subscriptions-advanced.csv': await sample('subscriptions-advanced'), 'customers-advanced.csv': await sample('customers-advanced') }, async (dir) => {
      const both = await runCli(['validate', 'invoices.csv', 'subscriptions-advanced.csv', 'customers-advanced.csv', '--as-of', AS_OF, '--format', 'json'], { cwd: dir });
      expect(both.code, both.stderr).toBe(1);
      expect(findingsOf(both.stdout, 'invoices.csv').map(({ row, column, rule, severity }) => ({ row, column, rule, severity }))).toEqual([{ row: 4, column: 'sub_reference', rule: 'subscription-exists', severity: 'error' }]);

      const alone = await runCli(['validate', 'invoices.csv', '--as-of', AS_OF, '--format', 'json'], { cwd: dir });
      expect(alone.code, alone.stderr).toBe(0);
      const warnings = findingsOf(alone.stdout, 'invoices.csv');
      expect(warnings.map(({ row, rule, severity }) => ({ row, rule, severity }))).toEqual([2, 4, 5].map((row) => ({ row, rule: 'subscription-exists', severity: 'warning' })));
      expect(warnings[1]!.message).toBe('sub_reference "sub-adv-077": no subscription file in this run gives subscription references, so the subscription must already exist on the site (the import looks it up there).');

      const github = await runCli(['validate', 'invoices.csv', 'subscriptions-advanced.csv', 'customers-advanced.csv', '--as-of', AS_OF, '--format', 'github'], { cwd: dir });
      expect(github.stdout).toContain('::error file=invoices.csv,line=4');
    });
  });

  it('a VAT number is checked by its country: a German number a digit short names the country and its shape', async () => {
    const customers = (await sample('customers-advanced')).replace('DE123456789', 'DE12345678');
    await withTempDir({ 'customers-advanced.csv': customers }, async (dir) => {
      const run = await runCli(['validate', 'customers-advanced.csv', '--as-of', AS_OF, '--format', 'json'], { cwd: dir });
      expect(run.code, run.stderr).toBe(1);
      const [finding] = findingsOf(run.stdout, 'customers-advanced.csv').filter((entry) => entry.rule === 'vat-number');
      expect(finding).toMatchObject({ row: 3, column: 'vat_number', severity: 'error', message: 'vat_number "DE12345678" is not a valid German VAT number format: DE then 9 digits, the first not 0, like DE123456789.' });
    });
  });

  it('says what an Austrian VAT number is imported as: a warning, the country prefix alone removed', async () => {
    const customers = (await sample('customers-advanced')).replace('DE123456789', 'ATU12345678');
    await withTempDir({ 'customers-advanced.csv': customers }, async (dir) => {
      const run = await runCli(['validate', 'customers-advanced.csv', '--as-of', AS_OF, '--format', 'json'], { cwd: dir });
      expect(run.code, run.stderr).toBe(0);
      const findings = findingsOf(run.stdout, 'customers-advanced.csv').filter((entry) => entry.rule === 'vat-number');
      expect(findings).toEqual([expect.objectContaining({ row: 3, column: 'vat_number', severity: 'warning', message: expect.stringContaining('is imported as "U12345678"') })]);
    });
  });

  it('migrate templates documents both checks', async () => {
    const invoices = await runCli(['templates', 'invoices'], {});
    expect(invoices.stdout).toContain('subscription-exists');
    const customers = await runCli(['templates', 'customers-advanced'], {});
    expect(customers.stdout).toMatch(/vat-number[\s\S]*its country's format/);
    expect(customers.stdout).toContain('XI: Northern Ireland');
  });
});
