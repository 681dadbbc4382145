// Every query parameter the spec declares for a served operation is either implemented or refused (501),
// list page sizes are the spec's defaults, and a refused parameter or an unknown path is answered 501.
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { queryParameters } from '../../../../src/targets/advanced-billing/sandbox/query-parameters.js';
import { refusedBodyFields } from '../../../../src/targets/advanced-billing/sandbox/refused-fields.js';
import generated from '../../../../src/targets/advanced-billing/sandbox/request-fields.json' with { type: 'json' };
import type { FieldNode } from '../../../../src/targets/advanced-billing/sandbox/request-fields.js';
import { specAvailable } from './contract.js';
import { startHarness, type Harness } from './harness.js';
import { loadSpec, servedOperations, specQueryParameters } from './spec-operations.js';

describe.skipIf(!specAvailable)('query parameters against the spec', () => {
  const spec = loadSpec();

  it('every spec query parameter of a served operation is implemented or refused, and the table names no other', () => {
    const gaps: string[] = [];
    for (const served of servedOperations(spec)) {
      const { key } = served;
      const declared = specQueryParameters(spec, served);
      const entry = queryParameters[key] ?? { implemented: [], refused: [] };
      for (const name of declared.keys()) if (!entry.implemented.includes(name) && !entry.refused.includes(name)) gaps.push(`${key}: ${name} neither implemented nor refused`);
      for (const name of [...entry.implemented, ...entry.refused]) if (!declared.has(name)) gaps.push(`${key}: ${name} is not a spec parameter`);
    }
    for (const key of Object.keys(queryParameters)) if (!servedOperations(spec).some((operation) => operation.key === key)) gaps.push(`${key}: not a served spec operation`);
    expect(gaps).toEqual([]);
  });

  it('every list whose spec gives a per_page default other than 20 has it in the table', () => {
    const wrong: string[] = [];
    for (const served of servedOperations(spec)) {
      const { key } = served;
      const declared = specQueryParameters(spec, served).get('per_page');
      const tabled = queryParameters[key]?.perPage ?? 20;
      if (declared !== undefined && declared !== tabled) wrong.push(`${key}: spec ${String(declared)}, sandbox ${tabled}`);
    }
    expect(wrong).toEqual([]);
  });
});

describe('the body fields the sandbox refuses', () => {
  it('are each a field of the operation’s request schema (request-fields.json, generated from the spec)', () => {
    const operations = (generated as unknown as { operations: Record<string, { fields: FieldNode }> }).operations;
    const unknown = Object.entries(refusedBodyFields).flatMap(([key, paths]) =>
      paths.filter((path) => {
        let node: FieldNode | undefined = operations[key]?.fields;
        for (const name of path.split('.')) node = node === undefined || node === true ? undefined : node[name];
        return node === undefined;
      }).map((path) => `${key}: ${path}`),
    );
    expect(unknown).toEqual([]);
  });
});

describe('docs/sandbox.md, "Not implemented"', () => {
  /** The doc's list, one line per operation: `` - `GET /coupons.json`: `currency_prices`, … `` (` body:` for body fields). */
  function documented(): Map<string, string[]> {
    const doc = readFileSync(new URL('../../../../docs/sandbox.md', import.meta.url), 'utf8');
    const section = doc.split(/^## Not implemented$/m)[1]?.split(/^## /m)[0] ?? '';
    const lines = new Map<string, string[]>();
    for (const match of section.matchAll(/^ {2}- `([A-Z]+ [^`]+)`( body)?: (.+)$/gm)) {
      lines.set(`${match[1]!}${match[2] ?? ''}`, [...match[3]!.matchAll(/`([^`]+)`/g)].map((name) => name[1]!));
    }
    return lines;
  }

  it('lists exactly the query parameters and body fields the sandbox answers 501, by operation', () => {
    const tables = new Map<string, string[]>([
      ...Object.entries(queryParameters).flatMap(([key, entry]) => (entry.refused.length > 0 ? [[key, entry.refused] as [string, string[]]] : [])),
      ...Object.entries(refusedBodyFields).map(([key, fields]) => [`${key} body`, fields] as [string, string[]]),
    ]);
    const doc = documented();
    expect(doc.size).toBeGreaterThan(0);
    expect(Object.fromEntries([...doc].map(([key, names]) => [key, [...names].sort()]))).toEqual(Object.fromEntries([...tables].map(([key, names]) => [key, [...names].sort()])));
  });
});

describe('what the sandbox does not implement', () => {
  let harness: Harness | undefined;
  afterEach(async () => {
    await harness?.close();
    harness = undefined;
  });

  it('answers 501 in the errors envelope, and logs one line, for a refused parameter and an unknown path', async () => {
    const lines: string[] = [];
    harness = await startHarness({ log: (line) => lines.push(line) });
    for (const [path, parameter] of [
      ['/invoices.json?number=7', 'parameter number of GET /invoices.json'],
      ['/coupons.json?filter[codes]=A', 'parameter filter[codes] of GET /coupons.json'],
      ['/nothing.json', 'GET /nothing.json'],
    ] as const) {
      const response = await harness.call('GET', path);
      expect(response.status, path).toBe(501);
      expect(response.body.errors).toEqual([expect.stringContaining(parameter)]);
      expect(response.body.errors[0]).toContain('docs/sandbox.md');
    }
    await harness.call('GET', '/invoices.json?number=8');
    expect(lines).toHaveLength(3);
    // A value a route refuses itself is logged too.
    expect((await harness.call('GET', '/customers.json?date_field=created_at&start_date=2026-01-01')).status).toBe(200);
    expect((await harness.call('GET', '/customers.json?start_date=2026-01-01')).status).toBe(501);
    expect(lines[3]).toMatch(/^sandbox: GET \/customers\.json: answered 501: .*without date_field/);
    expect(lines[0]).toMatch(/^sandbox: GET \/invoices\.json: answered 501: /);
  });

  it('ignores a parameter the spec does not declare for the operation, as a real site does', async () => {
    harness = await startHarness();
    expect((await harness.call('GET', '/invoices.json?colour=red')).status).toBe(200);
  });

  it('answers lists with the spec default page size: customers 50, coupons 30, product price points 10', async () => {
    harness = await startHarness();
    const family = (await harness.call('POST', '/product_families.json', { product_family: { name: 'Acme' } })).body.product_family.id as number;
    const product = (
      await harness.call('POST', `/product_families/${family}/products.json`, {
        product: { name: 'Gold', handle: 'gold', description: '', price_in_cents: 1000, interval: 1, interval_unit: 'month' },
      })
    ).body.product.id as number;
    for (let index = 0; index < 55; index += 1) {
      await harness.call('POST', '/customers.json', { customer: { first_name: 'A', last_name: `B${index}`, email: `a${index}@example.com` } });
      if (index < 35) await harness.call('POST', `/product_families/${family}/coupons.json`, { coupon: { name: `C${index}`, code: `CODE${index}`, percentage: 10 } });
      if (index < 15) {
        await harness.call('POST', `/products/${product}/price_points.json`, { price_point: { name: `P${index}`, price_in_cents: 100 + index, interval: 1, interval_unit: 'month' } });
      }
    }
    expect((await harness.call('GET', '/customers.json')).body).toHaveLength(50);
    expect((await harness.call('GET', '/coupons.json')).body).toHaveLength(30);
    expect((await harness.call('GET', `/products/${product}/price_points.json`)).body.price_points).toHaveLength(10);
    expect((await harness.call('GET', '/customers.json?per_page=20')).body).toHaveLength(20);
  });
});
