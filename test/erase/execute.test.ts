// Erase against the sandbox over HTTP, through the real importer, journal and client: only what the
// journal knows goes; gone objects count as erased; failed lookups and changed objects keep their
// journal entries; an interrupted erase resumes; live sites only cancel; customers and site scopes.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { executeErase } from '../../src/erase/execute.js';
import { planImportedErase } from '../../src/erase/plan.js';
import { eraseSiteCustomers, listSiteCustomers, syncJournalAfterClear, syncJournalAfterCustomers } from '../../src/erase/site-scopes.js';
import type { ObjectType } from '../../src/plan/operation.js';
import type { Journal } from '../../src/state/journal.js';
import { all, siteJournal, siteSnapshot, withImportedSample, CORE_FILES, withoutBalances, type ImportedSite } from './harness.js';

/** The core sample files imported into a sandbox whose client does not retry (a failed erase shows at once). */
function withImportedSite(fn: (site: ImportedSite) => Promise<void>, mode: 'test' | 'live' = 'test'): Promise<void> {
  return withImportedSample({ names: CORE_FILES, keep: { 'subscriptions-advanced.csv': withoutBalances } }, fn, { mode, target: { maxRetries: 0 } });
}

async function withJournal<T>(site: ImportedSite, fn: (journal: Journal) => Promise<T>): Promise<T> {
  const journal = await siteJournal(site.dir, site.target);
  try {
    return await fn(journal);
  } finally {
    await journal.close();
  }
}

const states = (journal: Journal, type: ObjectType) => [...journal.objects().values()].filter((object) => object.type === type).map((object) => object.state);

describe('erase --scope imported', () => {
  it('removes exactly the customer data the journal records and never an object it does not know', async () => {
    await withImportedSite(async (site) => {
      await site.target.api.createCustomer({ first_name: 'Man', last_name: 'Ual', email: 'manual@example.com', reference: 'added-by-hand' }, { naturalKey: 'manual' });
      await withJournal(site, async (journal) => {
        const plan = planImportedErase(journal.objects(), { mode: 'test', catalog: false, purge: site.target.supports.purge, order: site.target.profile.eraseOrder });
        const execution = await executeErase(plan.items, { target: site.target, journal, concurrency: 4 });
        expect(execution.fatal).toBeUndefined();
        expect(execution.results).not.toHaveLength(0);
        expect(execution.results.every((result) => result.status === 'erased')).toBe(true);
        expect(new Set(states(journal, 'customer'))).toEqual(new Set(['erased']));
        expect(new Set(states(journal, 'subscription'))).toEqual(new Set(['erased']));
        expect(new Set(states(journal, 'product'))).toEqual(new Set(['done']));
      });
      const snapshot = await siteSnapshot(site.target);
      expect(snapshot.customers).toEqual(['added-by-hand']);
      expect(snapshot.subscriptions).toEqual([]);
      expect(snapshot.products).toEqual(['basic', 'enterprise', 'pro']);
    });
  });

  it('archives the catalog it created with --catalog, keeping product families', async () => {
    await withImportedSite(async (site) => {
      await withJournal(site, async (journal) => {
        const plan = planImportedErase(journal.objects(), { mode: 'test', catalog: true, purge: site.target.supports.purge, order: site.target.profile.eraseOrder });
        const execution = await executeErase(plan.items, { target: site.target, journal, concurrency: 4 });
        expect(execution.results.filter((result) => result.status === 'failed')).toEqual([]);
        expect(new Set(states(journal, 'product_price_point'))).toEqual(new Set(['erased']));
        expect(new Set(states(journal, 'product_family'))).toEqual(new Set(['done']));
      });
      expect((await siteSnapshot(site.target)).products).toEqual([]);
      expect(await all(site.target.api.listComponents())).toEqual([]);
      expect(await all(site.target.api.listProductFamilies())).toHaveLength(2);
    });
  });

  it('keeps every journal entry when the site fails the lookups, then counts objects already gone as erased', async () => {
    await withImportedSite(async (site) => {
      const gone = await site.target.api.findSubscriptionByReference('sub-adv-003');
      await site.target.api.purgeSubscription(Number(gone!.id), []);
      await withJournal(site, async (journal) => {
        site.sandbox.setFaults({ errorRate: 1 });
        const failed = await executeErase(planImportedErase(journal.objects(), { mode: 'test', catalog: false, purge: site.target.supports.purge, order: site.target.profile.eraseOrder }).items, { target: site.target, journal, concurrency: 4 });
        expect(failed.fatal).toBeDefined();
        expect(failed.results).not.toHaveLength(0);
        expect(failed.results.every((result) => result.status === 'pending')).toBe(true);
        expect([...journal.objects().values()].map((object) => object.state)).not.toContain('erased');
        expect(new Set(states(journal, 'subscription'))).toEqual(new Set(['done']));

        site.sandbox.setFaults({});
        const retried = await executeErase(planImportedErase(journal.objects(), { mode: 'test', catalog: false, purge: site.target.supports.purge, order: site.target.profile.eraseOrder }).items, { target: site.target, journal, concurrency: 4 });
        const byKey = new Map(retried.results.map((result) => [result.item.key, result]));
        expect(byKey.get('sub-adv-003')).toMatchObject({ status: 'gone' });
        expect(byKey.get('sub-adv-001')).toMatchObject({ status: 'erased' });
        expect(new Set(states(journal, 'subscription'))).toEqual(new Set(['erased']));
      });
    });
  });

  it('resumes an interrupted erase where it stopped', async () => {
    await withImportedSite(async (site) => {
      await withJournal(site, async (journal) => {
        const controller = new AbortController();
        const first = await executeErase(planImportedErase(journal.objects(), { mode: 'test', catalog: false, purge: site.target.supports.purge, order: site.target.profile.eraseOrder }).items, {
          target: site.target,
          journal,
          concurrency: 1,
          signal: controller.signal,
          onSettled: () => controller.abort(),
        });
        expect(first.interrupted).toBe(true);
        const settled = first.results.filter((result) => result.status !== 'pending');
        expect(settled).toHaveLength(1);
        const rest = planImportedErase(journal.objects(), { mode: 'test', catalog: false, purge: site.target.supports.purge, order: site.target.profile.eraseOrder });
        // The first purge took its customer along (cascade): both are journaled as erased.
        expect(rest.items.map((item) => item.object.naturalKey)).not.toContain(settled[0]!.item.object.naturalKey);
        expect(rest.items.length).toBeLessThan(first.results.length);
        const second = await executeErase(rest.items, { target: site.target, journal, concurrency: 4 });
        expect(second.results.filter((result) => result.status === 'failed' || result.status === 'pending')).toEqual([]);
      });
      expect((await siteSnapshot(site.target)).customers).toEqual([]);
    });
  });

  it('leaves an object changed on the site outside the toolkit alone and says why', async () => {
    await withImportedSite(async (site) => {
      const customer = await site.target.api.findCustomerByReference('globex');
      for (const subscription of await site.target.api.listCustomerSubscriptions(Number(customer!.id))) {
        await site.target.api.purgeSubscription(Number(subscription.id), []);
      }
      await site.target.api.updateCustomer(Number(customer!.id), { reference: 'globex-renamed' });
      await withJournal(site, async (journal) => {
        const execution = await executeErase(planImportedErase(journal.objects(), { mode: 'test', catalog: false, purge: site.target.supports.purge, order: site.target.profile.eraseOrder }).items, { target: site.target, journal, concurrency: 4 });
        const result = execution.results.find((entry) => entry.item.key === 'globex');
        expect(result).toMatchObject({ status: 'failed', message: expect.stringContaining('globex-renamed') });
        expect(journal.objects().get('customer:globex')?.state).toBe('done');
      });
      expect((await siteSnapshot(site.target)).customers).toEqual(['globex-renamed']);
    });
  });

  it('on a live site only cancels the subscriptions it created and keeps them journaled', async () => {
    await withImportedSite(async (site) => {
      await withJournal(site, async (journal) => {
        const plan = planImportedErase(journal.objects(), { mode: 'live', catalog: true, purge: site.target.supports.purge, order: site.target.profile.eraseOrder });
        const execution = await executeErase(plan.items, { target: site.target, journal, concurrency: 4 });
        expect(execution.results.map((result) => result.status)).toEqual(['canceled', 'canceled', 'canceled', 'canceled']);
        expect(new Set(states(journal, 'subscription'))).toEqual(new Set(['done']));
      });
      const subscriptions = await all(site.target.api.listSubscriptions());
      expect(subscriptions.map((subscription) => subscription.state)).toEqual(['canceled', 'canceled', 'canceled', 'canceled']);
      expect((await siteSnapshot(site.target)).customers).toHaveLength(6);
    }, 'live');
  });
});

describe('erase --scope customers and site', () => {
  it('customers: removes every customer and subscription, manual ones too, and the journal follows', async () => {
    await withImportedSite(async (site) => {
      await site.target.api.createCustomer({ first_name: 'Man', last_name: 'Ual', email: 'manual@example.com', reference: 'added-by-hand' }, { naturalKey: 'manual' });
      const customers = await listSiteCustomers(site.target, 4);
      expect(customers).toHaveLength(7);
      const execution = await eraseSiteCustomers(site.target, customers, { concurrency: 4 });
      expect(execution.results).not.toHaveLength(0);
      expect(execution.results.every((result) => result.status === 'erased')).toBe(true);
      await withJournal(site, async (journal) => {
        await syncJournalAfterCustomers(journal, site.target, 4);
        expect(new Set(states(journal, 'customer'))).toEqual(new Set(['erased']));
        expect(new Set(states(journal, 'subscription'))).toEqual(new Set(['erased']));
        expect(new Set(states(journal, 'product'))).toEqual(new Set(['done']));
      });
      const snapshot = await siteSnapshot(site.target);
      expect(snapshot).toMatchObject({ customers: [], subscriptions: [], products: ['basic', 'enterprise', 'pro'] });
    });
  });

  it('site: clear-data all empties the site and the journal records every object as erased', async () => {
    await withImportedSite(async (site) => {
      await site.target.api.clearSite('all');
      await withJournal(site, async (journal) => {
        const count = await syncJournalAfterClear(journal, 'all');
        expect(count).toBeGreaterThan(20);
        expect(new Set([...journal.objects().values()].map((object) => object.state))).toEqual(new Set(['erased']));
      });
      expect(await all(site.target.api.listProductFamilies())).toEqual([]);
    });
  });

  it('the journal of the state folder is the one the CLI reads', async () => {
    await withImportedSite(async (site) => {
      const journal = await siteJournal(site.dir, site.target);
      expect(journal.path.startsWith(join(site.dir, '.migrate'))).toBe(true);
      await journal.close();
    });
  });
});
