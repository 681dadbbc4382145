// The ChartMogul emulator keeps its state in a data folder (the Advanced Billing sandbox's crash-safe
// log): a restart on the same folder is the same account, and one folder serves one emulator at a time.
import { describe, expect, it } from 'vitest';
import { startChartMogulSandbox } from '../../../../src/targets/chartmogul/sandbox/index.js';
import { withTempDir } from '../../../helpers/temp-dir.js';

async function call(baseUrl: string, method: string, path: string, body?: unknown): Promise<{ status: number; body: any }> {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { authorization: `Basic ${Buffer.from('key:').toString('base64')}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, body: text === '' ? undefined : JSON.parse(text) };
}

describe('the ChartMogul emulator with a data folder', () => {
  it('keeps data sources, customers and their uniqueness across a restart', async () => {
    await withTempDir({}, async (dir) => {
      const first = await startChartMogulSandbox({ dataDir: dir, apiKey: 'key' });
      const ds = await call(first.baseUrl, 'POST', '/v1/data_sources', { name: 'Migrate' });
      const customer = await call(first.baseUrl, 'POST', '/v1/customers', { data_source_uuid: ds.body.uuid, external_id: 'C-1' });
      expect(customer.status).toBe(201);
      await expect(startChartMogulSandbox({ dataDir: dir })).rejects.toThrow(/another sandbox/);
      await first.close();

      const second = await startChartMogulSandbox({ dataDir: dir, apiKey: 'key' });
      try {
        expect((await call(second.baseUrl, 'GET', `/v1/customers/${customer.body.uuid}`)).body.external_id).toBe('C-1');
        expect((await call(second.baseUrl, 'POST', '/v1/customers', { data_source_uuid: ds.body.uuid, external_id: 'C-1' })).status).toBe(422);
        expect((await call(second.baseUrl, 'GET', '/v1/data_sources?name=Migrate')).body.data_sources).toHaveLength(1);
      } finally {
        await second.close();
      }
    });
  });

  it('answers an unknown path 404 and a body that is no JSON 400, in ChartMogul\'s envelopes', async () => {
    const sandbox = await startChartMogulSandbox({ apiKey: 'key' });
    try {
      expect(await call(sandbox.baseUrl, 'GET', '/v1/nothing-here')).toMatchObject({ status: 404, body: { code: 404, param: null } });
      const response = await fetch(`${sandbox.baseUrl}/v1/data_sources`, { method: 'POST', headers: { authorization: `Basic ${Buffer.from('key:').toString('base64')}` }, body: '{not json' });
      expect(response.status).toBe(400);
      expect(await response.json()).toHaveProperty('error');
    } finally {
      await sandbox.close();
    }
  });
});
