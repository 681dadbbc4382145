// The import's resolver hands the target's ids over as text: from this run, from the journal (a journal
// written when ids were numbers still reads), or from the site, where the adapter says what a key means.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImportResolver, UnresolvedRefError } from '../../src/importer/resolver.js';
import { journalPath, openJournal } from '../../src/state/journal.js';
import { AdvancedBillingTarget } from '../../src/targets/advanced-billing/target.js';
import { startSandbox, type RunningSandbox } from '../../src/targets/advanced-billing/sandbox/index.js';
import { createTarget } from '../../src/targets/index.js';
import { withTempDir } from '../helpers/temp-dir.js';

let sandbox: RunningSandbox;
let target: AdvancedBillingTarget;
beforeAll(async () => {
  sandbox = await startSandbox();
  target = createTarget({ name: 'test', baseUrl: sandbox.baseUrl }) as AdvancedBillingTarget;
});
afterAll(async () => {
  await target.close();
  await sandbox.close();
});

describe('ImportResolver ids', () => {
  it('reads a numeric id from a journal line written before ids were text', async () => {
    await withTempDir({}, async (stateDir) => {
      const oldLine = { v: 1, at: '2026-11-01T10:00:00.000Z', run: 'run-old', site: 'site', type: 'customer', naturalKey: 'customer:acme-1', kind: 'customers-advanced', file: 'c.csv', row: 2, event: 'done', id: 4711, link: 'http://x/customers/4711' };
      await mkdir(join(stateDir, 'journal'), { recursive: true });
      await writeFile(journalPath(stateDir, 'site'), `${JSON.stringify(oldLine)}\n`);
      const journal = await openJournal(stateDir, 'site', 'run-new');
      try {
        // 4711 is on no site: the journal alone answers, without a request.
        await expect(new ImportResolver(target, journal).id({ type: 'customer', key: 'acme-1' })).resolves.toBe('4711');
      } finally {
        await journal.close();
      }
    });
  });

  it('gives an id from this run as text', async () => {
    const resolver = new ImportResolver(target);
    resolver.remember({ type: 'invoice', key: 'INV-1' }, { id: 'inv_abc', link: 'l' });
    resolver.remember({ type: 'customer', key: 'c' }, { id: 12, link: 'l' });
    await expect(resolver.id({ type: 'invoice', key: 'INV-1' })).resolves.toBe('inv_abc');
    await expect(resolver.id({ type: 'customer', key: 'c' })).resolves.toBe('12');
  });

  it('finds an object on the site by its key, and takes an all-digit key as an Advanced Billing id', async () => {
    const customer = await target.api.createCustomer({ first_name: 'Ada', last_name: 'L', email: 'ada@example.com', reference: 'ada-1' }, { naturalKey: 'customer:ada-1' });
    const resolver = new ImportResolver(target);
    await expect(resolver.id({ type: 'customer', key: 'ada-1' })).resolves.toBe(String(customer.id));
    await expect(resolver.id({ type: 'product_family', key: '0042' })).resolves.toBe('42');
    await expect(resolver.id({ type: 'product_family', key: 'no-such-family' })).rejects.toThrow(UnresolvedRefError);
  });
});
