// Test harness for the mapping and the Advanced Billing handlers: rows from CSV text, each operation
// with its handler bound (the real mapping, the real handlers, a real sandbox behind the client), and a
// small runner that creates them in dependency order with a resolver over what it created (then the
// site), as the engine would.
import { parse } from 'csv-parse/sync';
import { operationsForFile, type RowOperations } from '../../../../src/plan/map/index.js';
import { naturalKeyOf, refTo, type ObjectRef, type ObjectType, type Operation, type SourceRow, type StepOutcome } from '../../../../src/plan/operation.js';
import type { AdvancedBillingApi as Target } from '../../../../src/targets/advanced-billing/api.js';
import { applyCreate, handlerFor } from '../../../../src/targets/advanced-billing/operations/index.js';
import { findOnSite } from '../../../../src/targets/advanced-billing/operations/lookup.js';
import type { Resolver } from '../../../../src/targets/target.js';

/** An operation and what the Advanced Billing adapter does with it, called with the vendor client directly. */
export interface HandledOperation {
  operation: Operation;
  type: ObjectType;
  naturalKey: string;
  provides: ObjectRef;
  dependsOn: ObjectRef[];
  source: SourceRow;
  create(api: Target, resolver: Resolver, token?: string): Promise<StepOutcome>;
  find(api: Target, resolver: Resolver): Promise<StepOutcome | undefined>;
  finish(api: Target, resolver: Resolver, outcome: StepOutcome): Promise<void>;
}

export function handled(operation: Operation): HandledOperation {
  const handler = handlerFor(operation);
  return {
    operation,
    type: operation.kind,
    naturalKey: naturalKeyOf(operation),
    provides: refTo(operation),
    dependsOn: operation.dependsOn,
    source: operation.source,
    create: (api, resolver, token) => applyCreate(api, operation, resolver, token),
    find: (api, resolver) => handler.find(api, operation, resolver),
    finish: async (api, resolver, outcome) => handler.finish?.(api, operation, resolver, outcome),
  };
}

/** The mapping of a file's rows, each operation with its handler bound (shared operations stay shared). */
export function mapRows(rows: SourceRow[], excluded?: ReadonlySet<SourceRow>): Array<{ row: SourceRow; steps: HandledOperation[]; error?: RowOperations['error'] }> {
  const bound = new Map<Operation, HandledOperation>();
  return operationsForFile(rows, excluded).map(({ row, operations, error }) => ({
    row,
    steps: operations.map((operation) => bound.get(operation) ?? bound.set(operation, handled(operation)).get(operation)!),
    ...(error ? { error } : {}),
  }));
}

/** SourceRows of a kind from CSV text (header first), numbered as a spreadsheet shows them. */
export function rowsOf(kind: string, csv: string, file = `${kind}.csv`): SourceRow[] {
  const records = parse(csv.trim(), { relax_column_count: true }) as string[][];
  const [header, ...data] = records;
  return data.map((cells, index) => {
    const values: Record<string, string> = {};
    header!.forEach((name, i) => (values[name] = cells[i] ?? ''));
    return { file, kind, row: index + 2, line: index + 2, key: '', values };
  });
}

/** Maps rows and fails the test on any row error. */
export function stepsOf(rows: SourceRow[]): HandledOperation[] {
  const mapped = mapRows(rows);
  const errors = mapped.filter((entry) => entry.error).map((entry) => `row ${entry.row.row}: ${entry.error!.message}`);
  if (errors.length > 0) throw new Error(errors.join('\n'));
  return unique(mapped);
}

function unique(mapped: ReturnType<typeof mapRows>): HandledOperation[] {
  const seen = new Map<string, HandledOperation>();
  for (const entry of mapped) for (const step of entry.steps) if (!seen.has(step.naturalKey)) seen.set(step.naturalKey, step);
  return [...seen.values()];
}

const refId = (ref: ObjectRef) => `${ref.type}:${ref.key}`;

export class SimpleResolver implements Resolver {
  readonly created = new Map<string, StepOutcome>();
  constructor(private readonly target: Target) {}
  async id(ref: ObjectRef): Promise<number> {
    const known = this.created.get(refId(ref));
    if (known && typeof known.id === 'number') return known.id;
    const found = await findOnSite(this.target, ref);
    if (found && typeof found.id === 'number') return found.id;
    throw new Error(`${ref.type} "${ref.key}" not found`);
  }
  object(ref: ObjectRef) {
    return findOnSite(this.target, ref);
  }
}

/** Creates every operation once its dependencies provided by other steps are done; returns outcomes by naturalKey. */
export async function runSteps(target: Target, steps: HandledOperation[], resolver = new SimpleResolver(target)): Promise<Map<string, StepOutcome>> {
  const outcomes = new Map<string, StepOutcome>();
  const providers = new Set(steps.map((step) => refId(step.provides)));
  let pending = [...steps];
  while (pending.length > 0) {
    const ready = pending.filter((step) => step.dependsOn.every((ref) => !providers.has(refId(ref)) || resolver.created.has(refId(ref))));
    if (ready.length === 0) throw new Error(`dependency cycle among ${pending.map((step) => step.naturalKey).join(', ')}`);
    for (const step of ready) {
      const outcome = await step.create(target, resolver);
      outcomes.set(step.naturalKey, outcome);
      resolver.created.set(refId(step.provides), outcome);
    }
    pending = pending.filter((step) => !ready.includes(step));
  }
  return outcomes;
}

/** One SourceRow from column values (the columns a test does not name are absent). */
export function rowFrom(kind: string, values: Record<string, string>, row = 2): SourceRow {
  return { file: `${kind}.csv`, kind, row, line: row, key: '', values };
}
