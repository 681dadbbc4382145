// Creates whose answer is lost on the way back: the site committed the object, the client saw a dropped
// connection, retried under the same uniqueness token and got 409. Every such create must resolve to the
// object (or to "already applied"), never end the run; and a second project importing the same rows into
// the same site within the hour (tokens already spent) must find what is there instead of failing rows.
import { cp, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { startSandbox } from '../../src/targets/advanced-billing/sandbox/index.js';
import { createTarget } from '../../src/targets/index.js';
import { all as collect } from '../erase/harness.js';
import { startHostileServer, type HostileRequest, type Misbehaviour } from '../helpers/hostile-server.js';
import { withTempDir } from '../helpers/temp-dir.js';
import { AS_OF, catalogFiles, NEXT_BILLING_AT, subscriptionsCsv } from './import-data.js';
import { projectRoot } from '../cli/run-cli.js';
import { runCli } from './run-cli.js';

const ROWS = 4;
const BALANCES = { service_credit_balance: '12.50', prepayment_balance: '7.25' };

async function creditBalances(baseUrl: string): Promise<number[]> {
  const target = createTarget({ name: 'test', baseUrl });
  try {
    const subscriptions = await collect(target.api.listSubscriptions());
    return subscriptions.map((subscription) => Number(subscription.credit_balance_in_cents));
  } finally {
    await target.close();
  }
}

async function prepaymentCount(baseUrl: string): Promise<number> {
  const target = createTarget({ name: 'test', baseUrl });
  try {
    let count = 0;
    for (const subscription of await collect(target.api.listSubscriptions())) count += (await target.api.listPrepayments(Number(subscription.id))).length;
    return count;
  } finally {
    await target.close();
  }
}

/** A rule's answer that misbehaves on the first request to each path (query aside) and lets the rest pass. */
function firstPerPath(misbehaviour: Misbehaviour): (request: HostileRequest) => Misbehaviour | 'pass' {
  const seen = new Set<string>();
  return (request) => {
    const path = request.url.split('?')[0]!;
    if (seen.has(path)) return 'pass';
    seen.add(path);
    return misbehaviour;
  };
}

const files = () => ({ ...catalogFiles(), 'data/subs.csv': subscriptionsCsv(ROWS, [], NEXT_BILLING_AT, BALANCES) });
const args = ['test-import', 'data', '--as-of', AS_OF, '--format', 'json'];

describe('a create whose answer is lost', () => {
  it('resolves every service credit and prepayment after a dropped answer and a 409 on retry', async () => {
    const sandbox = await startSandbox({});
    // The first attempt of every balance create is committed by the site and its answer dropped.
    const proxy = await startHostileServer({
      upstream: sandbox.baseUrl,
      rules: [{ name: 'balance', method: 'POST', path: /\/(service_credits|prepayments)\.json$/, answer: firstPerPath({ dropAfterCommit: true }) }],
    });
    try {
      await withTempDir(files(), async (dir) => {
        await writeFile(join(dir, '.migraterc.json'), JSON.stringify({ sites: { test: { baseUrl: proxy.baseUrl } } }));
        const exit = await runCli(dir, args);
        expect(proxy.hits('balance')).toBe(2 * ROWS);
        expect(exit.code, exit.stderr).toBe(0);
        const document = JSON.parse(exit.stdout) as { summary: { rows: number; error: number; pending: number } };
        expect(document.summary).toMatchObject({ error: 0, pending: 0 });
        const results = parse(await readFile(join(dir, 'migrate-results', 'subs.csv'), 'utf8'), { columns: true }) as Array<Record<string, string>>;
        expect(results.map((row) => row.Status)).toEqual(Array(ROWS).fill('success'));
      });
      // Each credit and prepayment is on the site exactly once.
      expect(await creditBalances(sandbox.baseUrl)).toEqual(Array(ROWS).fill(1250));
      expect(await prepaymentCount(sandbox.baseUrl)).toBe(ROWS);
    } finally {
      await proxy.close();
      await sandbox.close();
    }
  });

  it('a second project importing the same rows within the hour finds them instead of failing rows', async () => {
    const sandbox = await startSandbox({});
    try {
      for (let project = 0; project < 2; project += 1) {
        await withTempDir(files(), async (dir) => {
          await writeFile(join(dir, '.migraterc.json'), JSON.stringify({ sites: { test: { baseUrl: sandbox.baseUrl } } }));
          const exit = await runCli(dir, args);
          expect(exit.code, `project ${project + 1}: ${exit.stderr}`).toBe(0);
          const document = JSON.parse(exit.stdout) as { summary: { error: number; pending: number } };
          expect(document.summary, `project ${project + 1}`).toMatchObject({ error: 0, pending: 0 });
        });
      }
      expect(await creditBalances(sandbox.baseUrl)).toEqual(Array(ROWS).fill(1250));
      expect(await prepaymentCount(sandbox.baseUrl)).toBe(ROWS);
    } finally {
      await sandbox.close();
    }
  });

  it('imports the whole bundled sample when the first answer to every write is lost', async () => {
    const sandbox = await startSandbox({});
    const first = firstPerPath({ dropAfterCommit: true });
    const proxy = await startHostileServer({
      upstream: sandbox.baseUrl,
      rules: [{ name: 'write', path: /./, answer: (request, n) => (request.method === 'GET' ? 'pass' : first(request, n)) }],
    });
    try {
      await withTempDir({}, async (dir) => {
        await cp(join(projectRoot, 'fixtures', 'sample'), join(dir, 'sample'), { recursive: true });
        await writeFile(join(dir, '.migraterc.json'), JSON.stringify({ sites: { test: { baseUrl: proxy.baseUrl } } }));
        const exit = await runCli(dir, ['test-import', 'sample', '--format', 'json']);
        expect(proxy.hits('write')).toBeGreaterThan(40);
        expect(exit.code, exit.stderr).toBe(0);
        const document = JSON.parse(exit.stdout) as { summary: { rows: number; success: number; error: number; pending: number } };
        expect(document.summary).toMatchObject({ rows: 44, success: 44, error: 0, pending: 0 });
      });
    } finally {
      await proxy.close();
      await sandbox.close();
    }
  });
});

describe('a crash between promoting a price point and archiving the site’s own', () => {
  it('archives the site’s own default when the import resumes', async () => {
    const sandbox = await startSandbox({});
    let holding = true;
    // The first promotion of a component price point is committed, and the CLI killed while it waits.
    const proxy = await startHostileServer({
      upstream: sandbox.baseUrl,
      rules: [{ name: 'promote', method: 'PUT', path: /\/components\/\d+\/price_points\/\d+\/default\.json$/, answer: () => (holding ? { holdAfterCommit: true } : 'pass') }],
    });
    try {
      await withTempDir({}, async (dir) => {
        await cp(join(projectRoot, 'fixtures', 'sample'), join(dir, 'sample'), { recursive: true });
        await writeFile(join(dir, '.migraterc.json'), JSON.stringify({ sites: { test: { baseUrl: proxy.baseUrl } } }));
        const args = ['test-import', 'sample/product-families.csv', 'sample/components.csv', '--format', 'json'];
        const killed = await runCli(dir, args, { when: async () => proxy.hits('promote') > 0, signal: 'SIGKILL' });
        expect(killed.signal).toBe('SIGKILL');
        holding = false;
        const resumed = await runCli(dir, args);
        expect(resumed.code, resumed.stderr).toBe(0);
      });
      const target = createTarget({ name: 'check', baseUrl: sandbox.baseUrl });
      try {
        for (const component of await collect(target.api.listComponents())) {
          const points = await collect(target.api.listComponentPricePoints(Number(component.id)));
          expect(points.map((point) => point.name), String(component.handle)).not.toContain('Original');
          expect(points.map((point) => point.id)).toContain(component.default_price_point_id);
        }
      } finally {
        await target.close();
      }
    } finally {
      await proxy.close();
      await sandbox.close();
    }
  });
});
