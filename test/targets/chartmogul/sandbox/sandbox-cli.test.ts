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
