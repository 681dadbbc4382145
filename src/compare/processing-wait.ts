// Before comparing by MRR: wait, within a limit, until the target has processed every imported invoice,
// asking it every second (never a busy loop). What is shown while waiting is the caller's (onProgress).
import { setTimeout as sleep } from 'node:timers/promises';
import { ExitCode, MigrateError, TargetError } from '../errors.js';
import type { ProcessingState, RecurringRevenue } from '../targets/target.js';

/** How often the target is asked. */
export const PROCESSING_POLL_MS = 1000;

export interface ProcessingWaitOptions {
  /** How long to wait at most, in seconds (0: ask once and do not wait). */
  limitSeconds: number;
  /** Called after every answer, with the seconds waited so far. */
  onProgress(state: ProcessingState, waitedMs: number): void;
  /** Ctrl-C: stops the wait at once. */
  signal?: AbortSignal;
  pollMs?: number;
}

export interface ProcessingWaitResult {
  state: ProcessingState;
  waitedMs: number;
}

/**
 * Resolves once nothing is pending. With `limitSeconds` 0 it asks once and resolves whatever the
 * answer (the caller warns). Past the limit: a TargetError (exit 3) saying how many invoices are still
 * pending and what to do; on abort: an error with exit 130. Either way nothing was compared.
 */
export async function awaitProcessing(revenue: RecurringRevenue, options: ProcessingWaitOptions): Promise<ProcessingWaitResult> {
  const started = Date.now();
  const limitMs = options.limitSeconds * 1000;
  const pollMs = options.pollMs ?? PROCESSING_POLL_MS;
  for (;;) {
    const state = await revenue.processing();
    const waitedMs = Date.now() - started;
    options.onProgress(state, waitedMs);
    if (state.pending === 0 || limitMs === 0) return { state, waitedMs };
    if (waitedMs >= limitMs) throw stillPending(revenue.systemName, state, options.limitSeconds);
    try {
      await sleep(Math.min(pollMs, limitMs - waitedMs), undefined, options.signal ? { signal: options.signal } : {});
    } catch (error) {
      if (options.signal?.aborted) throw interrupted(revenue.systemName);
      throw error;
    }
  }
}

function stillPending(system: string, state: ProcessingState, limitSeconds: number): TargetError {
  return new TargetError(
    'processing-pending',
    `${system} is still processing ${invoices(state.pending)} after ${limitSeconds} s (--wait ${limitSeconds}), so its MRR is not final: nothing was compared.`,
    { hint: `Run migrate compare again later, or give it longer with --wait SECONDS (e.g. --wait ${Math.max(300, limitSeconds * 2)}).` },
  );
}

function interrupted(system: string): MigrateError {
  return new MigrateError('interrupted', `Interrupted while waiting for ${system} to process the import: nothing was compared.`, {
    exitCode: ExitCode.interrupted,
    hint: 'Run migrate compare again to compare.',
  });
}

/** "1 imported invoice", "12 imported invoices". */
export function invoices(count: number): string {
  return `${count} imported invoice${count === 1 ? '' : 's'}`;
}
