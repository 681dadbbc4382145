// A bounded sweep over every route the sandbox serves with what a careless or hostile client sends: bad
// percent-encodings and hostile query values in paths, request targets no URL parser takes, and bodies
// whose every field (or one field of a valid body at a time) is an out-of-range number, a huge or
// malformed string, or the wrong type. No answer may be a 5xx; each 4xx is JSON in the API's envelope.
import { connect } from 'node:net';
import { beforeAll, describe, expect, it } from 'vitest';
import generated from '../../../../src/targets/advanced-billing/sandbox/request-fields.json' with { type: 'json' };
import { sandboxRoutes } from '../../../../src/targets/advanced-billing/sandbox/index.js';
import type { FieldNode } from '../../../../src/targets/advanced-billing/sandbox/request-fields.js';
import { customerAttributes, sandboxWithCatalog } from './catalog-fixture.js';

const site = sandboxWithCatalog();
let subscriptionId = 0;
beforeAll(async () => {
  const signup = await site.harness.call('POST', '/subscriptions.json', { subscription: { product_handle: 'gold', customer_attributes: customerAttributes('fuzz-base') } });
  expect(signup.status).toBe(201);
  subscriptionId = signup.body.subscription.id;
});

const BAD_SEGMENTS = ['%ZZ', '%FF', '%E0%A4%A', '%', '%00', '..%2F..', 'handle:%C0%AF', '1%2F2', '-1', '99999999999999999999999', 'x'.repeat(4000)];
const HOSTILE_VALUES: unknown[] = [
  100_000_000, -1, 0, 1.5, 1e308, -1e308, 2 ** 53 + 2, '100000000', '-1', '1e8', '9'.repeat(400), 'x'.repeat(20_000), '%ZZ', '\u0000',
  '', null, true, [], {}, '2026-02-31', '9999-12-31', '0001-01-01', '2026-01-01T25:61:00Z', `a@${'.'.repeat(5000)}@`,
];
const HOSTILE_QUERY = '?page=1e308&per_page=-5&reference=%ZZ&handle=%FF&code=%E0%A4&include_archived=%ZZ&ack=%FF&cascade[]=%ZZ&subscription_id=99999999999999999999&direction=%00';
/** The sweep stops here whatever it has left (a bound, not a speed goal). */
const SWEEP_MS = 30_000;

/** Routes that would take away the catalog the sweeps build on (their paths are still swept with bad segments). */
const destroys = (method: string, path: string): boolean => method === 'DELETE' || /clear_data|purge/.test(path);

/**
 * Every answer: below 500, and a 4xx carries the API's `errors` (or `error`) envelope (or is a link page's HTML 404).
 * The one 5xx allowed is the sandbox's deliberate 501 for what it does not implement, in the envelope.
 */
async function expectNoServerError(method: string, path: string, body?: unknown): Promise<void> {
  const response = await fetch(`${site.harness.sandbox.baseUrl}${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  const refused = response.status === 501 && text.includes('The sandbox does not implement');
  expect(refused ? 0 : response.status, `${method} ${path.slice(0, 120)} ${JSON.stringify(body)?.slice(0, 200)}: ${text.slice(0, 200)}`).toBeLessThan(500);
  // The API's envelopes: `errors` (a list or keyed by field), or a single `error` where the spec says so.
  if (response.status >= 400 && (response.headers.get('content-type') ?? '').includes('json')) expect(Object.keys(JSON.parse(text))).toContainEqual(expect.stringMatching(/^errors?$/));
}

/** A path with every placeholder of a route shape filled by `segment`. */
const fill = (shape: string, segment: (index: number) => string): string => {
  let index = 0;
  return shape.replace(/\{[^}]*\}/g, () => segment(index++));
};

/**
 * A body with every field of the request schema set to value; objects below the top wrapped in arrays when
 * `asArrays`. An enumerated field takes its first value: any other is refused before a route reads the body.
 */
function hostileBody(node: FieldNode, value: unknown, asArrays: boolean, depth = 0): unknown {
  if (node === true) return value;
  if (Array.isArray(node)) return node[0];
  const object = Object.fromEntries(Object.entries(node).map(([name, child]) => [name, hostileBody(child, value, asArrays, depth + 1)]));
  return asArrays && depth > 1 ? [object] : object;
}

/** The body with the value at `path` replaced. */
function replaced(body: unknown, path: Array<string | number>, value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path as [string | number, ...Array<string | number>];
  if (Array.isArray(body)) return body.map((item, index) => (index === head ? replaced(item, rest, value) : item));
  return { ...(body as Record<string, unknown>), [head]: replaced((body as Record<string, unknown>)[head], rest, value) };
}

function leafPaths(body: unknown, prefix: Array<string | number> = []): Array<Array<string | number>> {
  if (Array.isArray(body)) return body.flatMap((item, index) => leafPaths(item, [...prefix, index]));
  if (typeof body === 'object' && body !== null) return Object.entries(body).flatMap(([key, value]) => leafPaths(value, [...prefix, key]));
  return [prefix];
}

describe('hostile sweep: no request makes the sandbox answer 5xx', () => {
  it('paths with bad percent-encodings, or hostile query values, on every route', async () => {
    const stop = Date.now() + SWEEP_MS;
    for (const { method, shape } of sandboxRoutes()) {
      // A bad segment names nothing, so even a destructive route is safe to sweep, if it has a segment to fill.
      const paths = shape.includes('{') ? BAD_SEGMENTS.map((bad) => fill(shape, () => bad)) : [];
      if (!destroys(method, shape)) paths.push(`${fill(shape, () => '1')}${HOSTILE_QUERY}`, `${shape.replace(/\.json$/, '')}%FF.json`);
      for (const path of paths) {
        if (Date.now() > stop) return;
        await expectNoServerError(method, path, method === 'GET' ? undefined : {});
      }
    }
  });

  it('request targets that are no URL', async () => {
    const port = site.harness.sandbox.port;
    for (const target of ['http://[x/', 'http://a:99999/customers.json', 'http://%zz/', '*', '/customers.json?%ZZ=%FF', '/%', '//customers.json']) {
      const statusLine = await new Promise<string>((resolve, reject) => {
        const socket = connect(port, '127.0.0.1', () => socket.end(`GET ${target} HTTP/1.1\r\nHost: sandbox\r\nConnection: close\r\n\r\n`));
        let answer = '';
        socket.on('data', (chunk: Buffer) => (answer += chunk.toString('latin1')));
        socket.on('close', () => resolve(answer.split('\r\n')[0] ?? ''));
        socket.on('error', reject);
      });
      // `*` and `//customers.json` are paths no route serves: the sandbox's loud 501, not a failure.
      expect(statusLine, target).toMatch(/^HTTP\/1\.1 ([1-4]\d\d|501) /);
    }
  });

  it('every field of every write operation set to a hostile value', async () => {
    const stop = Date.now() + SWEEP_MS;
    const operations = Object.entries((generated as { operations: Record<string, { fields: FieldNode }> }).operations)
      .filter(([key]) => !destroys(key.slice(0, key.indexOf(' ')), key));
    for (const [key, { fields }] of operations) {
      const [method, template] = key.split(' ') as [string, string];
      const path = template.replace('{resource_type}', 'customers').replace('{subscription_id}', String(subscriptionId)).replace(/\{[^}]*\}/g, '1');
      for (const value of HOSTILE_VALUES) {
        for (const asArrays of [false, true]) {
          if (Date.now() > stop) return;
          await expectNoServerError(method, path, hostileBody(fields, value, asArrays));
        }
      }
    }
  });

  it('one field at a time of valid bodies (so the request gets past validation to dates, prices and quantities)', async () => {
    const stop = Date.now() + SWEEP_MS;
    const { familyId, productId, components } = site.catalog;
    let serial = 0;
    const bases: Array<{ method: string; path: string; body: () => Record<string, unknown> }> = [
      {
        method: 'POST',
        path: '/subscriptions.json',
        body: () => ({
          subscription: {
            product_handle: 'gold',
            customer_attributes: customerAttributes(`fuzz-${(serial += 1)}`),
            next_billing_at: '2027-03-15T12:00:00Z',
            previous_billing_at: '2026-12-01T12:00:00Z',
            net_terms: '30',
            custom_price: { price_in_cents: 1000, interval: 3, interval_unit: 'month' },
            components: [
              { component_id: components.tiered, allocated_quantity: 12 },
              { component_id: components.onOff, enabled: true },
              { component_id: components.perUnit, custom_price: { pricing_scheme: 'per_unit', prices: [{ starting_quantity: 1, unit_price: '2.00' }] } },
            ],
            coupon_codes: ['TEN'],
            metafields: { color: 'blue' },
          },
        }),
      },
      {
        method: 'POST',
        path: `/product_families/${familyId}/products.json`,
        body: () => ({
          product: {
            name: 'Fuzz',
            description: 'A product to fuzz',
            handle: `fuzz-${(serial += 1)}`,
            price_in_cents: 1000,
            interval: 1,
            interval_unit: 'month',
            trial_price_in_cents: 0,
            trial_interval: 14,
            trial_interval_unit: 'day',
            expiration_interval: 12,
            expiration_interval_unit: 'month',
          },
        }),
      },
      {
        method: 'POST',
        path: `/products/${productId}/price_points.json`,
        body: () => ({ price_point: { name: 'Fuzz', handle: `fuzz-${(serial += 1)}`, price_in_cents: 500, interval: 30, interval_unit: 'day', trial_interval: 7, trial_interval_unit: 'day' } }),
      },
      {
        method: 'POST',
        path: `/subscriptions/${subscriptionId}/invoices.json`,
        body: () => ({ invoice: { issue_date: '2026-12-01', net_terms: 30, line_items: [{ title: 'Setup', quantity: '2', unit_price: '10.00', period_range_start: '2026-12-01', period_range_end: '2026-12-31' }] } }),
      },
      {
        method: 'POST',
        path: `/product_families/${familyId}/quantity_based_components.json`,
        body: () => ({
          quantity_based_component: { name: `Fuzz ${(serial += 1)}`, unit_name: 'seat', pricing_scheme: 'tiered', prices: [{ starting_quantity: 1, ending_quantity: 10, unit_price: '5' }, { starting_quantity: 11, unit_price: '4' }] },
        }),
      },
      { method: 'POST', path: `/subscriptions/${subscriptionId}/service_credits.json`, body: () => ({ service_credit: { amount: '10.00', memo: 'Fuzz' } }) },
      { method: 'POST', path: `/subscriptions/${subscriptionId}/prepayments.json`, body: () => ({ prepayment: { amount: 10, details: 'Fuzz', memo: 'Fuzz', method: 'cash' } }) },
      { method: 'POST', path: `/product_families/${familyId}/coupons.json`, body: () => ({ coupon: { name: 'Fuzz', code: `FUZZ${(serial += 1)}`, percentage: '10', end_date: '2027-01-01T00:00:00Z' } }) },
    ];
    for (const base of bases) {
      const valid = await site.harness.call(base.method, base.path, base.body());
      expect(valid.status, `${base.path}: ${JSON.stringify(valid.body)}`).toBeLessThan(300);
      for (const path of leafPaths(base.body())) {
        for (const value of HOSTILE_VALUES) {
          if (Date.now() > stop) return;
          await expectNoServerError(base.method, base.path, replaced(base.body(), path, value));
        }
      }
      // After the sweep the site still answers reads of what it holds.
      await expectNoServerError('GET', `/subscriptions/${subscriptionId}.json`);
      await expectNoServerError('POST', `/subscriptions/${subscriptionId}/renewals/preview.json`);
    }
  });
});
