// The import plan: one node per site object (rows that yield the same object share its node), with
// dependency edges from each operation's refs, in the order of OBJECT_TYPES.
import { sourceName } from '../workbook/location.js';
import type { Finding } from '../rules/finding.js';
import { OBJECT_TYPES, naturalKeyOf, refTo, type ObjectRef, type ObjectType, type Operation, type SourceRow } from '../plan/operation.js';

/** Why a row is not sent: the messages its Result cell shows, and the validation errors behind them (none when the mapping refused it). */
export interface RowFailure {
  message: string;
  findings: Finding[];
}

export interface PlanNode {
  /** Position in the plan (stable: type order, then input order). */
  index: number;
  operation: Operation;
  /** `${kind}:${key}`: the journal's key. */
  naturalKey: string;
  /** Every row that yields this object; the first one creates it. */
  rows: SourceRow[];
  /** Nodes of this run that must finish first. */
  deps: PlanNode[];
  dependants: PlanNode[];
  /** Set before execution when the node cannot be sent at all (a row with validation errors, a cycle). */
  preFailure?: string;
}

export interface Plan {
  nodes: PlanNode[];
  /** Nodes by `${type}:${key}` of the ref they provide. */
  byRef: Map<string, PlanNode>;
  byNaturalKey: Map<string, PlanNode>;
  /** The nodes of each row, in the order its operations were given. */
  rowNodes: Map<SourceRow, PlanNode[]>;
}

export function refKey(ref: ObjectRef): string {
  return `${ref.type}:${ref.key}`;
}

export function typeRank(type: ObjectType): number {
  return OBJECT_TYPES.indexOf(type);
}

/** The last catalog type: the scheduler holds subscriptions and what follows until the catalog is settled. */
export const LAST_CATALOG_RANK = typeRank('segment');

/**
 * Each row's operations a target takes (its profile's `kinds`): the others are not applicable there, and
 * the dependencies on them go too. The same list when the target takes every kind given.
 */
export function operationsForTarget<T extends { row: SourceRow; operations: Operation[] }>(rowOperations: T[], kinds: readonly ObjectType[]): T[] {
  const taken = new Set(kinds);
  if (rowOperations.every(({ operations }) => operations.every((operation) => taken.has(operation.kind)))) return rowOperations;
  return rowOperations.map((entry) => ({
    ...entry,
    operations: entry.operations
      .filter((operation) => taken.has(operation.kind))
      .map((operation) => ({ ...operation, dependsOn: operation.dependsOn.filter((ref) => taken.has(ref.type)) })),
  }));
}

/**
 * Builds the plan from each row's operations. `invalid` maps rows that must not be sent to the reason
 * (their validation messages); their nodes are planned anyway so that dependants can name them.
 */
export function buildPlan(rowOperations: Array<{ row: SourceRow; operations: Operation[] }>, invalid: ReadonlyMap<SourceRow, Pick<RowFailure, 'message'>> = new Map()): Plan {
  const byNaturalKey = new Map<string, PlanNode>();
  const byRef = new Map<string, PlanNode>();
  const rowNodes = new Map<SourceRow, PlanNode[]>();
  const ordered: PlanNode[] = [];

  for (const { row, operations } of rowOperations) {
    const nodes: PlanNode[] = [];
    for (const operation of operations) {
      const naturalKey = naturalKeyOf(operation);
      let node = byNaturalKey.get(naturalKey);
      const reason = invalid.get(row)?.message;
      if (node && node.preFailure !== undefined && reason === undefined) {
        // A valid row yields an object an invalid row also yields: let the valid row create it.
        node.operation = operation;
        node.rows.unshift(row);
        node.preFailure = undefined;
      } else if (node) {
        node.rows.push(row);
      } else {
        node = { index: 0, operation, naturalKey, rows: [row], deps: [], dependants: [], preFailure: reason };
        byNaturalKey.set(naturalKey, node);
        ordered.push(node);
        const provided = refKey(refTo(operation));
        if (!byRef.has(provided)) byRef.set(provided, node);
      }
      nodes.push(node);
    }
    rowNodes.set(row, nodes);
  }

  const nodes = ordered
    .map((node, inputOrder) => ({ node, inputOrder }))
    .sort((a, b) => typeRank(a.node.operation.kind) - typeRank(b.node.operation.kind) || a.inputOrder - b.inputOrder)
    .map(({ node }, index) => Object.assign(node, { index }));

  for (const node of nodes) {
    const deps = new Set<PlanNode>();
    for (const ref of node.operation.dependsOn) {
      const provider = byRef.get(refKey(ref));
      if (provider && provider !== node) deps.add(provider);
    }
    node.deps = [...deps];
    for (const dep of node.deps) dep.dependants.push(node);
  }
  markCycles(nodes);
  return { nodes, byRef, byNaturalKey, rowNodes };
}

/** Nodes on a dependency cycle can never start: they fail up front with a message naming the cycle. */
function markCycles(nodes: PlanNode[]): void {
  const remaining = new Map(nodes.map((node) => [node, node.deps.length]));
  const queue = nodes.filter((node) => node.deps.length === 0);
  while (queue.length > 0) {
    const node = queue.pop()!;
    remaining.delete(node);
    for (const dependant of node.dependants) {
      const left = remaining.get(dependant)! - 1;
      remaining.set(dependant, left);
      if (left === 0) queue.push(dependant);
    }
  }
  const cyclic = [...remaining.keys()];
  const names = cyclic.map((node) => `${sourceName({ path: node.rows[0]!.file, sheet: node.rows[0]!.sheet })} row ${node.rows[0]!.row}`).join(', ');
  for (const node of cyclic) {
    node.preFailure ??= `not sent: circular reference between ${names}`;
  }
}

/**
 * The nodes needed to import the given rows: their own nodes and, transitively, everything they wait for.
 */
export function closureOf(plan: Plan, rows: SourceRow[]): Set<PlanNode> {
  const selected = new Set<PlanNode>();
  const stack = rows.flatMap((row) => plan.rowNodes.get(row) ?? []);
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (selected.has(node)) continue;
    selected.add(node);
    stack.push(...node.deps);
  }
  return selected;
}

/** Counts of objects per type, for dry runs and summaries. */
export function countByType(nodes: Iterable<PlanNode>): Partial<Record<ObjectType, number>> {
  const counts: Partial<Record<ObjectType, number>> = {};
  for (const node of nodes) counts[node.operation.kind] = (counts[node.operation.kind] ?? 0) + 1;
  return counts;
}
