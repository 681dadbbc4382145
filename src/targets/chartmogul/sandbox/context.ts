// What a ChartMogul route handler gets (the parsed request, the store, the account) and gives back, and
// the error it throws: ChartMogul's error bodies differ by endpoint, so each error carries its own body.
import type { Store } from '../../advanced-billing/sandbox/store.js';

/**
 * The collections the emulator keeps; records have a numeric store id and ChartMogul's string `uuid`.
 * `aliases`: the external ids merged into a customer (routes/merges.ts); `cancellations`: the
 * cancellation dates set on a subscription (routes/subscription-updates.ts).
 */
export type CmCollection = 'data_sources' | 'customers' | 'plans' | 'invoices' | 'aliases' | 'cancellations';

export type CmStore = Store<CmCollection>;

export interface AccountSettings {
  name: string;
  currency: string;
  timeZone: string;
  /** How long after an import a data source takes to process it (ms): until then its subscriptions and MRR do not show. */
  processingDelayMs: number;
}

export interface CmContext {
  method: string;
  path: string;
  query: URLSearchParams;
  body: Record<string, unknown>;
  params: Record<string, string>;
  store: CmStore;
  account: AccountSettings;
  now: Date;
}

export interface CmReply {
  status: number;
  /** undefined: an empty body (204). */
  body?: unknown;
}

export type CmHandler = (context: CmContext) => CmReply;

export class CmError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {
    super(`ChartMogul emulator: ${status}`);
    this.name = 'CmError';
  }
}

/** The `{code, message, param}` body the customer, ping and metrics endpoints answer errors with. */
export function codeError(status: number, message: string, param: string | null = null): CmError {
  return new CmError(status, { code: status, message, param });
}

/** Timestamps as ChartMogul writes them: ISO 8601 with milliseconds. */
export function isoTime(date: Date): string {
  return date.toISOString();
}
