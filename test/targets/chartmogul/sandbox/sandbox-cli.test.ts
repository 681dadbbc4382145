// End to end: `migrate sandbox --system chartmogul` as a user runs it (the BUILT CLI): prints its URL,
// answers ChartMogul's official client, keeps its data folder across a restart, stops on SIGTERM; flags
// it does not take get one line and exit 2.
import ChartMogul from 'chartmogul-node';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../cli/run-cli.js';
import { startCli } from '../../../helpers/sandbox-cli.js';
import { withTempDir } from '../../../helpers/temp-dir.js';

function client(baseUrl: string, key: string): InstanceType<typeof ChartMogul.Config> {
  const config = new ChartMogul.Config(key, baseUrl);
  (config as { retries?: number }).retries = 0;
  return config;
}

/** A call retried after the emulator's Retry-After (1 s) while it answers 429 (40 requests a second), at most 5 times. */
async function paced<T>(call: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await call();
    } catch (error) {
      if ((error as { status?: number }).status !== 429 || attempt >= 5) throw error;
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }
}

describe('migrate sandbox --system chartmogul', () => {
  it('serves ChartMogul\'s API to its official client, persists to --data-dir and stops on SIGTERM', async () => {
    await withTempDir({}, async (dir) => {
      const dataDir = join(dir, 'cm');
      const first = await startCli(['--system', 'chartmogul', '--port', '0', '--data-dir', dataDir, '--api-key', 'cm-key']);
      expect(first.firstLine).toMatch(/^ChartMogul emulator listening on http:\/\/127\.0\.0\.1:\d+ \(data in .*cm, API key required, processing delay 0 ms\)$/);
      const config = client(first.baseUrl, 'cm-key');
      expect(await ChartMogul.Ping.ping(config)).toEqual({ data: 'pong!' });
      const ds = (await ChartMogul.DataSource.create(config, { name: 'Migrate' })) as { uuid: string };
      await ChartMogul.Customer.create(config, { data_source_uuid: ds.uuid, external_id: 'CLI-1' });
      const stopped = await first.stop();
      expect(stopped.code).toBe(0);
      expect(stopped.stderr).toContain('Sandbox stopped.');
      expect(existsSync(join(dataDir, 'sandbox-state.jsonl'))).toBe(true);

      const second = await startCli(['--system', 'chartmogul', '--port', '0', '--data-dir', dataDir, '--api-key', 'cm-key']);
      const found = (await ChartMogul.Customer.all(client(second.baseUrl, 'cm-key'), { external_id: 'CLI-1' })) as { entries: Array<{ data_source_uuid: string }> };
      expect(found.entries.map((entry) => entry.data_source_uuid)).toEqual([ds.uuid]);
      await expect(ChartMogul.Ping.ping(client(second.baseUrl, 'wrong'))).rejects.toMatchObject({ status: 401 });
      expect((await second.stop()).code).toBe(0);
    });
  });

  it('keeps every answered create after kill -9, and a re-run creates each missing customer once', async () => {
    await withTempDir({}, async (dir) => {
      const dataDir = join(dir, 'cm');
      const first = await startCli(['--system', 'chartmogul', '--port', '0', '--data-dir', dataDir, '--api-key', 'cm-key']);
      const config = client(first.baseUrl, 'cm-key');
      const ds = (await ChartMogul.DataSource.create(config, { name: 'Migrate' })) as { uuid: string };
      const ids = Array.from({ length: 20 }, (_, index) => `K-${index + 1}`);
      for (const id of ids.slice(0, 10)) await ChartMogul.Customer.create(config, { data_source_uuid: ds.uuid, external_id: id });
      // Ten more in flight when the process is killed: some answered, some not.
      const answered = new Set(ids.slice(0, 10));
      const inFlight = ids.slice(10).map((id) =>
        ChartMogul.Customer.create(config, { data_source_uuid: ds.uuid, external_id: id }).then(
          () => answered.add(id),
          () => undefined,
        ),
      );
      await new Promise((resolve) => setTimeout(resolve, 5));
      expect((await first.stop('SIGKILL')).signal).toBe('SIGKILL');
      await Promise.all(inFlight);

      const second = await startCli(['--system', 'chartmogul', '--port', '0', '--data-dir', dataDir, '--api-key', 'cm-key']);
      const again = client(second.baseUrl, 'cm-key');
      for (const id of ids) {
        const found = (await paced(() => ChartMogul.Customer.all(again, { external_id: id, data_source_uuid: ds.uuid }))) as { entries: unknown[] };
        // Every create that was answered is on disk; one that was not may or may not be.
        if (answered.has(id)) expect(found.entries, id).toHaveLength(1);
        if (found.entries.length === 0) await paced(() => ChartMogul.Customer.create(again, { data_source_uuid: ds.uuid, external_id: id }));
        else await expect(paced(() => ChartMogul.Customer.create(again, { data_source_uuid: ds.uuid, external_id: id }))).rejects.toMatchObject({ status: 422 });
      }
      const all = (await paced(() => ChartMogul.Customer.all(again, { data_source_uuid: ds.uuid }))) as { entries: Array<{ external_id: string }> };
      expect(all.entries.map((entry) => entry.external_id).sort()).toEqual([...ids].sort());
      expect((await second.stop()).code).toBe(0);
    });
  });

  it.each([
    [['--system', 'stripe'], /^migrate: --system must be advanced-billing or chartmogul, got 'stripe'/],
    [['--system', 'chartmogul', '--faults', 'error-rate=0.1'], /^migrate: --faults is for the Advanced Billing sandbox/],
    [['--system', 'chartmogul', '--processing-delay', 'soon'], /^migrate: --processing-delay must be a number of milliseconds/],
  ])('refuses %j with a clear error and exit 2', async (args, pattern) => {
    const result = await runCli(['sandbox', ...args]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(pattern);
    expect(result.stdout).toBe('');
  });
});
