// Every kind's valid fixture (fixtures/kinds/<kind>/valid.csv, which validation passes clean) maps
// without a row error, every row that asks for an object yields its steps, and together they import
// into the sandbox with spec-valid requests.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { startSandbox } from '../../../../src/targets/advanced-billing/sandbox/index.js';
import { ChargifyClient } from '../../../../src/targets/advanced-billing/client/client.js';
import { recordRequests } from '../../helpers/record-requests.js';
import { type HandledOperation, mapRows, rowsOf, runSteps } from './harness.js';
import { contract } from './spec-check.js';

const KINDS = fileURLToPath(new URL('../../../../fixtures/kinds/', import.meta.url));
const kinds = existsSync(KINDS) ? readdirSync(KINDS).filter((kind) => existsSync(`${KINDS}${kind}/valid.csv`)).sort() : [];

/** The cell that says whether a row asks for an object, per kind (catalog rows: a name is present). */
const ENABLED_BY: Record<string, (values: Record<string, string>) => boolean> = {
  'customers-advanced': (values) => values.create_customer?.trim().toUpperCase() === 'TRUE',
  invoices: (values) => values.create_invoice?.trim().toUpperCase() === 'TRUE' || (values.name ?? '').trim() !== '',
};
const enabled = (kind: string, values: Record<string, string>) =>
  (ENABLED_BY[kind] ?? (kind.startsWith('subscriptions-') ? (v: Record<string, string>) => v.create_subscription?.trim().toUpperCase() === 'TRUE' : () => true))(values);

describe('valid fixtures of every kind', () => {
  it.skipIf(kinds.length === 0)('exist (fixtures/kinds/*/valid.csv)', () => {
    expect(kinds.length).toBeGreaterThanOrEqual(11);
  });

  it.each(kinds)('%s: every row maps onto its objects', (kind) => {
    const rows = rowsOf(kind, readFileSync(`${KINDS}${kind}/valid.csv`, 'utf8'), `${kind}/valid.csv`);
    const mapped = mapRows(rows);
    expect(mapped.filter((entry) => entry.error).map((entry) => `row ${entry.row.row}: ${entry.error!.message}`)).toEqual([]);
    for (const entry of mapped) {
      if (enabled(kind, entry.row.values)) expect(entry.steps.length, `row ${entry.row.row}`).toBeGreaterThan(0);
      for (const step of entry.steps) expect(step.naturalKey).toMatch(/^[a-z_]+:.+/);
    }
  });
});

/** Plan order. EBB segments stay out: that fixture's `api-calls` is a metered component in components/valid.csv, and the site refuses segments on it. */
const IMPORT_ORDER = ['product-families', 'products', 'components', 'coupons', 'customers-advanced', 'subscriptions-standard', 'subscriptions-standard-custom-pricing', 'subscriptions-advanced', 'subscriptions-advanced-custom-pricing', 'invoices'];

describe('valid fixtures imported together', () => {
  it.skipIf(!IMPORT_ORDER.every((kind) => kinds.includes(kind)))('create every object in the sandbox with spec-valid requests', async () => {
    const sandbox = await startSandbox({ port: 0, host: '127.0.0.1' });
    const client = new ChargifyClient({ name: 'kinds', baseUrl: sandbox.baseUrl }, { backoffBaseMs: 5, throttlePauseMs: 5, backoffMaxMs: 50 });
    const recorder = recordRequests();
    try {
      const steps: HandledOperation[] = [];
      const seen = new Set<string>();
      for (const kind of IMPORT_ORDER) {
        for (const entry of mapRows(rowsOf(kind, readFileSync(`${KINDS}${kind}/valid.csv`, 'utf8')))) {
          for (const step of entry.steps) if (!seen.has(step.naturalKey) && seen.add(step.naturalKey)) steps.push(step);
        }
      }
      const outcomes = await runSteps(client, steps);
      expect(outcomes.size).toBe(steps.length);
      const spec = contract();
      if (spec) expect(recorder.requests.filter((request) => request.method !== 'GET').flatMap((request) => spec.problems(request.method, request.path, request.body))).toEqual([]);
    } finally {
      recorder.stop();
      await client.close();
      await sandbox.close();
    }
  });
});
