// `migrate erase` end to end: the built CLI as a child process against sandboxes over HTTP — the
// import → erase → import loop, the plan and its confirmation, live-site refusal, and bad state folders.
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../src/targets/advanced-billing/sandbox/index.js';
import { siteIdentityOf } from '../../src/state/site-identity.js';
import { createTarget } from '../../src/targets/index.js';
import { copySample, siteSnapshot, CORE_FILES, withoutBalances } from '../erase/harness.js';
import { AS_OF, catalogFiles, subscriptionsCsv } from './import-data.js';
import { journalLines, runCli } from './run-cli.js';
import { withTempDir } from '../helpers/temp-dir.js';

async function snapshot(sandbox: RunningSandbox) {
  const target = createTarget({ name: 'check', baseUrl: sandbox.baseUrl });
  try {
    return await siteSnapshot(target);
  } finally {
    await target.close();
  }
}

const SAMPLE = fileURLToPath(new URL('../../fixtures/sample', import.meta.url));

async function withSite(
  fn: (dir: string, sandbox: RunningSandbox) => Promise<void>,
  sites: (baseUrl: string) => object = (baseUrl) => ({ test: { baseUrl } }),
  wholeSample = false,
): Promise<void> {
  const sandbox = await startSandbox();
  try {
    await withTempDir({}, async (dir) => {
      if (wholeSample) await copySample(dir, await readdir(SAMPLE));
      else await copySample(dir, CORE_FILES, { 'subscriptions-advanced.csv': withoutBalances });
      await writeFile(join(dir, '.migraterc.json'), JSON.stringify({ sites: sites(sandbox.baseUrl) }));
      await fn(dir, sandbox);
    });
  } finally {
    await sandbox.close();
  }
}

describe('migrate erase', () => {
  it('import → erase → import of the whole sample set leaves the site with exactly the objects of the first import', async () => {
    await withSite(async (dir, sandbox) => {
      await sandbox_manual(sandbox);
      const state = async () => ({ ...(await snapshot(sandbox)), invoices: await openInvoices(sandbox) });
      const first = await runCli(dir, ['test-import', 'data', '--as-of', AS_OF]);
      expect(first.code, first.stderr + first.stdout).toBe(0);
      const imported = await state();
      expect(imported.customers).toHaveLength(22);
      expect(imported.invoices).toBe(3);

      const dry = await runCli(dir, ['erase', '--dry-run']);
      expect(dry.code, dry.stderr).toBe(0);
      expect(dry.stdout).toMatch(/void\s+3 invoices/);
      expect(dry.stdout).toMatch(/purge\s+21 subscriptions/);
      expect(dry.stdout).toMatch(/delete\s+6 customers/);
      expect(dry.stdout).toContain('the catalog stays');
      expect(await state()).toEqual(imported);

      const unconfirmed = await runCli(dir, ['erase']);
      expect(unconfirmed.code).toBe(2);
      expect(unconfirmed.stderr).toContain('no terminal is attached. Pass --yes in scripts.');
      expect(await state()).toEqual(imported);

      const erased = await runCli(dir, ['erase', '--yes', '--format', 'json']);
      expect(erased.code, erased.stderr).toBe(0);
      const document = JSON.parse(erased.stdout);
      expect(document).toMatchObject({ version: 1, command: 'erase', scope: 'imported', siteMode: 'test', runs: 'all', dryRun: false });
      expect(document.summary).toMatchObject({ failed: 0, pending: 0 });
      expect(document.summary.erased + document.summary.gone).toBe(document.summary.planned);
      expect(document.objects.find((entry: { key: string }) => entry.key === 'sub-adv-001')).toMatchObject({ file: expect.stringContaining('subscriptions-advanced.csv'), row: 2, status: 'erased' });
      expect((await snapshot(sandbox)).customers).toEqual(['added-by-hand']);

      const again = await runCli(dir, ['erase', '--yes']);
      expect(again.code, again.stderr).toBe(0);
      expect(again.stderr).toContain('nothing to erase');

      const reimport = await runCli(dir, ['test-import', 'data', '--as-of', AS_OF, '--format', 'json']);
      expect(reimport.code, reimport.stderr + reimport.stdout).toBe(0);
      expect(JSON.parse(reimport.stdout).summary.error).toBe(0);
      expect(await state()).toEqual(imported);
    }, undefined, true);
  });

  it('on a live site refuses purge and clear-data scopes before sending anything, and only cancels', async () => {
    const live = await startSandbox({ mode: 'live', subdomain: 'acme' });
    try {
      await withSite(
        async (dir) => {
          expect((await runCli(dir, ['test-import', 'data', '--as-of', AS_OF])).code).toBe(0);
          const imported = await runCli(dir, ['live-import', 'data', '--as-of', AS_OF, '--yes', '--canary', '0']);
          expect(imported.code, imported.stderr).toBe(0);

          for (const scope of ['customers', 'site']) {
            const refused = await runCli(dir, ['erase', '--site', 'live', '--scope', scope, '--yes']);
            expect(refused.code).toBe(2);
            expect(refused.stderr).toMatch(/live site: the API refuses purge and clear-data there/);
            expect(refused.stderr.trim().split('\n').filter((line) => line.startsWith('migrate:'))).toHaveLength(1);
          }
          const canceled = await runCli(dir, ['erase', '--site', 'live', '--yes', '--format', 'json']);
          expect(canceled.code, canceled.stderr).toBe(0);
          const document = JSON.parse(canceled.stdout);
          expect(document).toMatchObject({ siteMode: 'live', plan: { 'subscription cancel': 4 }, summary: { canceled: 4, failed: 0 } });
          expect((await snapshot(live)).subscriptions).toEqual([]);
          expect((await snapshot(live)).customers).toHaveLength(6);
        },
        (baseUrl) => ({ test: { baseUrl }, live: { baseUrl: live.baseUrl, mode: 'live' } }),
      );
    } finally {
      await live.close();
    }
  });

  it('--scope customers removes every customer, manual ones too; --scope site clears the catalog as well', async () => {
    await withSite(async (dir, sandbox) => {
      await sandbox_manual(sandbox);
      expect((await runCli(dir, ['test-import', 'data', '--as-of', AS_OF])).code).toBe(0);
      const plan = await runCli(dir, ['erase', '--scope', 'customers', '--dry-run', '--format', 'json']);
      expect(plan.code, plan.stderr).toBe(0);
      expect(JSON.parse(plan.stdout)).toMatchObject({ scope: 'customers', dryRun: true, summary: { planned: 7 } });

      const unknown = await runCli(dir, ['erase', '--scope', 'customers', '--customer', 'nobody', '--yes']);
      expect(unknown.code).toBe(2);
      expect(unknown.stderr).toContain('No customer with reference or id "nobody"');
      const one = await runCli(dir, ['erase', '--scope', 'customers', '--customer', 'added-by-hand', '--yes', '--format', 'json']);
      expect(one.code, one.stderr).toBe(0);
      expect(JSON.parse(one.stdout).objects).toEqual([expect.objectContaining({ key: 'added-by-hand', action: 'delete', status: 'erased' })]);
      expect((await snapshot(sandbox)).customers).toHaveLength(6);

      const customers = await runCli(dir, ['erase', '--scope', 'customers', '--yes', '--format', 'json']);
      expect(customers.code, customers.stderr).toBe(0);
      expect(JSON.parse(customers.stdout).summary).toMatchObject({ erased: 6, failed: 0 });
      expect(await snapshot(sandbox)).toMatchObject({ customers: [], subscriptions: [], products: ['basic', 'enterprise', 'pro'] });

      const site = await runCli(dir, ['erase', '--scope', 'site', '--yes']);
      expect(site.code, site.stderr).toBe(0);
      expect((await snapshot(sandbox)).products).toEqual([]);

      // Everything the journal knew is gone: a re-import creates the whole set again.
      const reimport = await runCli(dir, ['test-import', 'data', '--as-of', AS_OF, '--format', 'json']);
      expect(reimport.code, reimport.stderr + reimport.stdout).toBe(0);
      expect((await snapshot(sandbox)).products).toEqual(['basic', 'enterprise', 'pro']);
    });
  });

  it('--run erases only what one import run created', async () => {
    await withSite(async (dir, sandbox) => {
      const catalog = ['product-families.csv', 'products.csv', 'components.csv', 'coupons.csv', 'customers-advanced.csv'].map((name) => join('data', name));
      expect((await runCli(dir, ['test-import', ...catalog, '--as-of', AS_OF])).code).toBe(0);
      const second = await runCli(dir, ['test-import', 'data', '--as-of', AS_OF, '--format', 'json']);
      expect(second.code, second.stderr).toBe(0);
      const run = JSON.parse(second.stdout).run as string;
      const erased = await runCli(dir, ['erase', '--run', run, '--yes', '--format', 'json']);
      expect(erased.code, erased.stderr).toBe(0);
      const document = JSON.parse(erased.stdout);
      expect(document).toMatchObject({ runs: run, plan: { 'subscription purge': 4 } });
      expect(await snapshot(sandbox)).toMatchObject({ subscriptions: [] });
      expect((await snapshot(sandbox)).customers).toHaveLength(6);
    });
  });

  it('stops cleanly on Ctrl-C (exit 130) and the next run finishes the erase', async () => {
    const sandbox = await startSandbox({ latency: { ms: 40, jitterMs: 0 } });
    try {
      await withTempDir({ ...catalogFiles(), 'data/subs.csv': subscriptionsCsv(24) }, async (dir) => {
        await writeFile(join(dir, '.migraterc.json'), JSON.stringify({ sites: { test: { baseUrl: sandbox.baseUrl } } }));
        expect((await runCli(dir, ['test-import', 'data', '--as-of', AS_OF])).code).toBe(0);
        const stopped = await runCli(dir, ['erase', '--yes', '--format', 'json'], {
          when: async () => (await journalLines(dir, '"event":"erased"')) >= 3,
          signal: 'SIGINT',
        });
        expect(stopped.code, stopped.stderr).toBe(130);
        const document = JSON.parse(stopped.stdout);
        expect(document.stopped).toBe('interrupted');
        expect(document.summary.pending).toBeGreaterThan(0);
        const left = (await snapshot(sandbox)).subscriptions.length;
        expect(left).toBeGreaterThan(0);
        expect(left).toBeLessThan(24);

        const resumed = await runCli(dir, ['erase', '--yes', '--format', 'json']);
        expect(resumed.code, resumed.stderr).toBe(0);
        expect(JSON.parse(resumed.stdout).summary).toMatchObject({ planned: left, failed: 0, pending: 0 });
        expect(await snapshot(sandbox)).toMatchObject({ customers: [], subscriptions: [] });
      });
    } finally {
      await sandbox.close();
    }
  });

  it('says clearly when the state folder is missing, damaged, newer, or about another site', async () => {
    await withSite(async (dir, sandbox) => {
      const reader = createTarget({ name: 'check', baseUrl: sandbox.baseUrl });
      const own = `${siteIdentityOf(await reader.readSite(), sandbox.baseUrl).key}.jsonl`;
      await reader.close();
      const missing = await runCli(dir, ['erase', '--yes']);
      expect(missing.code).toBe(2);
      expect(missing.stderr).toContain('There is no state folder');

      await mkdir(join(dir, '.migrate', 'journal'), { recursive: true });
      await writeFile(join(dir, '.migrate', 'journal', 'elsewhere-7.jsonl'), '');
      const other = await runCli(dir, ['erase', '--yes']);
      expect(other.code).toBe(2);
      expect(other.stderr).toContain('records imports into elsewhere-7');

      // Another sandbox answers to the same name ("sandbox-1"): its journal is still not this site's.
      await writeFile(join(dir, '.migrate', 'journal', 'sandbox-1-0123456789.jsonl'), '');
      await writeFile(
        join(dir, '.migrate', 'journal', 'sandbox-1-0123456789.site.json'),
        JSON.stringify({ fingerprint: 'sandbox:another', name: 'sandbox-1', label: 'http://127.0.0.1:1 (sandbox instance another)', baseUrl: 'http://127.0.0.1:1', subdomain: 'sandbox', id: 1, mode: 'test' }),
      );
      const namesake = await runCli(dir, ['erase', '--yes']);
      expect(namesake.code).toBe(2);
      expect(namesake.stderr).toContain('http://127.0.0.1:1 (sandbox instance another)');
      expect(namesake.stderr).toContain(`not into ${sandbox.baseUrl} (sandbox instance ${sandbox.instance.slice(0, 8)})`);

      await writeFile(join(dir, '.migrate', 'journal', own), 'garbage\n');
      const damaged = await runCli(dir, ['erase', '--yes']);
      expect(damaged.code).toBe(2);
      expect(damaged.stderr).toContain('is damaged: line 1');

      await writeFile(join(dir, '.migrate', 'journal', own), '{"v":9,"naturalKey":"customer:a","type":"customer","event":"done"}\n');
      const newer = await runCli(dir, ['erase', '--yes']);
      expect(newer.code).toBe(2);
      expect(newer.stderr).toContain('newer version of migrate');

      await writeFile(join(dir, '.migrate', 'journal', own), '');
      const unknownRun = await runCli(dir, ['erase', '--run', '20990101T000000Z-abcdef', '--yes']);
      expect(unknownRun.code).toBe(2);
      expect(unknownRun.stderr).toContain('No run 20990101T000000Z-abcdef is recorded for this site');

      const badScope = await runCli(dir, ['erase', '--scope', 'everything']);
      expect(badScope.code).toBe(2);
      expect(badScope.stderr).toContain('--scope must be imported, customers or site');
    });
  });
});

async function openInvoices(sandbox: RunningSandbox): Promise<number> {
  const target = createTarget({ name: 'check', baseUrl: sandbox.baseUrl });
  try {
    let count = 0;
    for await (const invoice of target.api.listInvoices()) if (invoice.status !== 'voided') count += 1;
    return count;
  } finally {
    await target.close();
  }
}

/** A customer added on the site by hand: erase --scope imported must never touch it. */
async function sandbox_manual(sandbox: RunningSandbox): Promise<void> {
  const target = createTarget({ name: 'manual', baseUrl: sandbox.baseUrl });
  try {
    await target.api.createCustomer({ first_name: 'Man', last_name: 'Ual', email: 'manual@example.com', reference: 'added-by-hand' }, { naturalKey: 'manual' });
  } finally {
    await target.close();
  }
}
