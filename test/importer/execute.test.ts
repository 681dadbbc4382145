// The scheduler: dependency order, concurrency bound, failure propagation, journal skips, stopping.
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { executePlan } from '../../src/importer/execute.js';
import { buildPlan } from '../../src/importer/plan.js';
import { ImportResolver } from '../../src/importer/resolver.js';
import { naturalKeyOf, type ObjectRef, type ObjectType, type Operation, type SourceRow, type StepOutcome } from '../../src/plan/operation.js';
import type { Resolver, Target } from '../../src/targets/target.js';
import { openJournal } from '../../src/state/journal.js';
import { ApiError } from '../../src/targets/advanced-billing/client/api-error.js';
import { withTempDir } from '../helpers/temp-dir.js';

// These operations never reach a site: a scripted target creates each one with the behaviour the test
// gives it (by natural key), so the scheduler's ordering, bounds and failures can be traced. The
// scheduler only asks a target for each create's uniqueness token, the create itself, and finds.
type Behaviour = { create(resolver: Resolver): Promise<StepOutcome> };
const behaviours = new Map<string, Behaviour>();
const noTarget = {
  supports: { uniquenessTokens: true },
  uniquenessToken: (naturalKey: string) => `token:${naturalKey}`,
  create: (operation: Operation, resolver: Resolver) => behaviours.get(naturalKeyOf(operation))!.create(resolver),
  find: async () => undefined,
  finish: async () => undefined,
} as unknown as Target;

interface Trace {
  log: string[];
  active: number;
  maxActive: number;
  created: Map<string, number>;
}

function row(n: number, key: string): SourceRow {
  return { file: 'f.csv', kind: 'customers-advanced', row: n, line: n, key, values: {} };
}

function step(trace: Trace, source: SourceRow, type: ObjectType, key: string, deps: ObjectRef[] = [], fail = false): Operation {
  const naturalKey = `${type}:${key}`;
  behaviours.set(naturalKey, {
    async create(resolver): Promise<StepOutcome> {
      for (const dep of deps) await resolver.id(dep);
      trace.active += 1;
      trace.maxActive = Math.max(trace.maxActive, trace.active);
      trace.log.push(`start ${naturalKey}`);
      await sleep(5);
      trace.active -= 1;
      if (fail) throw new ApiError({ kind: 'validation', status: 422, messages: ['Email is invalid'], method: 'POST', path: '/customers.json' });
      const id = trace.created.size + 1;
      trace.created.set(naturalKey, (trace.created.get(naturalKey) ?? 0) + 1);
      return { id, link: `http://site/${type}/${id}` };
    },
  });
  return { kind: type, key, dependsOn: deps, fields: {}, source, applied: {} };
}

const newTrace = (): Trace => ({ log: [], active: 0, maxActive: 0, created: new Map() });

describe('executePlan', () => {
  it('runs dependencies first, bounds concurrency and journals each object', async () => {
    await withTempDir({}, async (dir) => {
      const trace = newTrace();
      const rows = Array.from({ length: 20 }, (_, i) => row(i + 2, `c${i}`));
      const rowSteps = rows.map((r, i) => ({
        row: r,
        operations: [
          step(trace, r, 'customer', `c${i}`),
          step(trace, r, 'subscription', `s${i}`, [{ type: 'customer', key: `c${i}` }, { type: 'product', key: 'p' }]),
        ],
      }));
      const catalogRow = row(30, 'p');
      rowSteps.push({ row: catalogRow, operations: [step(trace, catalogRow, 'product', 'p')] });
      const plan = buildPlan(rowSteps);
      const journal = await openJournal(dir, 'site', 'run-1');
      const { results } = await executePlan(plan, { target: noTarget, journal, resolver: new ImportResolver(noTarget, journal), inFlight: 4 });
      await journal.close();

      expect([...results.values()]).not.toHaveLength(0);

      expect([...results.values()].every((r) => r.status === 'done')).toBe(true);
      expect(trace.maxActive).toBeLessThanOrEqual(4);
      expect(trace.maxActive).toBeGreaterThan(1);
      expect(trace.log[0]).toBe('start product:p');
      for (let i = 0; i < 20; i += 1) {
        expect(trace.log.indexOf(`start customer:c${i}`)).toBeLessThan(trace.log.indexOf(`start subscription:s${i}`));
      }
      const reopened = await openJournal(dir, 'site');
      expect([...reopened.objects().values()].filter((o) => o.state === 'done')).toHaveLength(41);
      await reopened.close();
    });
  });

  it('does not send dependants of a failed object and names the row they waited for', async () => {
    await withTempDir({}, async (dir) => {
      const trace = newTrace();
      const r2 = row(2, 'c0');
      const r3 = row(3, 'c1');
      const plan = buildPlan([
        { row: r2, operations: [step(trace, r2, 'customer', 'c0', [], true)] },
        { row: r3, operations: [step(trace, r3, 'customer', 'c1', [{ type: 'customer', key: 'c0' }]), step(trace, r3, 'subscription', 's1', [{ type: 'customer', key: 'c1' }])] },
      ]);
      const journal = await openJournal(dir, 'site', 'run-1');
      const { results } = await executePlan(plan, { target: noTarget, journal, resolver: new ImportResolver(noTarget, journal), inFlight: 4 });
      await journal.close();
      const byKey = new Map([...results].map(([node, result]) => [node.naturalKey, result]));
      expect(byKey.get('customer:c0')).toMatchObject({ status: 'failed', error: 'Email is invalid' });
      expect(byKey.get('customer:c1')).toMatchObject({ status: 'blocked', error: 'not sent: waits for f.csv row 2 (c0), which failed' });
      expect(byKey.get('subscription:s1')).toMatchObject({ status: 'blocked', error: 'not sent: waits for f.csv row 2 (c0), which failed' });
      expect(trace.log).toEqual(['start customer:c0']);
    });
  });

  it('skips objects the journal already holds, creating each object once across runs', async () => {
    await withTempDir({}, async (dir) => {
      const trace = newTrace();
      const rows = Array.from({ length: 12 }, (_, i) => row(i + 2, `c${i}`));
      const plan = () => buildPlan(rows.map((r, i) => ({ row: r, operations: [step(trace, r, 'customer', `c${i}`)] })));
      const stop = new AbortController();
      const first = await openJournal(dir, 'site', 'run-1');
      let settled = 0;
      const run1 = await executePlan(plan(), {
        target: noTarget,
        journal: first,
        resolver: new ImportResolver(noTarget, first),
        inFlight: 2,
        signal: stop.signal,
        onSettled: () => {
          settled += 1;
          if (settled === 4) stop.abort();
        },
      });
      await first.close();
      expect(run1.interrupted).toBe(true);
      const pending = [...run1.results.values()].filter((r) => r.status === 'pending').length;
      expect(pending).toBeGreaterThan(0);

      const second = await openJournal(dir, 'site', 'run-2');
      const run2 = await executePlan(plan(), { target: noTarget, journal: second, resolver: new ImportResolver(noTarget, second), inFlight: 2 });
      await second.close();
      const statuses = [...run2.results.values()].map((r) => r.status);
      expect(statuses.filter((s) => s === 'skipped').length).toBe(12 - pending);
      expect(statuses.filter((s) => s === 'done').length).toBe(pending);
      expect([...trace.created.values()]).not.toHaveLength(0);
      expect([...trace.created.values()].every((count) => count === 1)).toBe(true);
      expect(trace.created.size).toBe(12);
    });
  });

  it('stops at a run-level failure and leaves the rest pending', async () => {
    await withTempDir({}, async (dir) => {
      const r2 = row(2, 'c0');
      const broken = step(newTrace(), r2, 'customer', 'c0');
      behaviours.set('customer:c0', {
        async create() {
          throw new ApiError({ kind: 'auth', status: 401, messages: [], method: 'POST', path: '/customers.json' });
        },
      });
      const trace = newTrace();
      const r3 = row(3, 'c1');
      const plan = buildPlan([
        { row: r2, operations: [broken] },
        { row: r3, operations: [step(trace, r3, 'subscription', 's1', [{ type: 'customer', key: 'c0' }])] },
      ]);
      const journal = await openJournal(dir, 'site', 'run-1');
      const outcome = await executePlan(plan, { target: noTarget, journal, resolver: new ImportResolver(noTarget, journal), inFlight: 4 });
      expect(outcome.fatal).toMatchObject({ status: 401 });
      expect([...outcome.results.values()].map((r) => r.status)).toEqual(['pending', 'pending']);
      expect(journal.unfinishedIntents().map((o) => o.naturalKey)).toEqual(['customer:c0']);
      await journal.close();
    });
  });
});

describe('executePlan after an earlier run', () => {
  it('sends a dependant once when its dependency is already journaled', async () => {
    await withTempDir({}, async (dir) => {
      const trace = newTrace();
      const r2 = row(2, 'p');
      const steps = () => [step(trace, r2, 'product', 'p'), step(trace, r2, 'product_price_point', 'p/m', [{ type: 'product', key: 'p' }])];
      const journal = await openJournal(dir, 'site', 'run-1');
      await journal.record({ type: 'product', naturalKey: 'product:p', kind: 'products', file: 'f.csv', row: 2, event: 'done', id: 5, link: 'l' });
      const { results } = await executePlan(buildPlan([{ row: r2, operations: steps() }]), {
        target: noTarget,
        journal,
        resolver: new ImportResolver(noTarget, journal),
        inFlight: 4,
      });
      await journal.close();
      expect([...results.values()].map((r) => r.status)).toEqual(['skipped', 'done']);
      expect(trace.log).toEqual(['start product_price_point:p/m']);
    });
  });
});

describe('executePlan ordering', () => {
  it('holds subscriptions until the catalog is settled, but lets customers start alongside it', async () => {
    await withTempDir({}, async (dir) => {
      const trace = newTrace();
      const r2 = row(2, 'fam');
      const r3 = row(3, 'c');
      const plan = buildPlan([
        { row: r2, operations: [step(trace, r2, 'product_family', 'fam'), step(trace, r2, 'product', 'p', [{ type: 'product_family', key: 'fam' }])] },
        // The subscription names no catalog dependency, as a mapping that forgot one would.
        { row: r3, operations: [step(trace, r3, 'customer', 'c'), step(trace, r3, 'subscription', 's', [{ type: 'customer', key: 'c' }])] },
      ]);
      const journal = await openJournal(dir, 'site', 'run-1');
      await executePlan(plan, { target: noTarget, journal, resolver: new ImportResolver(noTarget, journal), inFlight: 4 });
      await journal.close();
      expect(trace.log.indexOf('start customer:c')).toBeLessThan(trace.log.indexOf('start product:p'));
      expect(trace.log.indexOf('start subscription:s')).toBeGreaterThan(trace.log.indexOf('start product:p'));
    });
  });
});
