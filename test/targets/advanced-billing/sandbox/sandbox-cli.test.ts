// End to end: `migrate sandbox` as a user runs it — prints its URL, answers HTTP, keeps its data folder,
// stops cleanly on SIGTERM; bad flags get one line and exit 2.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../cli/run-cli.js';
import { startCli } from '../../../helpers/sandbox-cli.js';
import { withTempDir } from '../../../helpers/temp-dir.js';
import { customerAttributes } from './catalog-fixture.js';
import { callSandbox } from './harness.js';
import { TEST_NOW } from '../../../helpers/clock.js';

describe('migrate sandbox', () => {
  it('prints its base URL, serves the API, persists to --data-dir and stops on SIGTERM', async () => {
    await withTempDir({}, async (dir) => {
      const dataDir = join(dir, 'state');
      const first = await startCli(['--port', '0', '--data-dir', dataDir]);
      // The test suite sets MIGRATE_SANDBOX_STRICT=1 (vitest.config.ts) and MIGRATE_NOW (test/setup-clock.ts).
      expect(first.firstLine).toMatch(new RegExp(String.raw`^Sandbox listening on http://127\.0\.0\.1:\d+ \(mode test, data in .*state, strict, clock at ${TEST_NOW.slice(0, 16)}:\S+Z\)$`));
      const created = await callSandbox(first.baseUrl, 'POST', '/customers.json', { customer: customerAttributes('cli-1') });
      expect(created.status).toBe(200);
      const stopped = await first.stop();
      expect(stopped.code).toBe(0);
      expect(stopped.stderr).toContain('Sandbox stopped.');
      expect(existsSync(join(dataDir, 'sandbox-state.jsonl'))).toBe(true);

      const second = await startCli(['--port', '0', '--data-dir', dataDir, '--mode', 'live', '--api-key', 'k1']);
      expect(second.firstLine).toContain('mode live');
      expect((await callSandbox(second.baseUrl, 'GET', '/customers/lookup.json?reference=cli-1')).status).toBe(401);
      const found = await callSandbox(second.baseUrl, 'GET', '/customers/lookup.json?reference=cli-1', undefined, { apiKey: 'k1' });
      expect(found.status).toBe(200);
      expect((await callSandbox(second.baseUrl, 'POST', '/sites/clear_data.json', undefined, { apiKey: 'k1' })).status).toBe(403);
      expect((await second.stop()).code).toBe(0);
    });
  });

  it('--strict refuses a field the request schema lacks; without it, it is answered with a warning', async () => {
    const unknownField = { customer: { ...customerAttributes('cli-strict'), favourite_colour: 'red' } };
    const strict = await startCli(['--port', '0', '--strict'], { MIGRATE_SANDBOX_STRICT: '' });
    const refused = await callSandbox(strict.baseUrl, 'POST', '/customers.json', unknownField, { invalidRequest: true });
    expect([refused.status, refused.body.errors]).toEqual([422, ['customer.favourite_colour: is not a field of Create Customer in the API spec.']]);
    expect((await strict.stop()).code).toBe(0);

    const lenient = await startCli(['--port', '0'], { MIGRATE_SANDBOX_STRICT: '' });
    expect(lenient.firstLine).not.toContain('strict');
    const answered = await callSandbox(lenient.baseUrl, 'POST', '/customers.json', unknownField, { invalidRequest: true });
    expect(answered.status).toBe(200);
    expect(answered.headers.get('x-sandbox-warning')).toBe('Fields not in the request schema of Create Customer: customer.favourite_colour.');
    const stopped = await lenient.stop();
    expect(stopped.stderr).toContain('sandbox: POST /customers.json: Fields not in the request schema of Create Customer: customer.favourite_colour.');
  });

  it('keeps every answered write when the process is killed outright', async () => {
    await withTempDir({}, async (dir) => {
      const first = await startCli(['--port', '0', '--data-dir', dir]);
      const ids: number[] = [];
      for (let index = 0; index < 20; index += 1) {
        const created = await callSandbox(first.baseUrl, 'POST', '/customers.json', { customer: customerAttributes(`killed-${index}`) });
        ids.push(created.body.customer.id as number);
      }
      expect((await first.stop('SIGKILL')).signal).toBe('SIGKILL');
      const second = await startCli(['--port', '0', '--data-dir', dir]);
      const list = await callSandbox(second.baseUrl, 'GET', '/customers.json?per_page=200');
      expect(list.body.map((entry: { customer: { id: number } }) => entry.customer.id)).toEqual(ids);
      expect((await second.stop()).code).toBe(0);
    });
  });

  it.each([
    [['--faults', 'nonsense=1'], /^migrate: --faults: cannot read 'nonsense=1'/],
    [['--latency', 'slow'], /^migrate: --latency: cannot read 'slow'/],
    [['--port', 'abc'], /^migrate: --port must be a number/],
    [['--mode', 'prod'], /^migrate: --mode must be test or live/],
  ])('refuses %j with one line and exit 2', async (args, pattern) => {
    const result = await runCli(['sandbox', ...args]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(pattern);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stdout).toBe('');
  });

  it('shows help with an example', async () => {
    const result = await runCli(['sandbox', '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('$ migrate sandbox');
    expect(result.stdout).toContain('--faults <spec>');
  });
});
