// Billing a target keeps as imported history (`target.billingHistory`: ChartMogul's invoices) is never
// edited: when what a row imports changed (its priced amount, plan, period…), the customer that holds it
// has its billing deleted and imported again from the templates as they are now, every object of it
// (crash-safe: each is journaled as an intent first, so a killed run's next resync imports what is missing).
import { isRowLevelFailure, messagesOf } from '../importer/failures.js';
import type { ImportResolver } from '../importer/resolver.js';
import { naturalKeyOf, refTo, type Operation } from '../plan/operation.js';
import { objectRef, type Journal, type JournalRecord } from '../state/journal.js';
import type { BillingHistory, SiteCustomer, Target } from '../targets/target.js';
import type { ObjectVerdict } from './object-merge.js';

/** One customer's billing imported again (or planned, or refused), as the report lists it. */
export interface ReimportEntry {
  customer: string;
  link: string;
  /** The keys of the objects its billing holds, as `${type}:${key}`. */
  objects: string[];
  /** planned: a dry run; refused: nothing deleted (see message); failed: some objects could not be imported again. */
  status: 'planned' | 'done' | 'refused' | 'failed';
  message?: string;
}

export interface ReimportOptions {
  target: Target;
  /** Every operation of the templates that resync knows, by natural key (what a customer's billing may hold). */
  operations: ReadonlyMap<string, Operation>;
  verdicts: Map<Operation, ObjectVerdict>;
  journal: Journal;
  resolver: ImportResolver;
  dryRun: boolean;
}

interface Group {
  customer: SiteCustomer;
  changed: Operation[];
}

/** The customers whose billing changed, each with the operations that changed it. */
function groupsOf(verdicts: Map<Operation, ObjectVerdict>): Group[] {
  const groups = new Map<string, Group>();
  for (const [operation, verdict] of verdicts) {
    if (verdict.billing === undefined) continue;
    const group = groups.get(verdict.billing.customer.id) ?? { customer: verdict.billing.customer, changed: [] };
    group.changed.push(operation);
    groups.set(group.customer.id, group);
  }
  return [...groups.values()];
}

function describe(customer: SiteCustomer): string {
  return `customer ${customer.id} (${customer.link})`;
}

/** A verdict whose billing was not imported again: its columns keep their last-applied value, so the next resync reports them again. */
function refuse(verdict: ObjectVerdict, note: string): void {
  const billing = verdict.billing!;
  verdict.status = 'conflict';
  verdict.notUpdatable = [...new Set([...verdict.notUpdatable, ...billing.columns])];
  verdict.reimport = note;
}

function journalBase(operation: Operation): Pick<JournalRecord, 'type' | 'naturalKey' | 'kind' | 'file' | 'row'> {
  return { type: operation.kind, naturalKey: naturalKeyOf(operation), kind: operation.source.kind, file: operation.source.file, row: operation.source.row };
}

/** The merge's last-applied values of an object left as it was (its billing not imported again), as resync journals any. */
export async function journalApplied(journal: Journal, operation: Operation, verdict: ObjectVerdict): Promise<void> {
  const object = journal.objects().get(naturalKeyOf(operation));
  if (object?.id === undefined || verdict.applied === undefined || JSON.stringify(verdict.applied) === JSON.stringify(object.applied ?? {})) return;
  await journal.record({
    ...objectRef(object), event: 'done', id: object.id, link: object.link ?? '', applied: verdict.applied,
    ...(object.nextRenewal !== undefined ? { nextRenewal: object.nextRenewal } : {}),
    ...(object.amount !== undefined ? { amount: object.amount } : {}),
  });
}

/** Subscriptions first: an invoice is imported in the currency of its subscription's opening invoice. */
function importOrder(a: Operation, b: Operation): number {
  return Number(a.kind !== 'subscription') - Number(b.kind !== 'subscription');
}

async function importAgain(history: BillingHistory, group: Group, held: Operation[], options: ReimportOptions): Promise<ReimportEntry['status']> {
  const { journal, verdicts } = options;
  for (const operation of held) await journal.record({ ...journalBase(operation), event: 'intent' });
  await history.clear(group.customer.id);
  let failed = false;
  for (const operation of held) {
    const verdict = verdicts.get(operation);
    try {
      const outcome = await history.importFor(group.customer.id, operation, options.resolver);
      options.resolver.remember(refTo(operation), outcome);
      // What the templates say now is what was imported; the rest of the row keeps what the merge decided.
      const applied = verdict?.billing?.applied ?? verdict?.applied ?? journal.objects().get(naturalKeyOf(operation))?.applied ?? outcome.applied;
      await journal.record({
        ...journalBase(operation), event: 'done', id: outcome.id, link: outcome.link,
        ...(applied !== undefined ? { applied } : {}),
        ...(outcome.nextRenewal !== undefined ? { nextRenewal: outcome.nextRenewal } : {}),
        ...(outcome.amount !== undefined ? { amount: outcome.amount } : {}),
      });
      if (verdict !== undefined) verdict.reimported = outcome;
      if (verdict?.billing !== undefined) verdict.applied = verdict.billing.applied;
    } catch (error) {
      if (!isRowLevelFailure(error)) throw error;
      failed = true;
      await journal.record({ ...journalBase(operation), event: 'failed', error: messagesOf(error) });
      if (verdict?.billing !== undefined) refuse(verdict, `not imported again: ${messagesOf(error)}`);
    }
  }
  return failed ? 'failed' : 'done';
}

/**
 * Imports again the billing of each customer whose billing changed: all of it (the target deletes a
 * customer's billing as a whole), refused when the customer holds billing the templates do not give
 * (deleting it would lose it). A dry run only plans. Answers what each customer got.
 */
export async function reimportBilling(options: ReimportOptions): Promise<ReimportEntry[]> {
  const history = options.target.billingHistory;
  if (history === undefined) return [];
  const entries: ReimportEntry[] = [];
  for (const group of groupsOf(options.verdicts)) {
    const refs = await history.held(group.customer.id);
    const keys = refs.map((ref) => `${ref.type}:${ref.key}`);
    const unknown = keys.filter((key) => !options.operations.has(key));
    const held = keys.flatMap((key) => (options.operations.has(key) ? [options.operations.get(key)!] : [])).sort(importOrder);
    const entry: ReimportEntry = { customer: group.customer.id, link: group.customer.link, objects: keys, status: 'planned' };
    if (unknown.length > 0) {
      entry.status = 'refused';
      entry.message = `${describe(group.customer)} also holds billing these templates do not give (${unknown.join(', ')}): nothing deleted, nothing imported again (include the files those rows are in)`;
      for (const operation of group.changed) {
        const verdict = options.verdicts.get(operation)!;
        refuse(verdict, `not imported again: ${entry.message}`);
        if (!options.dryRun) await journalApplied(options.journal, operation, verdict);
      }
    } else if (options.dryRun) {
      for (const operation of group.changed) options.verdicts.get(operation)!.reimport = `billing of ${describe(group.customer)} to be deleted and imported again: ${keys.join(', ')}`;
    } else {
      entry.status = await importAgain(history, group, held, options);
      for (const operation of group.changed) {
        const verdict = options.verdicts.get(operation)!;
        verdict.reimport ??= `billing of ${describe(group.customer)} deleted and imported again (${keys.length} invoices)`;
      }
    }
    entries.push(entry);
  }
  return entries;
}
