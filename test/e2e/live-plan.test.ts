// live-import shows before it asks: the plan (site, files, objects per kind, canary rows) comes before the
// typed confirmation, the canary holds a whole subscription with its renewal amount when the files have
// one, and `--dry-run --summary` prints the counts alone.
import { cp, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startSandbox } from '../../src/targets/advanced-billing/sandbox/index.js';
import { projectRoot } from '../cli/run-cli.js';
import { withTempDir } from '../helpers/temp-dir.js';
import { runCli } from './run-cli.js';

const FILES = ['product-families.csv', 'products.csv', 'components.csv', 'coupons.csv', 'customers-advanced.csv', 'subscriptions-advanced.csv'];

async function withTestedProject(fn: (dir: string, args: string[]) => Promise<void>): Promise<void> {
  const test = await startSandbox({});
  const live = await startSandbox({ mode: 'live', subdomain: 'acme' });
  try {
    await withTempDir({}, async (dir) => {
      for (const name of FILES) await cp(join(projectRoot, 'fixtures', 'sample', name), join(dir, 'data', name));
      await writeFile(join(dir, '.migraterc.json'), JSON.stringify({ sites: { test: { baseUrl: test.baseUrl }, live: { baseUrl: live.baseUrl } } }));
      const tested = await runCli(dir, ['test-import', 'data']);
      expect(tested.code, tested.stderr).toBe(0);
      await fn(dir, ['live-import', 'data']);
    });
  } finally {
    await live.close();
    await test.close();
  }
}

describe('live-import shows its plan first', () => {
  it('prints site, files, objects per kind and canary rows before asking, and asks nothing without a terminal', async () => {
    await withTestedProject(async (dir, args) => {
      const refused = await runCli(dir, args);
      expect(refused.code).toBe(2);
      const plan = refused.stderr.indexOf('Plan for the LIVE site acme');
      const question = refused.stderr.indexOf('asks for confirmation and no terminal is attached');
      expect(plan, refused.stderr).toBeGreaterThanOrEqual(0);
      expect(question).toBeGreaterThan(plan);
      const text = refused.stderr.slice(plan, question);
      expect(text).toMatch(/data\/customers-advanced\.csv\s+customers-advanced · 6 rows/);
      expect(text).toMatch(/creates:\n\s+2  product family\n\s+3  product\n/);
      expect(text).toMatch(/\s+6  customer\n/);
      expect(text).toMatch(/\s+6  subscription\n/);
      expect(text).toMatch(/canary first, with what it needs, then a stop for review \(3 rows\):\n\s+data\/subscriptions-advanced\.csv row \d+/);
    });
  });

  it('puts a whole subscription with its renewal amount in the canary', async () => {
    await withTestedProject(async (dir, args) => {
      const canary = await runCli(dir, [...args, '--yes', '--canary', '3', '--format', 'json']);
      expect(canary.code, canary.stderr).toBe(0);
      const document = JSON.parse(canary.stdout) as { stopped: string; rows: Array<{ file: string; status: string; nextRenewal?: string }> };
      expect(document.stopped).toBe('canary');
      const imported = document.rows.filter((row) => row.status === 'success');
      const subscription = imported.find((row) => row.file.endsWith('subscriptions-advanced.csv'));
      expect(subscription, JSON.stringify(imported)).toBeDefined();
      expect(subscription!.nextRenewal).toMatch(/^\d+\.\d{2}$/);
    });
  });

  it('--dry-run --summary prints the counts without every operation', async () => {
    await withTestedProject(async (dir, args) => {
      const full = await runCli(dir, [...args, '--dry-run', '--format', 'json']);
      const summary = await runCli(dir, [...args, '--dry-run', '--summary', '--format', 'json']);
      expect(summary.code, summary.stderr).toBe(0);
      const counts = JSON.parse(summary.stdout) as Record<string, unknown>;
      expect(counts.operations).toBeUndefined();
      const { operations, ...rest } = JSON.parse(full.stdout) as Record<string, unknown>;
      expect((operations as unknown[]).length).toBeGreaterThan(20);
      expect({ ...counts, latencyMs: 0, estimatedMs: 0 }).toEqual({ ...rest, latencyMs: 0, estimatedMs: 0 });
      const pretty = await runCli(dir, [...args, '--dry-run', '--summary']);
      expect(pretty.stdout).toMatch(/API calls:/);
      expect(pretty.stdout).not.toMatch(/Operations \(/);
      const alone = await runCli(dir, [...args, '--summary']);
      expect(alone.code).toBe(2);
      expect(alone.stderr).toMatch(/--summary .* goes with it/);
    });
  });
});
