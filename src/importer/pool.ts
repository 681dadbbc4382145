// A small bounded worker pool shared by reconciliation, erase, resync and compare: keeps the site's
// request slots busy without starting new work once the run is told to stop or the site fails it.
import { isRowLevelFailure, messagesOf } from './failures.js';

/** Calls `work` for each item, at most `concurrency` at once; stops taking items once `stopped()` says so. */
export async function runPool<T>(items: readonly T[], concurrency: number, stopped: () => boolean, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length && !stopped()) {
      const item = items[next]!;
      next += 1;
      await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, items.length)) }, worker));
}

export interface Settled<T, R> {
  results: Map<T, R>;
  /** What stopped the run: a failure of the site rather than of one item. */
  fatal?: unknown;
}

/**
 * Runs `work` for each item in the pool, classifying what it throws: a refusal of one item (a
 * row-level failure) becomes that item's result through `failed`; anything else (401, 5xx,
 * unreachable) is kept as `fatal` and stops the pool taking items, as does the signal.
 */
export async function settleEach<T, R>(
  items: readonly T[],
  options: { concurrency: number; signal?: AbortSignal; onSettled?: (result: R) => void },
  work: (item: T) => Promise<R>,
  failed: (item: T, message: string) => R,
): Promise<Settled<T, R>> {
  const results = new Map<T, R>();
  let fatal: unknown;
  await runPool(items, options.concurrency, () => fatal !== undefined || options.signal?.aborted === true, async (item) => {
    let result: R;
    try {
      result = await work(item);
    } catch (error) {
      if (!isRowLevelFailure(error)) {
        fatal ??= error;
        return;
      }
      result = failed(item, messagesOf(error));
    }
    results.set(item, result);
    options.onSettled?.(result);
  });
  return { results, ...(fatal !== undefined ? { fatal } : {}) };
}
