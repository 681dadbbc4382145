// The limits every call to ChartMogul keeps, read from the options with the same defaults and meaning as
// Advanced Billing's client (so the CLI hands both the same ClientOptions).
import type { BackoffPolicy } from '../../advanced-billing/client/backoff.js';
import type { BudgetLimits } from '../../advanced-billing/client/operation-budget.js';
import type { ClientOptions } from '../../advanced-billing/client/transport.js';

export interface CallLimits {
  /** One attempt's whole answer, headers and body (default 120 s). */
  timeoutMs: number;
  /** The largest answer read (default 32 MiB: a page of 200 invoices with their line items is a few MB). */
  maxAnswerBytes: number;
  /** One operation's retries (default 6) and waits between them in all (default 5 minutes). */
  budget: BudgetLimits;
  /** The longest Retry-After honoured (default a minute); a longer one is waited only this long. */
  retryAfterMaxMs: number;
  /** Full-jitter backoff from 500 ms, doubling up to 30 s. */
  backoff: BackoffPolicy;
}

export function callLimits(options: ClientOptions): CallLimits {
  return {
    timeoutMs: options.timeoutMs ?? 120_000,
    maxAnswerBytes: options.maxAnswerBytes ?? 32 * 1024 * 1024,
    budget: { retries: options.maxRetries ?? 6, waitMs: options.retryWaitTotalMs ?? 300_000 },
    retryAfterMaxMs: options.retryAfterMaxMs ?? 60_000,
    backoff: { baseMs: options.backoffBaseMs ?? 500, maxMs: options.backoffMaxMs ?? 30_000, random: options.random ?? Math.random },
  };
}
