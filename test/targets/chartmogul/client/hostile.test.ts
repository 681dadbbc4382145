// The client against a hostile server in front of the emulator (test/helpers/hostile-server.ts): a
// stalled answer ends at the deadline and is retried a bounded number of times, 503 and dropped
// connections are retried, an answer past the size limit is not read, and a delete whose answer was
// lost is done once its retry finds nothing left.
import { describe, expect, it } from 'vitest';
import { failure, harness } from './setup.js';

const fast = { timeoutMs: 200, maxRetries: 2 };

describe('a hostile server', () => {
  it('a stalled answer ends at the deadline, is retried within the budget, and fails as a timeout', async () => {
    // One retry: undici measures the headers' part of the deadline in steps of about a second.
    const { client, hostile, waits } = await harness({ client: { ...fast, maxRetries: 1 }, rules: [{ name: 'stall', path: /^\/v1\/ping$/, answer: { stall: true } }] });
    const error = await failure(client.ping());
    expect(error).toMatchObject({ kind: 'timeout', rowLevel: false });
    expect(error.message).toContain('GET /v1/ping got no whole answer within 0.2 s');
    expect(hostile!.hits('stall')).toBe(2);
    expect(waits.map((wait) => `${wait.attempt}/${wait.max} ${wait.reason}`)).toEqual(['1/1 no whole answer within 0.2 s']);
  });

  it('a body trickled past the deadline is cut there too', async () => {
    const { client, hostile } = await harness({ client: { ...fast, maxRetries: 0 }, rules: [{ name: 'slow', path: /^\/v1\/account$/, answer: { trickle: { text: '{"name":"slow"}', intervalMs: 50 } } }] });
    expect(await failure(client.readAccount())).toMatchObject({ kind: 'timeout' });
    expect(hostile!.hits('slow')).toBe(1);
  });

  it('retries 503 and gets the emulator\'s answer', async () => {
    const busy = { status: 503, body: { code: 503, message: 'Too many parallel requests.', param: null } };
    const { client, hostile, waits } = await harness({ rules: [{ name: 'busy', path: /^\/v1\/account$/, answer: (_request, n) => (n < 2 ? busy : 'pass') }] });
    expect(await client.readAccount()).toMatchObject({ currency: 'USD' });
    expect(hostile!.hits('busy')).toBe(2);
    expect(waits.map((wait) => wait.reason)).toEqual(['ChartMogul answered 503', 'ChartMogul answered 503']);
  });

  it('a 503 that never ends fails as a server error with ChartMogul\'s message once the retries are spent', async () => {
    const busy = { status: 503, body: { code: 503, message: 'Too many parallel requests.', param: null } };
    const { client, hostile } = await harness({ client: fast, rules: [{ name: 'busy', path: /^\/v1\/ping$/, answer: busy }] });
    const error = await failure(client.ping());
    expect(error).toMatchObject({ kind: 'server', status: 503 });
    expect(error.message).toBe('GET /v1/ping answered 503: Too many parallel requests.');
    expect(hostile!.hits('busy')).toBe(3);
  });

  it('a Retry-After longer than the cap is waited only the cap, and the total wait bounds the retries', async () => {
    const slowDown = { status: 429, headers: { 'retry-after': '3600' }, body: { code: 429, message: 'Your request rate has exceeded our rate limit.', param: null } };
    const { client, hostile, waits } = await harness({
      client: { retryAfterMaxMs: 20, retryWaitTotalMs: 50, maxRetries: 6 },
      rules: [{ name: 'throttle', path: /^\/v1\/ping$/, answer: slowDown }],
    });
    const error = await failure(client.ping());
    expect(error).toMatchObject({ kind: 'rate-limited', status: 429 });
    // 20 ms twice fits in 50 ms; a third would not.
    expect(waits.map((wait) => wait.seconds)).toEqual([0.02, 0.02]);
    expect(hostile!.hits('throttle')).toBe(3);
  });

  it('a dropped connection is retried; a delete whose answer was lost after it went through is done', async () => {
    const { client, hostile } = await harness({
      rules: [
        { name: 'drop', method: 'GET', path: /^\/v1\/ping$/, answer: (_request, n) => (n === 0 ? { drop: true } : 'pass') },
        { name: 'lost', method: 'DELETE', path: /^\/v1\/customers\/[^/]+$/, answer: (_request, n) => (n === 0 ? { dropAfterCommit: true } : 'pass') },
      ],
    });
    await client.ping();
    expect(hostile!.hits('drop')).toBe(1);
    const ds = await client.createDataSource('Migrate');
    const uuid = String((await client.createCustomer({ data_source_uuid: ds.uuid, external_id: 'C-1' })).uuid);
    await client.deleteCustomer(uuid);
    expect(hostile!.hits('lost')).toBe(1);
    expect(await client.readCustomer(uuid)).toBeUndefined();
    // A delete of what was never there still fails: only a lost answer makes a 404 a success.
    expect(await failure(client.deleteCustomer(uuid))).toMatchObject({ kind: 'not-found', status: 404 });
  });

  it('a create whose answer was lost is retried and says the object already exists', async () => {
    const { client, hostile } = await harness({ rules: [{ name: 'lost', method: 'POST', path: /^\/v1\/customers$/, answer: (_request, n) => (n === 0 ? { dropAfterCommit: true } : 'pass') }] });
    const ds = await client.createDataSource('Migrate');
    const error = await failure(client.createCustomer({ data_source_uuid: ds.uuid, external_id: 'C-1' }));
    expect(error).toMatchObject({ status: 422, alreadyExists: true });
    expect(hostile!.hits('lost')).toBe(1);
    expect(await client.findCustomer(ds.uuid, 'C-1')).toMatchObject({ external_id: 'C-1' });
  });

  it('an address nobody answers at fails as a network error after the retries, naming the account, not the key', async () => {
    const { client, emulator, lines } = await harness({ client: fast });
    await emulator.close();
    const error = await failure(client.ping());
    expect(error).toMatchObject({ kind: 'network' });
    expect(error.message).toMatch(/^GET \/v1\/ping could not reach ChartMogul account "test" at http:\/\/127\.0\.0\.1:\d+ \(ECONNREFUSED, 3 attempts\)\.$/);
    expect(lines).toHaveLength(3);
  });

  it('an answer past the size limit is dropped unread and not asked again', async () => {
    const { client, hostile } = await harness({ client: { maxAnswerBytes: 64 * 1024 }, rules: [{ name: 'huge', path: /^\/v1\/data_sources$/, answer: { huge: { bytes: 4 * 1024 * 1024 } } }] });
    const error = await failure(client.findDataSource('Migrate'));
    expect(error).toMatchObject({ kind: 'too-large' });
    expect(error.message).toContain('larger than 0.1 MiB');
    expect(hostile!.hits('huge')).toBe(1);
    expect(hostile!.sent('huge')).toBeLessThan(4 * 1024 * 1024);
  });

  it('a list whose cursor does not move fails instead of reading the same page forever', async () => {
    const stuck = { status: 200, body: { entries: [{ uuid: 'cus_1' }], has_more: true, cursor: 'same' } };
    const { client, hostile } = await harness({ rules: [{ name: 'stuck', path: /^\/v1\/customers$/, answer: stuck }] });
    const seen: unknown[] = [];
    const error = await failure((async () => {
      for await (const customer of client.listCustomers('ds_1')) seen.push(customer);
    })());
    expect(error).toMatchObject({ kind: 'protocol' });
    expect(hostile!.hits('stuck')).toBe(2);
  });
});
