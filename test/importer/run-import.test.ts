// One import run against the sandbox through the real client: faults (5xx, 429, commits whose answer
// is lost) still end with exactly one object per row; open intents are reconciled before anything else.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startSandbox, type FaultSpec } from '../../src/targets/advanced-billing/sandbox/index.js';
import { openJournal } from '../../src/state/journal.js';
import { siteIdentityOf } from '../../src/state/site-identity.js';
import { createTarget } from '../../src/targets/index.js';
import type { Target } from '../../src/targets/target.js';
import { catalogFiles, subscriptionsCsv } from '../e2e/import-data.js';
import { all, importFiles } from '../erase/harness.js';
import { withTempDir } from '../helpers/temp-dir.js';

function importOnce(dir: string, target: Target) {
  return importFiles(dir, ['product-families.csv', 'products.csv', 'subs.csv'].map((name) => join(dir, 'data', name)), target);
}

describe('runImport against a faulty site', () => {
  it.each<[string, FaultSpec]>([
    ['5xx and 429 answers', { errorRate: 0.15, rateLimitRate: 0.1 }],
    ['commits whose answer is dropped or stalls past the timeout', { dropAfterCommit: 0.2, stallAfterCommit: 0.05, stallMs: 1500 }],
  ])('%s: every row imported exactly once', async (_name, faults) => {
    const sandbox = await startSandbox({ latency: { ms: 5, jitterMs: 5 }, faults });
    const target = createTarget({ name: 'test', baseUrl: sandbox.baseUrl }, { backoffBaseMs: 20, throttlePauseMs: 20, backoffMaxMs: 200, retryAfterMaxMs: 100, timeoutMs: 1000, maxRetries: 10 });
    try {
      await withTempDir({ ...catalogFiles(), 'data/subs.csv': subscriptionsCsv(25) }, async (dir) => {
        const result = await importOnce(dir, target);
        expect(result.fatal).toBeUndefined();
        expect(result.document.summary).toMatchObject({ rows: 27, success: 27, error: 0, pending: 0 });
        sandbox.setFaults({});
        expect(await all(target.api.listCustomers())).toHaveLength(25);
        expect(await all(target.api.listSubscriptions())).toHaveLength(25);
        expect(await all(target.api.listProducts())).toHaveLength(1);
      });
    } finally {
      await target.close();
      await sandbox.close();
    }
  });
});

describe('runImport resuming', () => {
  it('reconciles an open intent whose object reached the site, and one whose object did not', async () => {
    const sandbox = await startSandbox();
    const target = createTarget({ name: 'test', baseUrl: sandbox.baseUrl });
    try {
      await withTempDir({ ...catalogFiles(), 'data/subs.csv': subscriptionsCsv(2) }, async (dir) => {
        // A first run imported the catalog; then a process died after sending the first product...
        const family = await target.api.createProductFamily({ name: 'Main', handle: 'main' }, { naturalKey: 'seed:family' });
        const siteKey = siteIdentityOf(await target.readSite(), target.baseUrl).key;
        const journal = await openJournal(join(dir, '.migrate'), siteKey, 'crashed-run');
        await journal.record({ type: 'product_family', naturalKey: 'product_family:main', kind: 'product-families', file: 'data/product-families.csv', row: 2, event: 'intent' });
        await journal.record({ type: 'product', naturalKey: 'product:basic', kind: 'products', file: 'data/products.csv', row: 2, event: 'intent' });
        await journal.close();

        const result = await importOnce(dir, target);
        expect(result.reconciled).toMatchObject({ found: 1, absent: 1 });
        expect(result.document.summary).toMatchObject({ error: 0, pending: 0 });
        const families = await all(target.api.listProductFamilies());
        expect(families.filter((f) => f.handle === 'main')).toHaveLength(1);
        expect(families.find((f) => f.handle === 'main')!.id).toBe(family.id);
        expect(await all(target.api.listProducts())).toHaveLength(1);
        const lines = (await readFile(join(dir, '.migrate', 'journal', `${siteKey}.jsonl`), 'utf8')).trim().split('\n').map((l) => JSON.parse(l));
        expect(lines.filter((l) => l.naturalKey === 'product_family:main').map((l) => l.event)).toEqual(['intent', 'done']);
        expect(lines.filter((l) => l.naturalKey === 'product:basic').map((l) => l.event)).toEqual(['intent', 'failed', 'intent', 'done']);
      });
    } finally {
      await target.close();
      await sandbox.close();
    }
  });

  it('completes an object an interrupted create left behind: the update its create could not carry is made on resume', async () => {
    const sandbox = await startSandbox();
    const target = createTarget({ name: 'test', baseUrl: sandbox.baseUrl });
    const header = 'create_customer,import_identifier_customer_reference,customer_type,has_parent,first_name,last_name,email,verified,create_payment_profile,payment_profile_type,current_vault,vault_token';
    try {
      await withTempDir({ 'data/customers.csv': `${header}\nTRUE,ada,normal,FALSE,Ada,Lovelace,ada@example.com,TRUE,FALSE,,,\n` }, async (dir) => {
        // A run died after Create Customer reached the site and before Update Customer set verified.
        const created = await target.api.createCustomer({ first_name: 'Ada', last_name: 'Lovelace', email: 'ada@example.com', reference: 'ada' }, { naturalKey: 'seed:ada' });
        expect(created.verified).not.toBe(true);
        const siteKey = siteIdentityOf(await target.readSite(), target.baseUrl).key;
        const journal = await openJournal(join(dir, '.migrate'), siteKey, 'crashed-run');
        await journal.record({ type: 'customer', naturalKey: 'customer:ada', kind: 'customers-advanced', file: 'data/customers.csv', row: 2, event: 'intent' });
        await journal.close();

        const result = await importFiles(dir, [join(dir, 'data', 'customers.csv')], target);
        expect(result.reconciled).toMatchObject({ found: 1, absent: 0 });
        expect(result.document.summary).toMatchObject({ error: 0, pending: 0 });
        const customers = await all(target.api.listCustomers());
        expect(customers).toHaveLength(1);
        expect(customers[0]).toMatchObject({ id: created.id, reference: 'ada', verified: true });
      });
    } finally {
      await target.close();
      await sandbox.close();
    }
  });

  it('journals each intent with the uniqueness token the create then sends', async () => {
    const sandbox = await startSandbox();
    const target = createTarget({ name: 'test', baseUrl: sandbox.baseUrl });
    try {
      await withTempDir({ ...catalogFiles(), 'data/subs.csv': subscriptionsCsv(2) }, async (dir) => {
        await importOnce(dir, target);
        const siteKey = siteIdentityOf(await target.readSite(), target.baseUrl).key;
        const lines = (await readFile(join(dir, '.migrate', 'journal', `${siteKey}.jsonl`), 'utf8')).trim().split('\n').map((l) => JSON.parse(l));
        const intents = lines.filter((l) => l.event === 'intent');
        expect(intents.length).toBeGreaterThan(0);
        for (const intent of intents) expect(intent.token).toMatch(/^[0-9a-f]{40}$/);
        // The site saw exactly that token: sending it again is refused as a duplicate submission.
        const family = intents.find((l) => l.naturalKey === 'product_family:main')!;
        const again = await fetch(`${sandbox.baseUrl}/product_families.json`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ product_family: { name: 'Other', handle: 'other' }, uniqueness_token: family.token }),
        });
        expect(again.status).toBe(409);
      });
    } finally {
      await target.close();
      await sandbox.close();
    }
  });

  it('fails the run (exit 3) when the site refuses the credentials', async () => {
    const sandbox = await startSandbox({ apiKey: 'right-key' });
    const target = createTarget({ name: 'test', baseUrl: sandbox.baseUrl, apiKey: 'wrong-key' });
    try {
      await withTempDir({ ...catalogFiles(), 'data/subs.csv': subscriptionsCsv(1) }, async (dir) => {
        await expect(importOnce(dir, target)).rejects.toMatchObject({ exitCode: 3 });
      });
    } finally {
      await target.close();
      await sandbox.close();
    }
  });
});
