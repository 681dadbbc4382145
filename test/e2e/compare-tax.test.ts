// compare against a taxed rehearsal: `migrate sandbox --tax-rate 8%` as the test site, a taxable product
// imported into it, and a YourExpectedRenewal net of tax: compare names the tax as the whole difference.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from '../cli/run-cli.js';
import { cliSandbox } from './cli-sandbox.js';
import { TEST_TODAY } from '../helpers/clock.js';
import { withTempDir } from '../helpers/temp-dir.js';

const sample = (name: string): string => fileURLToPath(new URL(`../../fixtures/sample/${name}`, import.meta.url));

/** The sample's first line of a template (its header) and its first row, with the given cells changed. */
async function oneRow(name: string, changes: Record<string, string>): Promise<string> {
  const [header, row] = (await readFile(sample(name), 'utf8')).split('\n');
  const columns = header!.split(',');
  const cells = row!.split(',');
  for (const [column, value] of Object.entries(changes)) cells[columns.indexOf(column)] = value;
  return `${header}\n${cells.join(',')}\n`;
}

describe('migrate compare on a site that taxes its renewals', () => {
  it('says the difference is exactly the tax when YourExpectedRenewal is net of it', async () => {
    const sandbox = await cliSandbox(['--tax-rate', '8%']);
    try {
      const files = {
        'data/product-families.csv': await readFile(sample('product-families.csv'), 'utf8'),
        // Basic, 29.00 a month, taxable: the sandbox taxes every product at its rate (it cannot learn taxable).
        'data/products.csv': await oneRow('products.csv', { taxable: 'TRUE', tax_code: 'digital' }),
        'data/subscriptions-standard.csv': await oneRow('subscriptions-standard.csv', { YourExpectedRenewal: '29.00' }),
      };
      await withTempDir(files, async (dir) => {
        await writeFile(join(dir, '.migraterc.json'), JSON.stringify({ sites: { test: { baseUrl: sandbox.baseUrl } } }));
        const imported = await runCli(['test-import', 'data', '--as-of', TEST_TODAY], { cwd: dir });
        expect(imported.code, imported.stderr).toBe(0);
        const compared = await runCli(['compare', 'migrate-results', '--format', 'json'], { cwd: dir });
        expect(compared.code, compared.stderr).toBe(1);
        const document = JSON.parse(compared.stdout) as { mismatches: Array<{ key: string; expected: string; actual: string; explanation: { site: string[]; causes: Array<{ code: string; fits: boolean; message: string }> } }> };
        expect(document.mismatches).toHaveLength(1);
        const [mismatch] = document.mismatches;
        expect(mismatch).toMatchObject({ key: 'std-001', expected: '29.00', actual: '31.32' });
        expect(mismatch!.explanation.site).toContain('tax 2.32');
        expect(mismatch!.explanation.causes[0]).toEqual({ code: 'tax-included', fits: true, message: 'the difference is exactly the tax, 2.32; YourExpectedRenewal is probably net of tax' });
      });
    } finally {
      await sandbox.stop();
    }
  }, 60_000);

  it('refuses a --tax-rate that is no rate, exit 2 in one line', async () => {
    const result = await runCli(['sandbox', '--port', '0', '--tax-rate', '8'], { cwd: process.cwd() });
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/--tax-rate must be a percentage/);
  });
});
