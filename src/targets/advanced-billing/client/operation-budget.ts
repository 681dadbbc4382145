// One retry budget per operation: the retries and the time spent waiting between them are counted once
// for everything the call sends — its retries, and the lookups or fresh asks its 409 handling makes — so
// no path back into the transport can start the count again; a 409 after the first spends a retry too.
import { AsyncLocalStorage } from 'node:async_hooks';

export interface BudgetLimits {
  /** Retries after a failed attempt, for the whole operation. */
  retries: number;
  /** Milliseconds the operation may spend waiting between retries, in all. */
  waitMs: number;
}

export class OperationBudget {
  private retriesUsed = 0;
  private waitedMs = 0;
  private duplicatesSeen = 0;

  constructor(readonly limits: BudgetLimits) {}

  /** Retries taken so far (the number the next one will carry, less one). */
  get retries(): number {
    return this.retriesUsed;
  }

  get waited(): number {
    return this.waitedMs;
  }

  /** Why a retry after a wait of `ms` is refused, or undefined (and the retry counted) when it fits. */
  takeRetry(ms: number): 'retries' | 'wait' | undefined {
    if (this.retriesUsed >= this.limits.retries) return 'retries';
    if (this.waitedMs + ms > this.limits.waitMs) return 'wait';
    this.retriesUsed += 1;
    this.waitedMs += ms;
    return undefined;
  }

  /**
   * Counts a 409: the operation's first is free (it only says an earlier attempt went through); each
   * later one means its 409 handling asked again, and spends a retry. False when none is left.
   */
  takeDuplicate(): boolean {
    this.duplicatesSeen += 1;
    return this.duplicatesSeen === 1 || this.takeRetry(0) === undefined;
  }
}

const current = new AsyncLocalStorage<OperationBudget>();

/**
 * Runs `send` under the budget of the operation already under way in this async context (a request sent
 * from a 409 handler), or under a new one when this request starts an operation.
 */
export function withOperationBudget<T>(limits: BudgetLimits, send: (budget: OperationBudget) => Promise<T>): Promise<T> {
  const existing = current.getStore();
  if (existing !== undefined) return send(existing);
  const budget = new OperationBudget(limits);
  return current.run(budget, () => send(budget));
}
