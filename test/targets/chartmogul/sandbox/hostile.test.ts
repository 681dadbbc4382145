// The ChartMogul emulator under bad and hostile requests: bodies too large, too deep or no JSON, broken
// cursors and page sizes, undecodable paths, and more requests in progress than ChartMogul allows.
import { request } from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startChartMogulSandbox, type RunningChartMogulSandbox } from '../../../../src/targets/chartmogul/sandbox/index.js';

let sandbox: RunningChartMogulSandbox;
beforeEach(async () => {
  sandbox = await startChartMogulSandbox({ parallelLimit: 1 });
});
afterEach(async () => {
  await sandbox.close();
});

async function send(method: string, path: string, body?: string): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${sandbox.baseUrl}${path}`, { method, headers: { 'content-type': 'application/json' }, ...(body === undefined ? {} : { body }) });
  const text = await response.text();
  return { status: response.status, body: text === '' ? undefined : JSON.parse(text) };
}

describe('the ChartMogul emulator refuses bad requests in its own envelopes', () => {
  it.each([
    ['a body nested past 100 levels', '['.repeat(200) + ']'.repeat(200), 400],
    ['a body that is no JSON', '{"name":', 400],
    ['a JSON array', '[1,2]', 400],
  ])('%s: %s', async (_, body, status) => {
    const answer = await send('POST', '/v1/data_sources', body);
    expect(answer.status).toBe(status);
    expect(answer.body).toHaveProperty('error');
  });

  it('a body over 10 MB: 413, the emulator still answering after it', async () => {
    const answer = await send('POST', '/v1/data_sources', JSON.stringify({ name: 'x'.repeat(11 * 1024 * 1024) }));
    expect(answer.status).toBe(413);
    expect((await send('GET', '/v1/ping')).status).toBe(200);
  });

  it.each([
    ['/v1/customers?cursor=%%%', 400],
    ['/v1/customers?cursor=bm90LWFuLWlk', 400],
    ['/v1/customers?per_page=0', 400],
    ['/v1/customers?per_page=201', 400],
    ['/v1/customers/%FF', 404],
    ['/v1/plans/pl_missing', 404],
  ])('GET %s: %s', async (path, status) => {
    expect((await send('GET', path)).status).toBe(status);
  });

  it('answers 503 while its parallel requests are all in progress, and serves again after', async () => {
    // A request whose body never finishes holds the one slot (parallelLimit 1).
    const held = request(`${sandbox.baseUrl}/v1/data_sources`, { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': '100' } });
    held.on('error', () => undefined);
    const heldAnswer = new Promise<number>((resolve) => held.on('response', (response) => resolve(response.statusCode ?? 0)));
    held.write('{"name":');
    // Bounded: the held request reaches the emulator within a few tries.
    let refused: { status: number; body: unknown } | undefined;
    for (let attempt = 0; attempt < 50 && refused?.status !== 503; attempt += 1) refused = await send('GET', '/v1/ping');
    expect(refused).toEqual({ status: 503, body: { code: 503, message: 'Too many parallel requests.', param: null } });
    held.end('"Held"}' + ' '.repeat(100 - '{"name":"Held"}'.length));
    expect(await heldAnswer).toBe(201);
    expect((await send('GET', '/v1/ping')).status).toBe(200);
  });
});
