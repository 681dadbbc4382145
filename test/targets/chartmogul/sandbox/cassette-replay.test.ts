// Replays ChartMogul's recorded interactions (its Ruby client's VCR cassettes) against the emulator, one
// fresh emulator per cassette, for every endpoint it serves: same status code, same body shape (keys and
// JSON types). Ids and cursors of the recording are mapped to the emulator's as its answers reveal them;
// objects a cassette takes as already there (its account's customers, plans, invoices) are created first.
import { afterEach, describe, expect, it } from 'vitest';
import { startChartMogulSandbox, type RunningChartMogulSandbox } from '../../../../src/targets/chartmogul/sandbox/index.js';
import { cassettesAvailable, cassetteSkipReason, loadCassettes, shapeDifferences, type Interaction } from './cassettes.js';

const KEY = 'replay-key';

/** What the emulator serves, as METHOD and path shape ({} for an id). */
const SERVED = new Set([
  'GET /v1/ping',
  'GET /v1/account',
  'POST /v1/data_sources',
  'GET /v1/data_sources',
  'GET /v1/data_sources/{}',
  'DELETE /v1/data_sources/{}',
  'POST /v1/customers',
  'GET /v1/customers',
  'GET /v1/customers/search',
  'GET /v1/customers/{}',
  'PATCH /v1/customers/{}',
  'DELETE /v1/customers/{}',
  'GET /v1/customers/{}/attributes',
  'POST /v1/customers/{}/attributes/tags',
  'DELETE /v1/customers/{}/attributes/tags',
  'POST /v1/customers/{}/attributes/custom',
  'PUT /v1/customers/{}/attributes/custom',
  'DELETE /v1/customers/{}/attributes/custom',
  'GET /v1/customers/{}/subscriptions',
  'POST /v1/customers/merges',
  'POST /v1/plans',
  'GET /v1/plans',
  'GET /v1/plans/{}',
  'PATCH /v1/plans/{}',
  'DELETE /v1/plans/{}',
  'POST /v1/import/customers/{}/invoices',
  'GET /v1/import/customers/{}/invoices',
  'GET /v1/import/customers/{}/subscriptions',
  'GET /v1/invoices',
  'GET /v1/invoices/{}',
  'DELETE /v1/invoices/{}',
  'DELETE /v1/data_sources/{}/customers/{}/invoices',
  'POST /v1/import/invoices/{}/transactions',
  'PATCH /v1/import/subscriptions/{}',
]);

/** Recorded but not served (docs/sandbox-chartmogul.md lists them); the test fails when this list goes stale. */
const NOT_SERVED = [
  'DELETE /v1/subscription_events',
  'GET /v1/contacts',
  'GET /v1/customer_notes',
  'GET /v1/opportunities',
  'GET /v1/subscription_events',
  'GET /v1/tasks',
  'PATCH /v1/subscription_events',
  'POST /v1/contacts',
  'POST /v1/customer_notes',
  'POST /v1/customers/attributes/custom',
  'POST /v1/customers/attributes/tags',
  'POST /v1/customers/unmerges',
  'POST /v1/customers/{}/connect_subscriptions',
  'POST /v1/customers/{}/disconnect_subscriptions',
  'POST /v1/opportunities',
  'POST /v1/subscription_events',
  'POST /v1/tasks',
];

const ID = /\b(?:ds|cus|pl|inv|sub|li|tr)_[0-9a-f-]{8,}\b/g;

function shapeOf(interaction: Interaction): string {
  const path = interaction.target.split('?')[0]!;
  return `${interaction.method} ${path
    .split('/')
    .map((segment) => (segment !== 'v1' && /\d/.test(segment) ? '{}' : segment))
    .join('/')}`;
}

/** One cassette's replay: the emulator, and what the recording's ids and cursors are there. */
class Replay {
  readonly ids = new Map<string, string>();
  readonly cursors = new Map<string, string>();
  private seedDataSource: string | undefined;
  private seeds = 0;

  constructor(private readonly sandbox: RunningChartMogulSandbox) {}

  async call(method: string, target: string, body?: unknown, key = KEY): Promise<{ status: number; body: unknown }> {
    const response = await fetch(`${this.sandbox.baseUrl}${target}`, {
      method,
      headers: { authorization: `Basic ${Buffer.from(`${key}:`).toString('base64')}`, 'content-type': 'application/json' },
      ...(body === undefined || method === 'GET' ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    });
    const text = await response.text();
    return { status: response.status, body: text === '' ? undefined : JSON.parse(text) };
  }

  private async created(method: string, target: string, body: unknown): Promise<any> {
    const answer = await this.call(method, target, body);
    if (answer.status >= 300) throw new Error(`seeding ${method} ${target} answered ${answer.status} ${JSON.stringify(answer.body)}`);
    return answer.body;
  }

  private async dataSource(): Promise<string> {
    this.seedDataSource ??= (await this.created('POST', '/v1/data_sources', { name: 'Replay seed' })).uuid as string;
    return this.seedDataSource;
  }

  async customer(fields: Record<string, unknown> = {}): Promise<string> {
    this.seeds += 1;
    const body = { data_source_uuid: await this.dataSource(), external_id: `seed-${this.seeds}`, name: 'Seed', email: `seed-${this.seeds}@example.com`, attributes: { tags: ['seed'] }, ...fields };
    return (await this.created('POST', '/v1/customers', body)).uuid as string;
  }

  async plan(): Promise<string> {
    this.seeds += 1;
    return (await this.created('POST', '/v1/plans', { data_source_uuid: await this.dataSource(), name: `Seed ${this.seeds}`, interval_count: 1, interval_unit: 'month' })).uuid as string;
  }

  /** An invoice with a subscription line item (a new subscription each time) for the customer. */
  async invoice(customer: string): Promise<string> {
    const plan = await this.plan();
    this.seeds += 1;
    const invoice = {
      external_id: `seed-inv-${this.seeds}`,
      date: '2026-01-01',
      currency: 'USD',
      line_items: [{ type: 'subscription', subscription_external_id: `seed-sub-${this.seeds}`, plan_uuid: plan, service_period_start: '2026-01-01', service_period_end: '2026-02-01', amount_in_cents: 1000, quantity: 1 }],
      transactions: [{ type: 'payment', date: '2026-01-01', result: 'successful' }],
    };
    return (await this.created('POST', `/v1/import/customers/${customer}/invoices`, { invoices: [invoice] })).invoices[0].uuid as string;
  }

  /** The emulator's id for a recorded one, creating an object of its kind when the cassette took it as there. */
  async id(recorded: string): Promise<string> {
    const known = this.ids.get(recorded);
    if (known !== undefined) return known;
    const prefix = recorded.split('_')[0];
    const made =
      prefix === 'ds' ? (await this.created('POST', '/v1/data_sources', { name: `Seed ${recorded}` })).uuid
      : prefix === 'cus' ? await this.customer()
      : prefix === 'pl' ? await this.plan()
      : prefix === 'inv' ? await this.invoice(await this.customer())
      : recorded;
    this.ids.set(recorded, made);
    return made;
  }

  /** Creates what a list the recording answered non-empty needs to be non-empty here too. */
  async seedFor(interaction: Interaction, recorded: any): Promise<void> {
    const [path, search = ''] = interaction.target.split('?') as [string, string?];
    const query = new URLSearchParams(search);
    const paged = query.has('per_page');
    const count = paged ? 3 : 1;
    const listOf = (key: string): unknown[] => (Array.isArray(recorded?.[key]) ? recorded[key] : []);
    if (interaction.method !== 'GET' || interaction.status !== 200) return;
    if (path === '/v1/customers' && listOf('entries').length > 0) {
      const externalId = query.get('external_id');
      if (externalId !== null) await this.customer({ external_id: externalId });
      else for (let index = 0; index < count; index += 1) await this.customer();
    } else if (path === '/v1/customers/search') {
      for (let index = 0; index < count; index += 1) await this.customer({ email: query.get('email') });
    } else if (path === '/v1/plans' && listOf('plans').length > 0) {
      for (let index = 0; index < count; index += 1) await this.plan();
    } else if (path === '/v1/invoices' && listOf('invoices').length > 0) {
      const customer = await this.customer();
      for (let index = 0; index < count; index += 1) await this.invoice(customer);
    } else if (path === '/v1/data_sources' && listOf('data_sources').length > 0) {
      await this.dataSource();
    } else {
      const customerList = /^\/v1\/(?:import\/)?customers\/([^/]+)\/(invoices|subscriptions)$/.exec(path);
      const items = listOf('invoices').length + listOf('subscriptions').length + listOf('entries').length;
      if (customerList && items > 0 && !query.has('cursor')) {
        const customer = await this.id(customerList[1]!);
        for (let index = 0; index < (paged ? 2 : 1); index += 1) await this.invoice(customer);
      }
    }
  }

  /** The recorded target and body with the recording's ids and cursors replaced by the emulator's. */
  async translate(interaction: Interaction): Promise<{ target: string; body: string }> {
    let target = interaction.target;
    let body = interaction.requestBody;
    for (const recorded of new Set([...target.matchAll(ID), ...body.matchAll(ID)].map((match) => match[0]))) {
      const mine = await this.id(recorded);
      target = target.split(recorded).join(mine);
      body = body.split(recorded).join(mine);
    }
    const [path, search] = target.split('?') as [string, string?];
    if (search !== undefined) {
      const query = new URLSearchParams(search);
      const cursor = query.get('cursor');
      if (cursor !== null) query.set('cursor', this.cursors.get(cursor) ?? cursor);
      target = `${path}?${query.toString()}`;
    }
    return { target, body };
  }

  /** Learns the emulator's ids and cursors for the recording's from an answer of the same shape. */
  learn(recorded: unknown, actual: unknown, key = ''): void {
    if (typeof recorded === 'string' && typeof actual === 'string') {
      if (key === 'cursor') this.cursors.set(recorded, actual);
      else if (new RegExp(`^${ID.source}$`).test(recorded) && !this.ids.has(recorded)) this.ids.set(recorded, actual);
    } else if (Array.isArray(recorded) && Array.isArray(actual)) {
      recorded.forEach((item, index) => this.learn(item, actual[index], key));
    } else if (recorded !== null && actual !== null && typeof recorded === 'object' && typeof actual === 'object') {
      for (const [field, value] of Object.entries(recorded)) this.learn(value, (actual as Record<string, unknown>)[field], field);
    }
  }
}

const cassettes = cassettesAvailable ? loadCassettes() : [];
let sandbox: RunningChartMogulSandbox | undefined;

afterEach(async () => {
  await sandbox?.close();
  sandbox = undefined;
});

describe.skipIf(!cassettesAvailable)(`ChartMogul's recorded interactions replayed against the emulator${cassettesAvailable ? '' : ` (skipped: ${cassetteSkipReason})`}`, () => {
  it('lists every recorded endpoint as served or not served', () => {
    const recorded = new Set(cassettes.flatMap((cassette) => cassette.interactions.map(shapeOf)));
    const unserved = [...recorded].filter((shape) => !SERVED.has(shape)).sort();
    expect(unserved).toEqual([...NOT_SERVED].sort());
  });

  for (const cassette of cassettes) {
    const served = cassette.interactions.filter((interaction) => SERVED.has(shapeOf(interaction)) && interaction.status < 500);
    if (served.length === 0) continue;
    it(cassette.name, async () => {
      sandbox = await startChartMogulSandbox({ apiKey: KEY, now: () => new Date('2026-03-01T12:00:00Z') });
      const replay = new Replay(sandbox);
      const problems: string[] = [];
      for (const interaction of cassette.interactions) {
        // Steps the emulator does not serve are skipped; the ones after them still run.
        if (!SERVED.has(shapeOf(interaction)) || interaction.status >= 500) continue;
        const recorded = interaction.responseBody === '' ? undefined : JSON.parse(interaction.responseBody);
        await replay.seedFor(interaction, recorded);
        const { target, body } = await replay.translate(interaction);
        // A recorded 401 was made with a wrong key.
        const answer = await replay.call(interaction.method, target, body === '' ? undefined : body, interaction.status === 401 ? 'wrong-key' : KEY);
        const where = `${interaction.method} ${interaction.target}`;
        if (answer.status !== interaction.status) problems.push(`${where}: recorded ${interaction.status}, answered ${answer.status} ${JSON.stringify(answer.body)}`);
        else problems.push(...shapeDifferences(recorded, answer.body).map((difference) => `${where}: ${difference}`));
        replay.learn(recorded, answer.body);
      }
      expect(problems).toEqual([]);
    });
  }
});
