// The plan and row results: shared objects, invalid rows, cycles, canary closures, main links.
import { describe, expect, it } from 'vitest';
import type { NodeResult } from '../../src/importer/execute.js';
import { buildPlan, closureOf, operationsForTarget, type PlanNode } from '../../src/importer/plan.js';
import { rowResultOf } from '../../src/importer/results.js';
import type { ObjectRef, ObjectType, Operation, SourceRow } from '../../src/plan/operation.js';
import { ADVANCED_BILLING_PROFILE } from '../../src/targets/advanced-billing/profile.js';

const ORDER = ADVANCED_BILLING_PROFILE.rowObjectOrder;

function row(n: number, key = `k${n}`): SourceRow {
  return { file: 's.csv', kind: 'subscriptions-standard', row: n, line: n, key, values: {} };
}

function operation(source: SourceRow, type: ObjectType, key: string, dependsOn: ObjectRef[] = []): Operation {
  return { kind: type, key, dependsOn, fields: {}, source, applied: {} };
}

describe('buildPlan', () => {
  it('shares one node between rows yielding the same object and orders by type', () => {
    const r2 = row(2);
    const r3 = row(3);
    const plan = buildPlan([
      { row: r2, operations: [operation(r2, 'customer', 'c'), operation(r2, 'subscription', 's2', [{ type: 'customer', key: 'c' }])] },
      { row: r3, operations: [operation(r3, 'customer', 'c'), operation(r3, 'subscription', 's3', [{ type: 'customer', key: 'c' }])] },
    ]);
    expect(plan.nodes.map((n) => n.naturalKey)).toEqual(['customer:c', 'subscription:s2', 'subscription:s3']);
    const customer = plan.byNaturalKey.get('customer:c')!;
    expect(customer.rows).toEqual([r2, r3]);
    expect(customer.dependants.map((n) => n.naturalKey)).toEqual(['subscription:s2', 'subscription:s3']);
  });

  it('lets a valid row create an object an invalid row also yields', () => {
    const r2 = row(2);
    const r3 = row(3);
    const plan = buildPlan(
      [
        { row: r2, operations: [operation(r2, 'customer', 'c')] },
        { row: r3, operations: [operation(r3, 'customer', 'c')] },
      ],
      new Map([[r2, { message: 'email: bad' }]]),
    );
    const node = plan.byNaturalKey.get('customer:c')!;
    expect(node.preFailure).toBeUndefined();
    expect(node.rows[0]).toBe(r3);
  });

  it('fails objects on a reference cycle up front', () => {
    const r2 = row(2);
    const r3 = row(3);
    const plan = buildPlan([
      { row: r2, operations: [operation(r2, 'customer', 'a', [{ type: 'customer', key: 'b' }])] },
      { row: r3, operations: [operation(r3, 'customer', 'b', [{ type: 'customer', key: 'a' }])] },
    ]);
    expect(plan.nodes).not.toHaveLength(0);
    expect(plan.nodes.every((n) => n.preFailure?.startsWith('not sent: circular reference'))).toBe(true);
  });

  it('selects a canary with everything it depends on', () => {
    const rows = [row(2), row(3), row(4)];
    const plan = buildPlan(
      rows.map((r, i) => ({ row: r, operations: [operation(r, 'customer', `c${i}`, i > 0 ? [{ type: 'customer', key: 'c0' }] : [])] })),
    );
    expect([...closureOf(plan, [rows[2]!])].map((n) => n.naturalKey).sort()).toEqual(['customer:c0', 'customer:c2']);
  });
});

describe('operationsForTarget', () => {
  const r2 = row(2, 'cust-1');
  const rowOperations = [
    {
      row: r2,
      operations: [
        operation(r2, 'customer', 'c'),
        operation(r2, 'payment_profile', 'c', [{ type: 'customer', key: 'c' }]),
        operation(r2, 'subscription', 's', [{ type: 'customer', key: 'c' }, { type: 'payment_profile', key: 'c' }]),
      ],
    },
  ];

  it('leaves the plan as it is for a target that takes every kind (Advanced Billing)', () => {
    expect(operationsForTarget(rowOperations, ADVANCED_BILLING_PROFILE.kinds)).toBe(rowOperations);
  });

  it('leaves out what a target has no place for, and nothing waits for it', () => {
    const plan = buildPlan(operationsForTarget(rowOperations, ['customer', 'subscription']));
    expect(plan.nodes.map((node) => node.naturalKey)).toEqual(['customer:c', 'subscription:s']);
    expect(plan.byNaturalKey.get('subscription:s')!.deps.map((node) => node.naturalKey)).toEqual(['customer:c']);
  });
});

describe('rowResultOf', () => {
  const r2 = row(2, 'cust-1');
  const plan = buildPlan([
    {
      row: r2,
      operations: [operation(r2, 'customer', 'c'), operation(r2, 'payment_profile', 'c'), operation(r2, 'subscription', 's', [{ type: 'customer', key: 'c' }])],
    },
  ]);
  const results = (statuses: Record<string, NodeResult>): Map<PlanNode, NodeResult> =>
    new Map(plan.nodes.map((node) => [node, statuses[node.operation.kind] ?? { status: 'done', outcome: { id: 1, link: `link-${node.operation.kind}` } }]));

  it('links the main object and carries the renewal', () => {
    const result = rowResultOf(r2, plan.rowNodes.get(r2)!, results({ subscription: { status: 'done', outcome: { id: 9, link: 'sub-link', nextRenewal: '49.00' } } }), ORDER);
    expect(result).toMatchObject({ status: 'success', result: 'sub-link', nextRenewal: '49.00' });
  });

  it('links the object the target\'s profile puts first', () => {
    expect(rowResultOf(r2, plan.rowNodes.get(r2)!, results({}), ['customer', 'subscription']).result).toBe('link-customer');
  });

  it('is skipped when everything was already on record, and an error names the failed object', () => {
    const skipped = new Map(plan.nodes.map((node): [PlanNode, NodeResult] => [node, { status: 'skipped', outcome: { id: 1, link: 'l' } }]));
    expect(rowResultOf(r2, plan.rowNodes.get(r2)!, skipped, ORDER).status).toBe('skipped');
    const failed = rowResultOf(r2, plan.rowNodes.get(r2)!, results({ payment_profile: { status: 'failed', error: 'Card expired' }, subscription: { status: 'blocked', error: 'not sent: …' } }), ORDER);
    expect(failed).toMatchObject({ status: 'error', result: 'payment profile: Card expired | not sent: …' });
  });
});
