// Runs a plan against a site: a dependency-driven scheduler that keeps the site's concurrency busy,
// journals every create's intent before sending it and its outcome after, and stops cleanly on demand.
import { sourceName } from '../workbook/location.js';
import type { Journal } from '../state/journal.js';
import type { Target } from '../targets/target.js';
import { LAST_CATALOG_RANK, typeRank, type Plan, type PlanNode } from './plan.js';
import type { ImportResolver } from './resolver.js';
import { isRowLevelFailure, messagesOf } from './failures.js';
import { refTo, type StepOutcome } from '../plan/operation.js';
import { operationToken } from './intent-token.js';
import { createProgress } from './progress.js';

export type NodeStatus = 'done' | 'skipped' | 'failed' | 'blocked' | 'pending';

export interface NodeResult {
  status: NodeStatus;
  outcome?: StepOutcome;
  /** API or validation messages (failed), or "not sent: waits for …" (blocked). */
  error?: string;
}

export interface ExecuteOptions {
  target: Target;
  journal: Journal;
  resolver: ImportResolver;
  /** Steps in flight at once; a little above the site's request limit keeps its slots busy while journal writes happen. */
  inFlight: number;
  /** Only these nodes run (a canary); the rest stay pending. */
  only?: Set<PlanNode>;
  /** Aborting stops scheduling; in-flight operations get `graceMs` to finish before they are abandoned (left pending). */
  signal?: AbortSignal;
  graceMs?: number;
  onSettled?: (node: PlanNode, result: NodeResult) => void;
}

export interface ExecuteResult {
  results: Map<PlanNode, NodeResult>;
  /** Set when the site failed the run (authentication, unreachable): remaining nodes stay pending. */
  fatal?: unknown;
  interrupted: boolean;
}

export interface ProgressedExecuteOptions extends Omit<ExecuteOptions, 'inFlight' | 'onSettled'> {
  /** Requests the site allows at once. */
  concurrency: number;
  /** Where progress goes (stderr); undefined = no progress. */
  progress?: NodeJS.WriteStream;
}

/** Runs the plan as an import or a resync does: a few more operations in flight than request slots, progress per settled node. */
export async function executeWithProgress(plan: Plan, options: ProgressedExecuteOptions): Promise<ExecuteResult> {
  const { concurrency, progress: stream, ...rest } = options;
  const progress = stream ? createProgress({ total: options.only ? options.only.size : plan.nodes.length, stream }) : undefined;
  const result = await executePlan(plan, {
    ...rest,
    // A few more operations than request slots keep the slots busy while journal writes are in flight.
    inFlight: concurrency * 2,
    onSettled: (_node, settled) => progress?.tick(settled.status === 'failed' || settled.status === 'blocked', settled.status === 'skipped'),
  });
  progress?.stop();
  return result;
}

const CUSTOMER_RANK = typeRank('customer');
const PAYMENT_PROFILE_RANK = typeRank('payment_profile');

/**
 * Subscriptions, balances and invoices name products, components and coupons by handle in many
 * columns; should the mapping leave one out of dependsOn, waiting for the whole catalog still keeps
 * the order. Catalog objects and customers (which name no catalog object) follow their explicit
 * dependencies only, so customers import while the catalog does.
 */
function waitsForCatalog(rank: number): boolean {
  return rank > LAST_CATALOG_RANK && rank !== CUSTOMER_RANK && rank !== PAYMENT_PROFILE_RANK;
}

/** What `describeWait` names: the first row of the node that failed. */
function describeWait(node: PlanNode): string {
  const row = node.rows[0]!;
  return `not sent: waits for ${sourceName({ path: row.file, sheet: row.sheet })} row ${row.row} (${row.key}), which failed`;
}

/** Outcomes already on record for a node: journaled as done in this or an earlier run. */
function journaledOutcome(journal: Journal, node: PlanNode): StepOutcome | undefined {
  const object = journal.objects().get(node.naturalKey);
  if (object?.state !== 'done' || object.id === undefined) return undefined;
  return {
    id: object.id,
    link: object.link ?? '',
    ...(object.applied ? { applied: object.applied } : {}),
    ...(object.nextRenewal !== undefined ? { nextRenewal: object.nextRenewal } : {}),
    ...(object.amount !== undefined ? { amount: object.amount } : {}),
  };
}

export async function executePlan(plan: Plan, options: ExecuteOptions): Promise<ExecuteResult> {
  const { journal, resolver, target } = options;
  const results = new Map<PlanNode, NodeResult>();
  const selected = (node: PlanNode): boolean => !options.only || options.only.has(node);

  // Readiness: explicit dependencies still open, and the catalog gate (see waitsForCatalog).
  const openDeps = new Map<PlanNode, number>();
  let openCatalog = 0;
  const buckets: PlanNode[][] = [];
  let fatal: unknown;
  let stopping = false;
  let inFlight = 0;
  let remaining = 0;
  // Set once the run returns: abandoned operations that answer later must not change the results.
  let finished = false;

  const settle = (node: PlanNode, result: NodeResult): void => {
    if (results.has(node)) return;
    results.set(node, result);
    const rank = typeRank(node.operation.kind);
    if (rank <= LAST_CATALOG_RANK) openCatalog -= 1;
    remaining -= 1;
    options.onSettled?.(node, result);
    if (result.status === 'failed' || result.status === 'blocked') {
      const reason = result.status === 'failed' ? describeWait(node) : result.error!;
      for (const dependant of node.dependants) if (selected(dependant)) settle(dependant, { status: 'blocked', error: reason });
    } else if (result.status === 'done' || result.status === 'skipped') {
      if (result.outcome) resolver.remember(refTo(node.operation), result.outcome);
      for (const dependant of node.dependants) {
        if (results.has(dependant) || !selected(dependant)) continue;
        const left = openDeps.get(dependant)! - 1;
        openDeps.set(dependant, left);
        if (left === 0) enqueue(dependant);
      }
    }
  };

  const queued = new Set<PlanNode>();
  const enqueue = (node: PlanNode): void => {
    if (queued.has(node)) return;
    queued.add(node);
    const rank = typeRank(node.operation.kind);
    (buckets[rank] ??= []).push(node);
  };

  const gateOpen = (rank: number): boolean => !waitsForCatalog(rank) || openCatalog === 0;

  const nextReady = (): PlanNode | undefined => {
    for (let rank = 0; rank < buckets.length; rank += 1) {
      const bucket = buckets[rank];
      if (bucket && bucket.length > 0 && gateOpen(rank)) return bucket.shift();
    }
    return undefined;
  };

  for (const node of plan.nodes) {
    if (!selected(node)) continue;
    remaining += 1;
    const rank = typeRank(node.operation.kind);
    if (rank <= LAST_CATALOG_RANK) openCatalog += 1;
    openDeps.set(node, node.deps.filter(selected).length);
  }
  // Settle what needs no request first: journaled objects, and nodes that cannot be sent.
  for (const node of plan.nodes) {
    if (!selected(node) || results.has(node)) continue;
    const outcome = journaledOutcome(journal, node);
    if (outcome) settle(node, { status: 'skipped', outcome });
    else if (node.preFailure !== undefined) settle(node, { status: 'failed', error: node.preFailure });
  }
  for (const node of plan.nodes) {
    if (selected(node) && !results.has(node) && openDeps.get(node) === 0) enqueue(node);
  }

  const runNode = async (node: PlanNode): Promise<NodeResult> => {
    const source = node.rows[0]!;
    const base = { type: node.operation.kind, naturalKey: node.naturalKey, kind: source.kind, file: source.file, ...(source.sheet !== undefined ? { sheet: source.sheet } : {}), row: source.row };
    const token = operationToken(target, node.operation, journal.objects().get(node.naturalKey)?.erasedAt);
    await journal.record({ ...base, event: 'intent', ...(token === undefined ? {} : { token }) });
    try {
      const outcome = await target.create(node.operation, resolver, token);
      await journal.record({ ...base, event: 'done', ...outcomeFields(outcome) });
      return { status: 'done', outcome };
    } catch (error) {
      if (!isRowLevelFailure(error)) throw error;
      const message = messagesOf(error);
      await journal.record({ ...base, event: 'failed', error: message });
      return { status: 'failed', error: message };
    }
  };

  await new Promise<void>((resolveAll) => {
    let abandonTimer: NodeJS.Timeout | undefined;
    const finishIfIdle = (): void => {
      if (inFlight === 0 && (remaining === 0 || stopping || nextReadyIsBlockedForever())) {
        if (abandonTimer) clearTimeout(abandonTimer);
        options.signal?.removeEventListener('abort', onAbort);
        resolveAll();
      }
    };
    // With nothing in flight and nothing ready, the rest waits on nodes outside the selection.
    const nextReadyIsBlockedForever = (): boolean => buckets.every((bucket) => bucket.length === 0);
    const pump = (): void => {
      while (!stopping && inFlight < options.inFlight) {
        const node = nextReady();
        if (!node) break;
        if (results.has(node)) continue;
        inFlight += 1;
        runNode(node).then(
          (result) => {
            if (finished) return;
            inFlight -= 1;
            settle(node, result);
            pump();
          },
          (error: unknown) => {
            if (finished) return;
            inFlight -= 1;
            fatal ??= error;
            stopping = true;
            pump();
          },
        );
      }
      finishIfIdle();
    };
    const onAbort = (): void => {
      stopping = true;
      // Abandoned operations keep their journaled intent: the next run reconciles them against the site.
      abandonTimer = setTimeout(() => {
        options.signal?.removeEventListener('abort', onAbort);
        resolveAll();
      }, options.graceMs ?? 5_000);
      abandonTimer.unref?.();
      finishIfIdle();
    };
    if (options.signal?.aborted) onAbort();
    else options.signal?.addEventListener('abort', onAbort);
    pump();
  });

  finished = true;
  for (const node of plan.nodes) {
    if (selected(node) && !results.has(node)) results.set(node, { status: 'pending' });
  }
  return { results, fatal, interrupted: options.signal?.aborted === true };
}

export function outcomeFields(outcome: StepOutcome): Partial<StepOutcome> {
  return {
    id: outcome.id,
    link: outcome.link,
    ...(outcome.applied ? { applied: outcome.applied } : {}),
    ...(outcome.nextRenewal !== undefined ? { nextRenewal: outcome.nextRenewal } : {}),
    ...(outcome.amount !== undefined ? { amount: outcome.amount } : {}),
  };
}
