// Duplicate prevention: a repeated uniqueness_token within 60 minutes answers 409 with the documented body;
// a token is spent only by a request that succeeded.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Store } from '../../../../src/targets/advanced-billing/sandbox/store.js';
import { customerAttributes } from './catalog-fixture.js';
import { startHarness, type Harness } from './harness.js';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(() => harness.close());

describe('uniqueness_token', () => {
  it('answers 409 to a repeated token and creates nothing the second time', async () => {
    const body = { customer: customerAttributes('token-1'), uniqueness_token: 'b1f0c7a2-token-1' };
    const first = await harness.call('POST', '/customers.json', body);
    expect(first.status).toBe(200);
    const second = await harness.call('POST', '/customers.json', { ...body, customer: customerAttributes('token-1b') });
    expect(second.status).toBe(409);
    expect(second.text).toBe('{"errors":["DuplicatePrevention::DuplicateSubmissionError"]}');
    expect((await harness.call('GET', '/customers/lookup.json?reference=token-1b')).status).toBe(404);
  });

  it('does not spend a token on a refused request', async () => {
    const refused = await harness.call('POST', '/customers.json', { customer: { reference: 'token-2' }, uniqueness_token: 'token-2' }, { invalidRequest: true });
    expect(refused.status).toBe(422);
    const retried = await harness.call('POST', '/customers.json', { customer: customerAttributes('token-2'), uniqueness_token: 'token-2' });
    expect(retried.status).toBe(200);
  });

  it('holds the token across endpoints and for PUT, and lets two concurrent requests with one token create once', async () => {
    const created = await harness.call('POST', '/customers.json', { customer: customerAttributes('token-3'), uniqueness_token: 'token-3' }, { invalidRequest: true });
    const update = await harness.call('PUT', `/customers/${created.body.customer.id}.json`, { customer: { organization: 'x' }, uniqueness_token: 'token-3' }, { invalidRequest: true });
    expect(update.status).toBe(409);
    const racing = await Promise.all(
      [1, 2, 3].map((index) =>
        harness.call('POST', '/customers.json', { customer: customerAttributes(`token-4-${index}`), uniqueness_token: 'token-4' }, { invalidRequest: true }),
      ),
    );
    expect(racing.map((response) => response.status).sort()).toEqual([200, 409, 409]);
  });

  it('forgets a token after 60 minutes', async () => {
    const store = await Store.open();
    const start = Date.UTC(2026, 0, 1);
    store.rememberToken('t', start);
    expect(store.tokenSeen('t', start + 59 * 60_000)).toBe(true);
    expect(store.tokenSeen('t', start + 60 * 60_000)).toBe(false);
    await store.close();
  });
});
