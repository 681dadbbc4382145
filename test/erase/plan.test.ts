// The imported-scope plan, from a real journal file: reverse dependency order, companions, what is
// kept and why, the run filter, live sites (cancel only) and unsettled creates (never touched).
import { describe, expect, it } from 'vitest';
import { planImportedErase } from '../../src/erase/plan.js';
import { ADVANCED_BILLING_PROFILE } from '../../src/targets/advanced-billing/profile.js';
import type { ObjectType } from '../../src/plan/operation.js';
import { openJournal, type JournalObject } from '../../src/state/journal.js';
import { withTempDir } from '../helpers/temp-dir.js';

const OBJECTS: Array<[ObjectType, string, string, 'done' | 'intent']> = [
  ['product_family', 'main', 'run-a', 'done'],
  ['product', 'basic', 'run-a', 'done'],
  ['product_price_point', 'basic/monthly', 'run-a', 'done'],
  ['product_price_point', 'existing/annual', 'run-a', 'done'],
  ['component', 'seats', 'run-a', 'done'],
  ['component_price_point', 'seats/standard', 'run-a', 'done'],
  ['coupon', 'TENOFF', 'run-a', 'done'],
  ['customer', 'parent', 'run-a', 'done'],
  ['customer', 'child', 'run-a', 'done'],
  ['payment_profile', 'child', 'run-a', 'done'],
  ['subscription', 'sub-1', 'run-b', 'done'],
  ['service_credit', 'sub-1', 'run-b', 'done'],
  ['invoice', 'INV-1', 'run-b', 'done'],
  ['subscription', 'sub-2', 'run-b', 'intent'],
];

async function withJournal(fn: (objects: Map<string, JournalObject>) => void): Promise<void> {
  await withTempDir({}, async (dir) => {
    for (const run of ['run-a', 'run-b']) {
      const journal = await openJournal(dir, 'site-1', run);
      let id = 1;
      for (const [type, key, objectRun, state] of OBJECTS) {
        id += 1;
        if (objectRun !== run) continue;
        const base = { type, naturalKey: `${type}:${key}`, kind: 'k', file: 'f.csv', row: id };
        await journal.record({ ...base, event: 'intent' });
        if (state === 'done') await journal.record({ ...base, event: 'done', id: type === 'invoice' ? `inv_${id}` : id, link: 'l' });
      }
      await journal.close();
    }
    const journal = await openJournal(dir, 'site-1');
    fn(journal.objects());
    await journal.close();
  });
}

const summary = (plan: ReturnType<typeof planImportedErase>) => ({
  items: plan.items.map((item) => `${item.operation} ${item.object.naturalKey} [${item.companions.map((c) => c.naturalKey).join(' ')}]`),
  kept: plan.kept.map((kept) => kept.object.naturalKey),
  unfinished: plan.unfinished.map((object) => object.naturalKey),
});

describe('planImportedErase', () => {
  it('orders customer data before the catalog, children before parents, with companions', async () => {
    await withJournal((objects) => {
      const plan = summary(planImportedErase(objects, { mode: 'test', catalog: true, purge: true, order: ADVANCED_BILLING_PROFILE.eraseOrder }));
      expect(plan.items).toEqual([
        'void invoice:INV-1 []',
        'purge subscription:sub-1 [service_credit:sub-1]',
        'delete customer:child [payment_profile:child]',
        'delete customer:parent []',
        'archive coupon:TENOFF []',
        'archive component:seats [component_price_point:seats/standard]',
        'archive product:basic [product_price_point:basic/monthly]',
      ]);
      expect(plan.kept).toEqual(['product_family:main', 'product_price_point:existing/annual']);
      expect(plan.unfinished).toEqual(['subscription:sub-2']);
    });
  });

  it('keeps the catalog unless asked, and filters by run', async () => {
    await withJournal((objects) => {
      const plan = planImportedErase(objects, { mode: 'test', catalog: false, purge: true, order: ADVANCED_BILLING_PROFILE.eraseOrder });
      expect(plan.items.map((item) => item.object.type)).toEqual(['invoice', 'subscription', 'customer', 'customer']);
      expect(plan.kept.find((kept) => kept.object.type === 'product')?.reason).toContain('--catalog');
      const runB = summary(planImportedErase(objects, { mode: 'test', catalog: true, run: 'run-b', purge: true, order: ADVANCED_BILLING_PROFILE.eraseOrder }));
      expect(runB.items).toEqual(['void invoice:INV-1 []', 'purge subscription:sub-1 [service_credit:sub-1]']);
      expect(runB.unfinished).toEqual(['subscription:sub-2']);
    });
  });

  it('cancels instead of purging on a target that cannot purge (supports.purge false)', async () => {
    await withJournal((objects) => {
      const plan = summary(planImportedErase(objects, { mode: 'test', catalog: false, purge: false, order: ADVANCED_BILLING_PROFILE.eraseOrder }));
      expect(plan.items).toEqual(['void invoice:INV-1 []', 'cancel subscription:sub-1 [service_credit:sub-1]', 'delete customer:child [payment_profile:child]', 'delete customer:parent []']);
    });
  });

  it('on a live site plans only cancelling the subscriptions it created', async () => {
    await withJournal((objects) => {
      const plan = planImportedErase(objects, { mode: 'live', catalog: true, purge: true, order: ADVANCED_BILLING_PROFILE.eraseOrder });
      expect(plan.items.map((item) => `${item.operation} ${item.object.naturalKey}`)).toEqual(['cancel subscription:sub-1']);
      expect(plan.kept).toHaveLength(12);
      expect(plan.kept[0]!.reason).toContain('live site');
    });
  });
});
