// Test helper: a ChartMogul emulator on 127.0.0.1 and a ChartMogulClient to it (optionally through a
// hostile server in between), with fast backoff, every log line and wait kept, and closed after each test.
import { afterEach } from 'vitest';
import type { RetryWait } from '../../../../src/targets/advanced-billing/client/retry-wait.js';
import { ChartMogulClient, type ChartMogulClientOptions } from '../../../../src/targets/chartmogul/client/index.js';
import { startChartMogulSandbox, type ChartMogulSandboxOptions, type RunningChartMogulSandbox } from '../../../../src/targets/chartmogul/sandbox/index.js';
import { startHostileServer, type HostileServer, type Rule } from '../../../helpers/hostile-server.js';

export const API_KEY = 'cm-secret-key-0123456789';

export interface Harness {
  emulator: RunningChartMogulSandbox;
  client: ChartMogulClient;
  hostile?: HostileServer;
  lines: string[];
  waits: RetryWait[];
}

const open: Array<{ close(): Promise<void> }> = [];

afterEach(async () => {
  // Clients first, then what they talk to.
  for (const item of open.splice(0).reverse()) await item.close();
});

export async function harness(
  settings: { emulator?: ChartMogulSandboxOptions; client?: ChartMogulClientOptions; rules?: Rule[]; apiKey?: string } = {},
): Promise<Harness> {
  const emulator = await startChartMogulSandbox({ apiKey: API_KEY, ...settings.emulator });
  open.push(emulator);
  const hostile = settings.rules === undefined ? undefined : await startHostileServer({ upstream: emulator.baseUrl, rules: settings.rules });
  if (hostile !== undefined) open.push(hostile);
  const lines: string[] = [];
  const waits: RetryWait[] = [];
  const client = new ChartMogulClient(
    { name: 'test', baseUrl: hostile?.baseUrl ?? emulator.baseUrl, apiKey: settings.apiKey ?? API_KEY },
    { backoffBaseMs: 1, backoffMaxMs: 5, random: () => 1, ...settings.client, logger: (line) => lines.push(line), onWait: (wait) => waits.push(wait) },
  );
  open.push(client);
  return { emulator, client, hostile, lines, waits };
}

/** What a call fails with (a resolved call fails the test). */
export async function failure(promise: Promise<unknown>): Promise<Error & Record<string, unknown>> {
  try {
    await promise;
  } catch (error) {
    return error as Error & Record<string, unknown>;
  }
  throw new Error('expected the call to fail');
}
