// An import against a site that throttles as the vendor guide says a real one does: requests past its
// rate are slowed, and with the queue full the site answers 429 without Retry-After. The built CLI must
// pace itself (back off, fewer requests in flight) and finish, with every object on the site once.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startSandbox } from '../../src/targets/advanced-billing/sandbox/index.js';
import { createTarget } from '../../src/targets/index.js';
import { all as collect } from '../erase/harness.js';
import { withTempDir } from '../helpers/temp-dir.js';
import { AS_OF, catalogFiles, subscriptionsCsv } from './import-data.js';
import { runCli } from './run-cli.js';

const ROWS = 12;

describe('an import against a throttled site', () => {
  it('is slowed and refused with 429, paces itself and ends with each customer and subscription once', async () => {
    // Bursts of 4, then 20 a second; one request may wait: a client at 4 in flight meets 429s.
    const sandbox = await startSandbox({ rateLimit: { perSecond: 20, burst: 4 }, queueLimit: 1, latency: { ms: 5, jitterMs: 5 } });
    const refused: string[] = [];
    try {
      await withTempDir({ ...catalogFiles(), 'data/subscriptions.csv': subscriptionsCsv(ROWS) }, async (dir) => {
        // The pause after a 429 is two minutes by default (the vendor guide's "a few minutes"); a fifth of a second here.
        await writeFile(join(dir, '.migraterc.json'), JSON.stringify({ throttlePauseSeconds: 0.2, sites: { test: { baseUrl: sandbox.baseUrl } } }));
        const exit = await runCli(dir, ['test-import', 'data', '--as-of', AS_OF, '--format', 'json', '--verbose']);
        expect(exit.code, exit.stderr.slice(-2000)).toBe(0);
        refused.push(...exit.stderr.split('\n').filter((line) => / 429 /.test(line)));
      });
      // The site did throttle this run: the client met 429s and waited them out.
      expect(refused.length, 'the site never answered 429: the test does not exercise throttling').toBeGreaterThan(0);
      const target = createTarget({ name: 'check', baseUrl: sandbox.baseUrl });
      try {
        const customers = (await collect(target.api.listCustomers())).map((customer) => String(customer.reference)).sort();
        const subscriptions = await collect(target.api.listSubscriptions());
        expect(customers).toEqual(Array.from({ length: ROWS }, (_, index) => `cust-${String(index + 1).padStart(4, '0')}`));
        expect(subscriptions).toHaveLength(ROWS);
        expect((await collect(target.api.listProducts())).map((product) => product.handle)).toEqual(['basic']);
      } finally {
        await target.close();
      }
    } finally {
      await sandbox.close();
    }
  }, 120_000);
});
