// Every call to ChartMogul goes through here: Basic auth, the account's pacing, retries of 429, 5xx,
// timeouts and dropped connections under one budget per operation, a deadline and a size limit on every
// answer, typed errors and logs that never carry the API key.
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Json, JsonObject } from '../../advanced-billing/api.js';
import { errorKindForStatus } from '../../advanced-billing/client/api-error.js';
import { AnswerTooLarge, sendAttempt, type RawAnswer } from '../../advanced-billing/client/attempt.js';
import { backoffDelay, errorCodeOf, isRetryableError, isRetryableStatus, isTimeoutCode, parseRetryAfter } from '../../advanced-billing/client/backoff.js';
import { withOperationBudget, type OperationBudget } from '../../advanced-billing/client/operation-budget.js';
import { redactText } from '../../advanced-billing/client/redact.js';
import type { ClientOptions } from '../../advanced-billing/client/transport.js';
import { parseJson, queryString, type Query } from '../../advanced-billing/client/wire.js';
import { acquireAccountConnection, CHARTMOGUL_PARALLEL_REQUESTS, CHARTMOGUL_REQUESTS_PER_SECOND, releaseAccountConnection, type AccountConnection } from './connection.js';
import { chartMogulMessages, ChartMogulError } from './errors.js';
import { callLimits, type CallLimits } from './limits.js';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface AccountAccess {
  /** The account's name in the configuration (for messages). */
  name: string;
  baseUrl: string;
  /** Absent only for an emulator that does not check keys. */
  apiKey?: string;
}

/** Advanced Billing's options (the CLI passes the same object), and ChartMogul's pace. */
export interface ChartMogulClientOptions extends ClientOptions {
  /** Requests sent in any second at most (default 40, ChartMogul's published limit per account). */
  requestsPerSecond?: number;
  /** Requests in flight at most (default 10; ChartMogul allows 20). `concurrency`, when given, caps it too. */
  maxInFlight?: number;
}

export interface RequestOptions {
  query?: Query;
  body?: JsonObject;
  /** Answer undefined instead of throwing on 404. */
  allowNotFound?: boolean;
}

/** Half of the 20 parallel requests ChartMogul allows: room for another tool on the same account. */
const DEFAULT_MAX_IN_FLIGHT = 10;
const USER_AGENT = 'chargify-migrate (+https://github.com/maxio-com)';

/** One call as the retry loop sends and reports it: the query string and body serialised once for every attempt. */
interface Call {
  method: HttpMethod;
  path: string;
  query: string;
  bodyText: string | undefined;
  /** "METHOD path?query" for logs, the key redacted. */
  shown: string;
  options: RequestOptions;
}

export class ChartMogulTransport {
  readonly baseUrl: string;
  private readonly accountName: string;
  private readonly connection: AccountConnection;
  private readonly authorization: string | undefined;
  /** The key and its Basic header: never in a log line or an error. */
  private readonly secrets: string[];
  private readonly limits: CallLimits;
  private readonly options: ChartMogulClientOptions;
  private closed = false;

  constructor(access: AccountAccess, options: ChartMogulClientOptions = {}) {
    const inFlight = Math.min(options.maxInFlight ?? DEFAULT_MAX_IN_FLIGHT, options.concurrency ?? Infinity, CHARTMOGUL_PARALLEL_REQUESTS);
    const limits = { perSecond: atLeastOne(options.requestsPerSecond ?? CHARTMOGUL_REQUESTS_PER_SECOND), maxInFlight: atLeastOne(inFlight) };
    this.connection = acquireAccountConnection(access.baseUrl, access.apiKey, limits);
    this.baseUrl = this.connection.baseUrl;
    this.accountName = access.name;
    const key = access.apiKey ?? '';
    // ChartMogul takes the key as the Basic user name with an empty password, as its official clients send it.
    const basic = Buffer.from(`${key}:`).toString('base64');
    this.authorization = key === '' ? undefined : `Basic ${basic}`;
    this.secrets = key === '' ? [] : [key, basic];
    this.limits = callLimits(options);
    this.options = options;
  }

  /** Sends one API call, retrying what is safe to retry; answers its JSON body (undefined when empty). */
  async request<T extends Json = JsonObject>(method: HttpMethod, path: string, options: RequestOptions = {}): Promise<T | undefined> {
    const query = queryString(options.query);
    const call: Call = {
      method,
      path,
      query,
      bodyText: options.body === undefined ? undefined : JSON.stringify(options.body),
      shown: redactText(`${method} ${path}${query}`, this.secrets),
      options,
    };
    if (this.options.debug === true && call.bodyText !== undefined) this.emit(`${call.shown} > ${call.bodyText}`);
    return (await withOperationBudget(this.limits.budget, (budget) => this.attempts(call, budget))) as T | undefined;
  }

  private async attempts(call: Call, budget: OperationBudget): Promise<Json | undefined> {
    const { method, path, shown } = call;
    // An attempt whose answer was lost may have done its work: a DELETE retried after one may find nothing left.
    let answerLost = false;
    for (;;) {
      const started = performance.now();
      let answer: RawAnswer;
      try {
        answer = await this.send(call);
      } catch (error) {
        const code = this.failureCode(call, error);
        const took = `${code} ${elapsedSince(started)}ms`;
        const reason = isTimeoutCode(code) ? `no whole answer within ${seconds(this.limits.timeoutMs)} s` : `the connection failed (${code})`;
        if (isRetryableError(code) && (await this.waitToRetry(call, budget, backoffDelay(budget.retries, this.limits.backoff), reason, took))) {
          answerLost = true;
          continue;
        }
        if (!isRetryableError(code)) this.emit(`${shown} ${took}`);
        const tries = budget.retries > 0 ? `, ${budget.retries + 1} attempts` : '';
        throw new ChartMogulError({
          kind: isTimeoutCode(code) ? 'timeout' : 'network',
          messages: [],
          method,
          path,
          detail: isTimeoutCode(code) ? `got no whole answer within ${seconds(this.limits.timeoutMs)} s (${code}${tries})` : `could not reach ChartMogul account "${this.accountName}" at ${this.connection.origin} (${code}${tries})`,
        });
      }
      const { status } = answer;
      const took = `${status} ${elapsedSince(started)}ms`;
      const body = parseJson(answer.text);
      if (status >= 200 && status < 300) {
        this.emit(`${shown} ${took}`);
        if (this.options.debug === true && answer.text !== '') this.emit(`${shown} < ${answer.text}`);
        return body;
      }
      if (status === 404 && (call.options.allowNotFound === true || (method === 'DELETE' && answerLost))) {
        this.emit(`${shown} ${took}`);
        return undefined;
      }
      if (isRetryableStatus(status) && (await this.retryAnswer(call, budget, answer, took))) continue;
      if (!isRetryableStatus(status)) this.emit(`${shown} ${took}`);
      const messages = chartMogulMessages(body, answer.text).map((message) => redactText(message, this.secrets));
      throw new ChartMogulError({ kind: errorKindForStatus(status), status, messages, method, path });
    }
  }

  /** The code of an attempt that got no answer; an answer past the size limit fails the call at once. */
  private failureCode(call: Call, error: unknown): string {
    if (error instanceof AnswerTooLarge) {
      const limit = `${(error.maxBytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MiB`;
      this.emit(`${call.shown} answer past ${limit}, dropped`);
      throw new ChartMogulError({ kind: 'too-large', messages: [], method: call.method, path: call.path, detail: `sent an answer larger than ${limit} (the maxAnswerMegabytes limit)` });
    }
    const code = errorCodeOf(error);
    if (code === undefined) throw error;
    return code;
  }

  /** A 429 or 5xx: waits as asked (Retry-After, capped) or backs off, and says whether to try again. */
  private async retryAnswer(call: Call, budget: OperationBudget, answer: RawAnswer, took: string): Promise<boolean> {
    const { status } = answer;
    const retryAfter = parseRetryAfter(answer.headers['retry-after']);
    const wait =
      retryAfter !== undefined ? Math.min(retryAfter, this.limits.retryAfterMaxMs) : Math.max(backoffDelay(budget.retries, this.limits.backoff), status === 429 ? this.limits.backoff.baseMs : 0);
    const reason = retryAfter !== undefined ? `ChartMogul asked to retry later (${status})` : status === 429 ? 'ChartMogul is throttling requests (429)' : `ChartMogul answered ${status}`;
    // A 429 or a Retry-After holds every request to the account; another wait is this call's alone.
    const holdAll = status === 429 || retryAfter !== undefined;
    return this.waitToRetry(call, budget, wait, reason, took, holdAll);
  }

  /** Spends one retry of the operation's budget on a wait of `ms`, announces it and waits; false when it has no room. */
  private async waitToRetry(call: Call, budget: OperationBudget, ms: number, reason: string, took: string, holdAll = false): Promise<boolean> {
    const refused = budget.takeRetry(ms);
    if (refused !== undefined) {
      const why = refused === 'wait' ? `, not retried: ${seconds(budget.waited)} s already waited of ${seconds(budget.limits.waitMs)} s` : '';
      this.emit(`${call.shown} ${took}${why}`);
      return false;
    }
    const max = budget.limits.retries;
    this.emit(`${call.shown} ${took}, retry ${budget.retries}/${max} in ${ms}ms`);
    this.options.onWait?.({ seconds: ms / 1000, reason, attempt: budget.retries, max, call: redactText(`${call.method} ${call.path}`, this.secrets) });
    if (holdAll) this.connection.pacer.pauseFor(ms);
    else await sleep(ms);
    return true;
  }

  private async send(call: Call): Promise<RawAnswer> {
    const { pacer, pool } = this.connection;
    await pacer.acquire();
    try {
      const headers: Record<string, string> = { accept: 'application/json', 'user-agent': USER_AGENT };
      if (this.authorization !== undefined) headers.authorization = this.authorization;
      if (call.bodyText !== undefined) headers['content-type'] = 'application/json';
      // The deadline starts once the pacer lets the request go: its wait is not the answer's fault.
      return await sendAttempt(pool, { method: call.method, path: `${this.connection.pathPrefix}${call.path}${call.query}`, headers, body: call.bodyText }, { deadlineMs: this.limits.timeoutMs, maxBytes: this.limits.maxAnswerBytes });
    } finally {
      pacer.release();
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await releaseAccountConnection(this.connection);
  }

  private emit(line: string): void {
    this.options.logger?.(redactText(line, this.secrets));
  }
}

/** A limit as a whole number of at least one (Infinity stays: no limit). */
function atLeastOne(value: number): number {
  return Number.isNaN(value) ? 1 : Math.max(1, Math.floor(value));
}

function elapsedSince(started: number): number {
  return Math.round(performance.now() - started);
}

/** Milliseconds as seconds for messages: whole when whole, else to a tenth. */
function seconds(ms: number): string {
  return ms % 1000 === 0 ? String(ms / 1000) : (ms / 1000).toFixed(1);
}
