// Chaos, bounded: the built CLI is killed with SIGKILL at random moments while the sandbox answers some
// requests 500/502/503 and drops the answers of some committed writes; each time the same command is run
// again. The site must end exactly as a clean import of the same files leaves a fresh site: every object
// once (customers, subscriptions, payment profiles, catalog, invoices, service credits, prepayments),
// none missing, and the last run exits 0.
import { cp, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../src/targets/advanced-billing/sandbox/index.js';
import { createTarget } from '../../src/targets/index.js';
import { all as collect } from '../erase/harness.js';
import { projectRoot } from '../cli/run-cli.js';
import { withTempDir } from '../helpers/temp-dir.js';
import { AS_OF, NEXT_BILLING_AT, subscriptionsCsv } from './import-data.js';
import { journalLines, runCli } from './run-cli.js';

const GENERATED_ROWS = 40;
const CHAOS_BUDGET_MS = 60_000;

/** What the site holds, by natural keys and counts, in an order that does not depend on creation order. */
async function siteContents(sandbox: RunningSandbox): Promise<Record<string, unknown>> {
  const target = createTarget({ name: 'check', baseUrl: sandbox.baseUrl });
  const api = target.api;
  try {
    const customers = await collect(api.listCustomers());
    const subscriptions = await collect(api.listSubscriptions());
    const products = await collect(api.listProducts());
    const components = await collect(api.listComponents());
    const profiles: string[] = [];
    for (const customer of customers) {
      for (const profile of await api.listPaymentProfiles(Number(customer.id))) profiles.push(`${String(customer.reference)}:${String(profile.payment_type)}:${String(profile.masked_card_number ?? profile.masked_bank_account_number ?? '')}`);
    }
    const balances: string[] = [];
    for (const subscription of subscriptions) {
      const prepayments = await api.listPrepayments(Number(subscription.id));
      balances.push(`${String(subscription.reference ?? (subscription.customer as { reference?: string }).reference)}: credit ${String(subscription.credit_balance_in_cents)} · prepayments ${prepayments.map((p) => String(p.amount_in_cents)).join('+')}`);
    }
    const pricePoints: string[] = [];
    for (const product of products) for await (const point of api.listProductPricePoints(Number(product.id))) pricePoints.push(`${String(product.handle)}/${String(point.handle)}`);
    for (const component of components) for await (const point of api.listComponentPricePoints(Number(component.id))) pricePoints.push(`${String(component.handle)}/${String(point.handle)}`);
    const sorted = (values: unknown[]): string[] => values.map(String).sort();
    return {
      families: sorted((await collect(api.listProductFamilies())).map((family) => family.handle)),
      products: sorted(products.map((product) => product.handle)),
      components: sorted(components.map((component) => component.handle)),
      pricePoints: sorted(pricePoints),
      coupons: sorted((await collect(api.listCoupons())).map((coupon) => coupon.code)),
      customers: sorted(customers.map((customer) => customer.reference)),
      paymentProfiles: sorted(profiles),
      subscriptions: subscriptions.length,
      balances: sorted(balances),
      invoices: (await collect(api.listInvoices())).length,
    };
  } finally {
    await target.close();
  }
}

/** The sample templates plus generated subscription rows (on the sample's `basic` product) carrying both kinds of balance. */
async function withProject<T>(baseUrl: string, fn: (dir: string) => Promise<T>): Promise<T> {
  const subscriptions = subscriptionsCsv(GENERATED_ROWS, [], NEXT_BILLING_AT, { service_credit_balance: '12.50', prepayment_balance: '7.25' });
  return withTempDir({ 'gen/gen-subs.csv': subscriptions }, async (dir) => {
    await cp(join(projectRoot, 'fixtures', 'sample'), join(dir, 'sample'), { recursive: true });
    await writeFile(join(dir, '.migraterc.json'), JSON.stringify({ sites: { test: { baseUrl } } }));
    return fn(dir);
  });
}

/** The rows a JSON import report marks error, for a failure's message. */
function errorRows(stdout: string): string {
  try {
    const rows = (JSON.parse(stdout) as { rows: Array<{ status: string }> }).rows;
    return JSON.stringify(rows.filter((row) => row.status === 'error'));
  } catch {
    return stdout.slice(0, 2000);
  }
}

const ARGS = ['test-import', 'sample', 'gen', '--as-of', AS_OF, '--format', 'json'];

describe('chaos: kill -9 under 5xx answers and dropped answers', () => {
  it('ends with every object on the site exactly once, as a clean import leaves it', async () => {
    const clean = await startSandbox({});
    let expected: Record<string, unknown>;
    try {
      await withProject(clean.baseUrl, async (dir) => {
        const exit = await runCli(dir, ARGS);
        expect(exit.code, exit.stderr + errorRows(exit.stdout)).toBe(0);
      });
      expected = await siteContents(clean);
    } finally {
      await clean.close();
    }
    expect(expected.subscriptions).toBeGreaterThan(GENERATED_ROWS);

    const chaotic = await startSandbox({ latency: { ms: 5, jitterMs: 5 }, faults: { errorRate: 0.03, dropAfterCommit: 0.05 } });
    try {
      await withProject(chaotic.baseUrl, async (dir) => {
        let seed = 20261206;
        const random = (): number => (seed = (seed * 48271) % 2147483647) / 2147483647;
        const started = Date.now();
        let kills = 0;
        for (let attempt = 0; attempt < 10 && Date.now() - started < CHAOS_BUDGET_MS; attempt += 1) {
          const before = await journalLines(dir);
          const lines = 2 + Math.floor(random() * 30);
          const launched = Date.now();
          const after = 50 + Math.floor(random() * 1500);
          // Mostly after a random number of new journal lines (between an intent and its outcome); every
          // third kill at a random time, startup and result writing included.
          const killWhen = attempt % 3 === 2 ? async () => Date.now() - launched > after : async () => (await journalLines(dir)) >= before + lines;
          const exit = await runCli(dir, ARGS, { when: killWhen, signal: 'SIGKILL' });
          if (exit.signal === 'SIGKILL') kills += 1;
        }
        expect(kills).toBeGreaterThanOrEqual(4);
        // Faults stay on for the last run too: it must finish the work on its own.
        const final = await runCli(dir, ARGS);
        expect(final.code, final.stderr + errorRows(final.stdout)).toBe(0);
        const document = JSON.parse(final.stdout) as { summary: { error: number; pending: number } };
        expect(document.summary).toMatchObject({ error: 0, pending: 0 });
        process.stderr.write(`chaos test: ${kills} kills in ${Math.round((Date.now() - started) / 1000)} s\n`);
      });
      chaotic.setFaults({});
      expect(await siteContents(chaotic)).toEqual(expected);
    } finally {
      await chaotic.close();
    }
  }, 150_000);
});
