// Settles the intents a crashed or killed run left open, before anything new is sent: each is looked
// up on the site (by reference, handle or code); found → journaled as done, absent → as not created.
import { objectRef, type Journal, type JournalObject } from '../state/journal.js';
import type { Target } from '../targets/target.js';
import { outcomeFields } from './execute.js';
import { isRowLevelFailure, messagesOf } from './failures.js';
import { refTo } from '../plan/operation.js';
import { typeRank, type Plan } from './plan.js';
import { runPool } from './pool.js';
import type { ImportResolver } from './resolver.js';

export interface ReconcileReport {
  found: number;
  absent: number;
  /** Intents whose rows are not in this run's files: left open for a run that has them. */
  unknown: number;
}

export async function reconcileIntents(
  plan: Plan,
  journal: Journal,
  target: Target,
  resolver: ImportResolver,
  concurrency: number,
): Promise<ReconcileReport> {
  const report: ReconcileReport = { found: 0, absent: 0, unknown: 0 };
  const open = journal.unfinishedIntents().sort((a, b) => typeRank(a.type) - typeRank(b.type));
  // Level by level, so that a subscription's lookup can resolve the customer reconciled just before.
  const levels = new Map<number, JournalObject[]>();
  for (const intent of open) {
    const rank = typeRank(intent.type);
    levels.set(rank, [...(levels.get(rank) ?? []), intent]);
  }
  for (const intents of levels.values()) {
    await runPool(intents, concurrency, () => false, async (intent) => {
      const node = plan.byNaturalKey.get(intent.naturalKey);
      if (!node) {
        report.unknown += 1;
        return;
      }
      const base = objectRef(intent);
      let outcome;
      try {
        outcome = await target.find(node.operation, resolver);
      } catch (error) {
        // A dependency that cannot be resolved means the object cannot exist either.
        if (!isRowLevelFailure(error)) throw error;
        outcome = undefined;
      }
      if (outcome) {
        // The create reached the site; what it could not carry may not have: complete it before it counts as done.
        try {
          await target.finish(node.operation, resolver, outcome);
        } catch (error) {
          if (!isRowLevelFailure(error)) throw error;
          // Failed, like a create whose follow-up failed: the next run finds the object and completes it again.
          await journal.record({ ...base, event: 'failed', error: messagesOf(error) });
          report.found += 1;
          return;
        }
        await journal.record({ ...base, event: 'done', ...outcomeFields(outcome) });
        resolver.remember(refTo(node.operation), outcome);
        report.found += 1;
      } else {
        await journal.record({ ...base, event: 'failed', error: 'not created: the interrupted create did not reach the site' });
        report.absent += 1;
      }
    });
  }
  return report;
}
