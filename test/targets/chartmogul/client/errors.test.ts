// What a refusal becomes: ChartMogulError (an ApiError) with ChartMogul's own messages in one sentence,
// `alreadyExists` on the 422s that say so (customers, plans, invoices, data sources), 401 as `auth`
// without a retry, and the API key in no message, log line or wait.
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../../src/targets/advanced-billing/client/api-error.js';
import { ChartMogulError } from '../../../../src/targets/chartmogul/client/index.js';
import { chartMogulMessages } from '../../../../src/targets/chartmogul/client/errors.js';
import { API_KEY, failure, harness } from './setup.js';

const BASIC = Buffer.from(`${API_KEY}:`).toString('base64');

function expectNoKey(...texts: string[]): void {
  for (const text of texts) {
    expect(text).not.toContain(API_KEY);
    expect(text).not.toContain(BASIC);
  }
}

describe('already exists', () => {
  it('marks a second customer, plan, invoice and data source with the same identity, and only those', async () => {
    const { client } = await harness();
    const ds = await client.createDataSource('Migrate');
    const customer = { data_source_uuid: ds.uuid, external_id: 'C-1' };
    const uuid = String((await client.createCustomer(customer)).uuid);
    const plan = { data_source_uuid: ds.uuid, external_id: 'gold', name: 'Gold', interval_count: 1, interval_unit: 'month' };
    await client.createPlan(plan);
    const invoice = { external_id: 'INV-1', date: '2026-02-01', currency: 'USD', line_items: [{ type: 'one_time', amount_in_cents: 100 }] };
    await client.importInvoice(uuid, invoice);

    const refusals = await Promise.all([
      failure(client.createCustomer(customer)),
      failure(client.createPlan(plan)),
      failure(client.importInvoice(uuid, invoice)),
      failure(client.createDataSource('Migrate')),
    ]);
    for (const error of refusals) {
      expect(error).toBeInstanceOf(ChartMogulError);
      expect(error).toMatchObject({ kind: 'validation', status: 422, alreadyExists: true, rowLevel: true });
    }
    expect(refusals.map((error) => error.message)).toEqual([
      'POST /v1/customers answered 422: external_id: The external ID for this customer already exists in our system.',
      'POST /v1/plans answered 422: external_id: A plan with this identifier already exists in our system.',
      `POST /v1/import/customers/${uuid}/invoices answered 422: invoice INV-1: external_id: The external ID for this invoice already exists in our system.`,
      'POST /v1/data_sources answered 422: name: Has already been taken.',
    ]);

    const other = await failure(client.createPlan({ data_source_uuid: ds.uuid, external_id: 'x', name: 'X', interval_unit: 'week' }));
    expect(other).toMatchObject({ status: 422, alreadyExists: false });
    expect(other.message).toBe('POST /v1/plans answered 422: interval_unit: The interval unit must be one of day, month or year.');
  });
});

describe('error bodies', () => {
  it.each([
    { shape: '{code, message, param}', body: { code: 404, message: 'Customer not found: cus_1', param: null }, messages: ['Customer not found: cus_1'] },
    { shape: '{error}', body: { error: 'Plan not found' }, messages: ['Plan not found'] },
    { shape: '{errors: {field: message}}', body: { errors: { name: 'A name is required for each data source.' } }, messages: ['name: A name is required for each data source.'] },
    {
      shape: 'an import refused: only the invoices with errors, each named',
      body: { invoices: [{ external_id: 'A', errors: {} }, { external_id: 'B', errors: { date: 'date is required.', currency: 'currency is required.' } }] },
      messages: ['invoice B: date is required.', 'invoice B: currency is required.'],
    },
    { shape: 'plain text', body: undefined, text: 'Bad Gateway', messages: ['Bad Gateway'] },
  ])('reads $shape', ({ body, text, messages }) => {
    expect(chartMogulMessages(body, text ?? JSON.stringify(body))).toEqual(messages);
  });
});

describe('authentication and the key', () => {
  it('a wrong key is an auth error at once, not retried, and neither key shows anywhere', async () => {
    const wrongKey = 'wrong-cm-key-9876543210';
    const { client, lines, waits } = await harness({ apiKey: wrongKey });
    const error = await failure(client.ping());
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ kind: 'auth', status: 401, rowLevel: false });
    expect(error.message).toBe('GET /v1/ping answered 401: No valid API key provided.');
    expect(lines).toHaveLength(1);
    expect(waits).toEqual([]);
    const everything = [error.message, String(error.stack), JSON.stringify(error), ...lines];
    expectNoKey(...everything);
    for (const text of everything) expect(text).not.toContain(wrongKey);
  });

  it('keeps the key out of debug logs, waits and errors, even when an answer echoes it back', async () => {
    const { client, lines, waits } = await harness({
      client: { debug: true },
      rules: [
        { name: 'echo', method: 'POST', path: /^\/v1\/plans$/, answer: { status: 422, body: { errors: { external_id: `key ${API_KEY} and ${BASIC} refused` } } } },
        { name: 'busy', method: 'GET', path: /^\/v1\/account$/, answer: (_request, n) => (n === 0 ? { status: 503, body: { code: 503, message: API_KEY, param: null } } : 'pass') },
      ],
    });
    await client.readAccount();
    const ds = await client.createDataSource('Migrate');
    const error = await failure(client.createPlan({ data_source_uuid: ds.uuid, name: API_KEY }));
    expect(error.message).toContain('external_id: key ****6789 and ****');
    expect(lines.some((line) => line.startsWith('POST /v1/plans > '))).toBe(true);
    expect(waits).toHaveLength(1);
    expectNoKey(error.message, String(error.stack), JSON.stringify(error), ...lines, JSON.stringify(waits));
  });
});
