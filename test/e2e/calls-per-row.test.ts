// The calls an import makes, counted on the wire: each object is written once per row, and each template
// kind costs the calls the README states ("Calls per row"), no more. The bundled sample is imported in one
// run through a recording proxy; the table below is what each of its rows must cost.
import { cp, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startSandbox } from '../../src/targets/advanced-billing/sandbox/index.js';
import { projectRoot } from '../cli/run-cli.js';
import { startHostileServer } from '../helpers/hostile-server.js';
import { withTempDir } from '../helpers/temp-dir.js';
import { runCli } from './run-cli.js';

/**
 * The sample's calls by request shape (ids as N). Per row (the README's table): a product family 1; a
 * product 4 (create, its price point, promote it, archive the site's own default) and 1 per further price
 * point; a component 4 likewise; a coupon 1; an advanced customer 1, +1 for `verified` (Create Customer
 * lacks it), +1 per payment profile; a subscription 2 (create, renewal preview for ChargifyNextRenewal), +1
 * for a bank account's holder and address (the create lacks them), +1 per balance; an invoice 1. Per run:
 * GET /site.json (the site's identity and currency, and the embedded sandbox's readiness check).
 */
const EXPECTED_CALLS = {
  'GET /site.json': 3,
  'POST /product_families.json': 2,
  'POST /product_families/N/products.json': 3,
  'POST /products/N/price_points.json': 4,
  'PATCH /products/N/price_points/N/default.json': 3,
  'DELETE /products/N/price_points/N.json': 3,
  'POST /product_families/N/quantity_based_components.json': 2,
  'POST /product_families/N/on_off_components.json': 1,
  'POST /product_families/N/metered_components.json': 1,
  'POST /components/N/price_points.json': 4,
  'PUT /components/N/price_points/N/default.json': 4,
  'DELETE /components/N/price_points/N.json': 4,
  'POST /product_families/N/coupons.json': 2,
  'POST /customers.json': 6,
  'PUT /customers/N.json': 1,
  'POST /payment_profiles.json': 2,
  'POST /subscriptions.json': 21,
  'POST /subscriptions/N/renewals/preview.json': 21,
  'PUT /payment_profiles/N.json': 1,
  'POST /subscriptions/N/service_credits.json': 2,
  'POST /subscriptions/N/prepayments.json': 2,
  'POST /subscriptions/N/invoices.json': 3,
};

describe('calls per row', () => {
  it('imports the sample with each object written once and each kind at its stated count', async () => {
    const sandbox = await startSandbox({});
    const proxy = await startHostileServer({ upstream: sandbox.baseUrl, rules: [] });
    try {
      await withTempDir({}, async (dir) => {
        await cp(join(projectRoot, 'fixtures', 'sample'), join(dir, 'sample'), { recursive: true });
        await writeFile(join(dir, '.migraterc.json'), JSON.stringify({ sites: { test: { baseUrl: proxy.baseUrl } } }));
        const exit = await runCli(dir, ['test-import', 'sample']);
        expect(exit.code, exit.stderr).toBe(0);
      });
      const shapes: Record<string, number> = {};
      for (const { method, url: path } of proxy.requests) {
        const shape = `${method} ${path.replace(/\?.*$/, '').replace(/\d+/g, 'N')}`;
        shapes[shape] = (shapes[shape] ?? 0) + 1;
      }
      expect(shapes).toEqual(EXPECTED_CALLS);
      // No write is sent twice: the same method, path and body (tokens aside) would write one object twice.
      const writes = proxy.requests
        .filter(({ method }) => method !== 'GET')
        .map(({ method, url: path, body }) => `${method} ${path} ${body.replace(/"uniqueness_token":"[^"]*"/, '')}`);
      expect(writes.filter((write, index) => writes.indexOf(write) !== index)).toEqual([]);
    } finally {
      await proxy.close();
      await sandbox.close();
    }
  });

  it("sets a new customer's custom fields without reading them first", async () => {
    const sandbox = await startSandbox({});
    const proxy = await startHostileServer({ upstream: sandbox.baseUrl, rules: [] });
    try {
      await withTempDir({}, async (dir) => {
        await cp(join(projectRoot, 'fixtures', 'kinds', 'customers-advanced', 'valid.csv'), join(dir, 'customers.csv'));
        await writeFile(join(dir, '.migraterc.json'), JSON.stringify({ sites: { test: { baseUrl: proxy.baseUrl } } }));
        const exit = await runCli(dir, ['test-import', 'customers.csv', '--create-custom-fields']);
        expect(exit.code, exit.stderr).toBe(0);
      });
      const customers = proxy.requests.filter(({ method, url }) => method === 'POST' && url.startsWith('/customers.json')).length;
      const writes = proxy.requests.filter(({ method, url }) => method === 'POST' && /^\/customers\/\d+\/metadata\.json/.test(url)).length;
      const reads = proxy.requests.filter(({ method, url }) => method === 'GET' && /^\/customers\/\d+\/metadata\.json/.test(url)).length;
      expect(customers).toBeGreaterThan(0);
      expect(writes).toBeGreaterThan(0);
      expect(reads).toBe(0);
    } finally {
      await proxy.close();
      await sandbox.close();
    }
  });
});
