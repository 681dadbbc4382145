// Typed failures of calls to the site: the status, the API's own messages and the method + path,
// never credentials. ApiError is a TargetError, so an uncaught one ends the run with exit 3.
import { TargetError } from '../../../errors.js';

export type ApiErrorKind =
  | 'auth' // 401: the key is wrong
  | 'forbidden' // 403: the site refuses the operation (purge or clear-data on a live site, missing rights)
  | 'not-found' // 404
  | 'validation' // 400/422: the site refused this object's data
  | 'conflict' // 409 that could not be resolved to an existing object
  | 'rate-limited' // 429 still answered after every retry
  | 'server' // 5xx still answered after every retry
  | 'timeout' // no whole answer within the deadline, after every retry
  | 'network' // connection refused, reset or unresolvable, after every retry
  | 'too-large' // an answer past the size limit (maxAnswerMegabytes), dropped unread
  | 'protocol'; // an answer the client cannot read (not JSON, wrong shape)

const HINTS: Partial<Record<ApiErrorKind, string>> = {
  auth: 'Check the API key in the environment variable your site configuration names (apiKeyEnv), and that it belongs to this site.',
  forbidden: 'The site refuses this operation: purge and clear-data work on test sites only, and the API user needs the rights for it.',
  'rate-limited': 'The site kept refusing requests (429); wait a few minutes and resume, or lower the concurrency.',
  server: 'The site kept failing; try again later — what was done so far is journaled.',
  timeout: 'The site did not answer in time (timeoutSeconds in the configuration); try again later — what was done so far is journaled.',
  'too-large': 'Raise maxAnswerMegabytes in the configuration only if the site really sends answers this large; what was done so far is journaled.',
  network: 'Check the site address and your network connection.',
};

/** Kinds that belong to one row (the importer records them and goes on); the rest stop the run (exit 3). */
const ROW_LEVEL: ReadonlySet<ApiErrorKind> = new Set(['validation', 'not-found', 'conflict']);

export class ApiError extends TargetError {
  readonly kind: ApiErrorKind;
  /** HTTP status, absent for timeouts and network failures. */
  readonly status?: number;
  readonly method: string;
  /** Request path without the query string. */
  readonly path: string;

  constructor(fields: {
    kind: ApiErrorKind;
    status?: number;
    messages: string[];
    method: string;
    path: string;
    detail?: string;
  }) {
    const what = fields.status !== undefined ? `answered ${fields.status}` : (fields.detail ?? 'failed');
    const said = fields.messages.length > 0 ? `: ${fields.messages.join('; ')}` : '';
    const sentence = `${fields.method} ${fields.path} ${what}${said}`;
    // The API's `errors` messages (already redacted) become the TargetError's, and the kind says whose failure it is.
    super(`target-${fields.kind}`, /[.!?]$/.test(sentence) ? sentence : `${sentence}.`, {
      hint: HINTS[fields.kind],
      messages: fields.messages,
      rowLevel: ROW_LEVEL.has(fields.kind),
    });
    this.name = 'ApiError';
    this.kind = fields.kind;
    this.status = fields.status;
    this.method = fields.method;
    this.path = fields.path;
  }
}

/** Errors that belong to one row (the importer records them and goes on); the rest stop the run (exit 3). */
export function isRowLevel(error: unknown): boolean {
  return error instanceof ApiError && error.rowLevel;
}

export function errorKindForStatus(status: number): ApiErrorKind {
  if (status === 401) return 'auth';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not-found';
  if (status === 409) return 'conflict';
  if (status === 429) return 'rate-limited';
  if (status >= 500) return 'server';
  return 'validation';
}
