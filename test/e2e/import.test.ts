// test-import and live-import end to end: the built CLI as a child process, real files, sandboxes
// over HTTP; exit codes, result files, the JSON summary, dry runs, Ctrl-C, the live guards.
import { cp, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { startSandbox } from '../../src/targets/advanced-billing/sandbox/index.js';
import { withHook } from '../helpers/hook-server.js';
import { withTempDir } from '../helpers/temp-dir.js';
import { AS_OF, catalogFiles, subscriptionsCsv } from './import-data.js';
import { journalLines, runCli } from './run-cli.js';
import { count, withSandboxes } from './sandboxes.js';

const sample = fileURLToPath(new URL('../../fixtures/sample', import.meta.url));

async function results(dir: string, file: string): Promise<Array<Record<string, string>>> {
  return parse(await readFile(join(dir, 'migrate-results', file), 'utf8'), { columns: true }) as Array<Record<string, string>>;
}

describe('test-import', () => {
  it('imports the sample set into the embedded sandbox, then skips every row on a re-run; erase and resync use the same sandbox', async () => {
    await withTempDir({}, async (dir) => {
      await cp(sample, join(dir, 'sample'), { recursive: true });
      const first = await runCli(dir, ['test-import', 'sample', '--as-of', AS_OF]);
      expect(first.code, first.stderr + first.stdout).toBe(0);
      expect(first.stderr).toContain('No test site is configured: importing into the embedded sandbox');
      expect(first.stdout).toContain('Next: migrate compare');
      const subscriptions = await results(dir, 'subscriptions-standard.csv');
      for (const row of subscriptions) {
        expect(row.Status).toBe('success');
        expect(row.Result).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/subscriptions\/\d+$/);
        expect(row.ChargifyNextRenewal).toMatch(/^\d+\.\d{2}$/);
      }
      for (const row of await results(dir, 'invoices.csv')) expect(row.Amount).toMatch(/^\d+\.\d{2}$/);
      const before = await readFile(join(dir, 'migrate-results', 'subscriptions-standard.csv'), 'utf8');

      const again = await runCli(dir, ['test-import', 'sample', '--as-of', AS_OF, '--format', 'json']);
      expect(again.code, again.stderr).toBe(0);
      const document = JSON.parse(again.stdout);
      expect(document).toMatchObject({ version: 1, command: 'test-import', asOf: AS_OF });
      expect(document.summary.success).toBe(0);
      expect(document.summary.skipped).toBe(document.summary.rows);
      expect(await readFile(join(dir, 'migrate-results', 'subscriptions-standard.csv'), 'utf8')).toBe(before);

      const erase = await runCli(dir, ['erase', '--dry-run']);
      expect(erase.code, erase.stderr).toBe(0);
      expect(erase.stderr).toContain('No test site is configured: erasing from the embedded sandbox');
      const resync = await runCli(dir, ['resync', 'sample', '--as-of', AS_OF, '--dry-run']);
      expect(resync.code, resync.stderr).toBe(0);
      expect(resync.stderr).toContain('No test site is configured: resyncing the embedded sandbox');
    });
  });

  it('does not send rows with errors, reports them, and exits 1', async () => {
    await withSandboxes(async (test) => {
      await withTempDir({ ...catalogFiles(), 'data/subs.csv': subscriptionsCsv(4, [3]) }, async (dir) => {
        await writeFile(join(dir, '.migraterc.json'), JSON.stringify({ sites: { test: { baseUrl: test.baseUrl } } }));
        const exit = await runCli(dir, ['test-import', 'data', '--as-of', AS_OF, '--format', 'json']);
        expect(exit.code, exit.stderr).toBe(1);
        const document = JSON.parse(exit.stdout);
        expect(document.summary).toMatchObject({ rows: 6, success: 5, error: 1 });
        expect(document.rows.find((row: { row: number; file: string }) => row.file.endsWith('subs.csv') && row.row === 3)).toMatchObject({
          status: 'error',
          key: 'cust-0002',
        });
        const rows = await results(dir, 'subs.csv');
        expect(rows[1]).toMatchObject({ Status: 'error' });
        expect(rows[1]!.Result).toContain('email');
        expect(await count(test, 'listCustomers')).toBe(3);
      });
    });
  });

  it("carries each validation finding's rule and column into the JSON report rows", async () => {
    const sandbox = await startSandbox();
    try {
      // Row 3 breaks two rules in two columns: a bad email and a currency that is no ISO code.
      const subs = subscriptionsCsv(2, [3]).replace(/^(.*ann0002@example,.*)USD/m, '$1EURO');
      await withTempDir({ ...catalogFiles(), 'data/subs.csv': subs }, async (dir) => {
        await writeFile(join(dir, '.migraterc.json'), JSON.stringify({ sites: { test: { baseUrl: sandbox.baseUrl } } }));
        const exit = await runCli(dir, ['test-import', 'data', '--as-of', AS_OF, '--format', 'json']);
        expect(exit.code, exit.stderr).toBe(1);
        const rows = JSON.parse(exit.stdout).rows as Array<{ file: string; row: number; status: string; result: string; findings?: Array<Record<string, string>> }>;
        const bad = rows.find((row) => row.file.endsWith('subs.csv') && row.row === 3)!;
        expect(bad.status).toBe('error');
        expect(bad.findings?.map(({ rule, severity, column }) => ({ rule, severity, column }))).toEqual([
          { rule: 'email', severity: 'error', column: 'email' },
          { rule: 'currency-code', severity: 'error', column: 'currency' },
        ]);
        // The Result stays the findings' messages, flattened as before.
        expect(bad.result).toBe(bad.findings!.map((finding) => `${finding.column}: ${finding.message}`).join(' | '));
        expect(rows.filter((row) => row.findings !== undefined)).toEqual([bad]);
      });
    } finally {
      await sandbox.close();
    }
  });

  it('keeps rows marked success in a results file given as input, creating nothing again', async () => {
    await withSandboxes(async (test) => {
      await withTempDir({ ...catalogFiles(), 'data/subs.csv': subscriptionsCsv(3) }, async (dir) => {
        await writeFile(join(dir, '.migraterc.json'), JSON.stringify({ sites: { test: { baseUrl: test.baseUrl } } }));
        const first = await runCli(dir, ['test-import', 'data', '--as-of', AS_OF]);
        expect(first.code, first.stderr).toBe(0);
        // Another state folder: only the Status column can tell these rows were imported.
        await writeFile(join(dir, '.migraterc.json'), JSON.stringify({ sites: { test: { baseUrl: test.baseUrl } }, stateDir: 'other-state' }));
        const again = await runCli(dir, ['test-import', 'migrate-results', '--as-of', AS_OF, '--out', 'second', '--format', 'json']);
        expect(again.code, again.stderr).toBe(0);
        expect(JSON.parse(again.stdout).summary).toMatchObject({ rows: 5, success: 0, skipped: 5 });
        expect(await readFile(join(dir, 'second', 'subs.csv'), 'utf8')).toBe(await readFile(join(dir, 'migrate-results', 'subs.csv'), 'utf8'));
        expect(await count(test, 'listSubscriptions')).toBe(3);
      });
    });
  });

  it('prints the plan with --dry-run and sends nothing', async () => {
    await withSandboxes(async (test) => {
      await withTempDir({ ...catalogFiles(), 'data/subs.csv': subscriptionsCsv(5) }, async (dir) => {
        await writeFile(join(dir, '.migraterc.json'), JSON.stringify({ sites: { test: { baseUrl: test.baseUrl } } }));
        const exit = await runCli(dir, ['test-import', 'data', '--as-of', AS_OF, '--dry-run', '--format', 'json']);
        expect(exit.code, exit.stderr).toBe(0);
        const plan = JSON.parse(exit.stdout);
        expect(plan).toMatchObject({ dryRun: true, objects: { product_family: 1, product: 1, product_price_point: 1, subscription: 5 } });
        expect(plan.calls.total).toBeGreaterThanOrEqual(8 + 5);
        expect(plan.estimatedMs).toBeGreaterThanOrEqual(0);
        expect(await count(test, 'listCustomers')).toBe(0);
      });
    });
  });

  it('prints the neutral operations with --dry-run, vault tokens masked, in JSON and as text', async () => {
    await withTempDir({}, async (dir) => {
      await cp(sample, join(dir, 'sample'), { recursive: true });
      const json = await runCli(dir, ['test-import', 'sample', '--as-of', AS_OF, '--dry-run', '--format', 'json']);
      expect(json.code, json.stderr).toBe(0);
      const plan = JSON.parse(json.stdout);
      const total = Object.values(plan.objects as Record<string, number>).reduce((sum, n) => sum + n, 0);
      expect(plan.operations).toHaveLength(total);
      // In the order the plan applies them: the catalog first, each operation after what it depends on.
      expect(plan.operations[0]).toMatchObject({ kind: 'product_family', dependsOn: [], file: expect.stringMatching(/product-families\.csv$/), row: 2 });
      const applied = new Set<string>();
      for (const operation of plan.operations as Array<{ kind: string; key: string; dependsOn: Array<{ type: string; key: string }>; fields: object }>) {
        for (const ref of operation.dependsOn) if (plan.operations.some((other: { kind: string; key: string }) => other.kind === ref.type && other.key === ref.key)) expect(applied).toContain(`${ref.type}:${ref.key}`);
        applied.add(`${operation.kind}:${operation.key}`);
        expect(Object.keys(operation.fields).every((name) => /^[a-z][A-Za-z0-9]*$/.test(name)), JSON.stringify(operation.fields)).toBe(true);
      }
      expect(plan.operations.some((operation: { kind: string }) => operation.kind === 'payment_profile')).toBe(true);
      for (const token of ['tok_globex_4242', 'tok_initech_6789', 'tok_std_001']) expect(json.stdout).not.toContain(token);
      expect(json.stdout).toContain('****4242');

      const text = await runCli(dir, ['test-import', 'sample', '--as-of', AS_OF, '--dry-run']);
      expect(text.code, text.stderr).toBe(0);
      expect(text.stdout).toContain(`Operations (${total}), in the order they would be applied:`);
      expect(text.stdout).toMatch(/^  subscription \S+  after customer:\S+/m);
      expect(text.stdout).not.toContain('tok_globex_4242');
    });
  });

  it('stops cleanly on Ctrl-C with exit 130 and resumes to completion', async () => {
    const slow = await startSandbox({ latency: { ms: 40, jitterMs: 0 } });
    try {
      await withTempDir({ ...catalogFiles(), 'data/subs.csv': subscriptionsCsv(30) }, async (dir) => {
        await writeFile(join(dir, '.migraterc.json'), JSON.stringify({ sites: { test: { baseUrl: slow.baseUrl } } }));
        // Ctrl-C once the import is under way: a dozen journal lines written.
        const interrupted = await runCli(dir, ['test-import', 'data', '--as-of', AS_OF, '--format', 'json'], {
          when: async () => (await journalLines(dir)) >= 12,
          signal: 'SIGINT',
        });
        expect(interrupted.code, interrupted.stderr).toBe(130);
        const stopped = JSON.parse(interrupted.stdout);
        expect(stopped.stopped).toBe('interrupted');
        expect(stopped.summary.pending).toBeGreaterThan(0);
        expect((await results(dir, 'subs.csv')).some((row) => row.Status === 'pending')).toBe(true);

        const resumed = await runCli(dir, ['test-import', 'data', '--as-of', AS_OF, '--format', 'json']);
        expect(resumed.code, resumed.stderr).toBe(0);
        expect(JSON.parse(resumed.stdout).summary).toMatchObject({ rows: 32, error: 0, pending: 0 });
        expect(await count(slow, 'listSubscriptions')).toBe(30);
      });
    } finally {
      await slow.close();
    }
  });

  it('posts the JSON summary to --notify-url', async () => {
    await withHook(async (url, received) => {
      await withSandboxes(async (test) => {
        await withTempDir({ ...catalogFiles(), 'data/subs.csv': subscriptionsCsv(1) }, async (dir) => {
          await writeFile(join(dir, '.migraterc.json'), JSON.stringify({ sites: { test: { baseUrl: test.baseUrl } } }));
          const exit = await runCli(dir, ['test-import', 'data', '--as-of', AS_OF, '--notify-url', url]);
          expect(exit.code, exit.stderr).toBe(0);
        });
      });
      expect(received).toHaveLength(1);
      expect(JSON.parse(received[0]!)).toMatchObject({ version: 1, command: 'test-import', summary: { rows: 3, success: 3 } });
    });
  });
});

describe('live-import', () => {
  it('refuses without a live site, against the test site, and for untested files', async () => {
    await withSandboxes(async (test, live) => {
      await withTempDir({ ...catalogFiles(), 'data/subs.csv': subscriptionsCsv(2) }, async (dir) => {
        await writeFile(join(dir, '.migraterc.json'), JSON.stringify({ sites: { test: { baseUrl: test.baseUrl } } }));
        const noLive = await runCli(dir, ['live-import', 'data', '--yes', '--as-of', AS_OF]);
        expect(noLive.code, noLive.stderr).toBe(2);
        expect(noLive.stderr).toContain('needs a site named "live"');

        await writeFile(join(dir, '.migraterc.json'), JSON.stringify({ sites: { test: { baseUrl: test.baseUrl }, live: { baseUrl: test.baseUrl } } }));
        const same = await runCli(dir, ['live-import', 'data', '--yes', '--as-of', AS_OF]);
        expect(same.code, same.stderr).toBe(2);
        expect(same.stderr).toContain('same site as "test"');

        await writeFile(join(dir, '.migraterc.json'), JSON.stringify({ sites: { test: { baseUrl: test.baseUrl }, live: { baseUrl: live.baseUrl } } }));
        const untested = await runCli(dir, ['live-import', 'data', '--yes', '--as-of', AS_OF]);
        expect(untested.code, untested.stderr).toBe(2);
        expect(untested.stderr).toContain('have not completed a test-import');
        const unconfirmed = await runCli(dir, ['live-import', 'data', '--skip-test-check', '--as-of', AS_OF]);
        expect(unconfirmed.code, unconfirmed.stderr).toBe(2);
        expect(unconfirmed.stderr).toContain('live-import asks for confirmation and no terminal is attached');
        expect(unconfirmed.stderr).toContain('--yes');
        await writeFile(join(dir, '.migraterc.json'), JSON.stringify({ sites: { test: { baseUrl: live.baseUrl } } }));
        const testIntoLive = await runCli(dir, ['test-import', 'data', '--as-of', AS_OF]);
        expect(testIntoLive.code, testIntoLive.stderr).toBe(2);
        expect(testIntoLive.stderr).toContain('is a live site');
        expect(await count(live, 'listCustomers')).toBe(0);
      });
    });
  });

  it('imports a canary after a clean test import, then the rest with --continue', async () => {
    await withSandboxes(async (test, live) => {
      await withTempDir({ ...catalogFiles(), 'data/subs.csv': subscriptionsCsv(6) }, async (dir) => {
        await writeFile(join(dir, '.migraterc.json'), JSON.stringify({ sites: { test: { baseUrl: test.baseUrl }, live: { baseUrl: live.baseUrl } } }));
        const tested = await runCli(dir, ['test-import', 'data', '--as-of', AS_OF]);
        expect(tested.code, tested.stderr).toBe(0);

        const canary = await runCli(dir, ['live-import', 'data', '--yes', '--canary', '2', '--as-of', AS_OF, '--format', 'json']);
        expect(canary.code, canary.stderr).toBe(0);
        expect(canary.stderr).toMatch(/Relying on run \S+ \(test-import/);
        const stopped = JSON.parse(canary.stdout);
        expect(stopped.stopped).toBe('canary');
        expect(stopped.next).toContain('migrate live-import --continue');
        const liveCustomers = await count(live, 'listCustomers');
        expect(liveCustomers).toBeGreaterThanOrEqual(1);
        expect(liveCustomers).toBeLessThanOrEqual(2);

        const rest = await runCli(dir, ['live-import', '--continue', '--yes', '--as-of', AS_OF, '--format', 'json']);
        expect(rest.code, rest.stderr).toBe(0);
        expect(JSON.parse(rest.stdout).summary).toMatchObject({ rows: 8, error: 0, pending: 0 });
        expect(await count(live, 'listCustomers')).toBe(6);
        expect(await count(live, 'listSubscriptions')).toBe(6);
      });
    });
  });
});
