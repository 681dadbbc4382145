// A small bounded worker pool: reconciliation, erase and resync keep the site's request slots busy
// without starting new work once the run is told to stop.

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
