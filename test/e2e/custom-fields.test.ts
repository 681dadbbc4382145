// Custom fields must already exist on the site, as the template says: test-import lists the missing
// ones and stops before sending anything (exit 2), unless --create-custom-fields asks for them.
import { cp } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { startSandbox } from '../../src/targets/advanced-billing/sandbox/index.js';
import { createTarget } from '../../src/targets/index.js';
import type { JsonObject } from '../../src/targets/advanced-billing/api.js';
import { withTempDir } from '../helpers/temp-dir.js';
import { runCli } from './run-cli.js';

const customers = fileURLToPath(new URL('../../fixtures/kinds/customers-advanced/valid.csv', import.meta.url));

/** The embedded sandbox's customers and customer custom fields, read over HTTP from its data folder. */
async function siteState(dir: string): Promise<{ customers: number; fields: string[] }> {
  const sandbox = await startSandbox({ dataDir: join(dir, '.migrate', 'sandbox') });
  const target = createTarget({ name: 'check', baseUrl: sandbox.baseUrl });
  try {
    let count = 0;
    for await (const _customer of target.api.listCustomers() as AsyncIterable<JsonObject>) count += 1;
    return { customers: count, fields: (await target.api.listMetafieldNames('customers')).sort() };
  } finally {
    await target.close();
    await sandbox.close();
  }
}

describe('custom fields the site lacks', () => {
  it('are listed and stop the import before anything is sent; --create-custom-fields creates them', async () => {
    await withTempDir({}, async (dir) => {
      await cp(customers, join(dir, 'customers.csv'));
      // The dry run stops where the run would.
      const dry = await runCli(dir, ['test-import', 'customers.csv', '--dry-run']);
      expect(dry.code, dry.stderr).toBe(2);
      expect(dry.stderr).toContain('custom_field[Region]');
      const dryCreating = await runCli(dir, ['test-import', 'customers.csv', '--dry-run', '--create-custom-fields']);
      expect(dryCreating.code, dryCreating.stderr).toBe(0);
      expect(await siteState(dir)).toEqual({ customers: 0, fields: [] });

      const stopped = await runCli(dir, ['test-import', 'customers.csv']);
      expect(stopped.code, stopped.stderr).toBe(2);
      expect(stopped.stderr).toContain('custom_field[Region]');
      expect(stopped.stderr).toContain('custom_field[Account Manager]');
      expect(stopped.stderr).toContain('--create-custom-fields');
      expect(stopped.stderr).not.toMatch(/\n\s+at /);
      expect(await siteState(dir)).toEqual({ customers: 0, fields: [] });

      const created = await runCli(dir, ['test-import', 'customers.csv', '--create-custom-fields']);
      expect(created.code, created.stderr + created.stdout).toBe(0);
      expect(created.stderr).toContain('Created 2 custom field(s)');
      const state = await siteState(dir);
      expect(state.fields).toEqual(['Account Manager', 'Region']);
      expect(state.customers).toBeGreaterThan(0);
    });
  });
});
