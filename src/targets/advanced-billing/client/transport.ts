// Every call to a site goes through here: auth, JSON root keys, the shared concurrency limit, retries
// with backoff under one budget per operation, uniqueness tokens on writes, 409 recovery, a deadline and
// a size limit on every answer, typed errors and redacted logs.
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Dispatcher } from 'undici';
import type { Json, JsonObject } from '../api.js';
import { ApiError, errorKindForStatus } from './api-error.js';
import { AnswerTooLarge, sendAttempt } from './attempt.js';
import { backoffDelay, errorCodeOf, isRetryableError, isRetryableStatus, isTimeoutCode, parseRetryAfter } from './backoff.js';
import type { BackoffPolicy } from './backoff.js';
import { errorBodyMessages } from './error-body.js';
import { withOperationBudget, type BudgetLimits, type OperationBudget } from './operation-budget.js';
import type { ClientOptions, RetryWait } from '../../client-options.js';
import { listItems, parseJson, queryString, unwrap, type Query } from './wire.js';
import { maskedJson, redactText, secretsIn } from './redact.js';
import { acquireSiteConnection, MAX_CONCURRENCY, releaseSiteConnection } from './site-connection.js';
import type { SiteConnection } from './site-connection.js';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type { Query } from './wire.js';
export type { ClientOptions } from '../../client-options.js';

export interface SiteAccess {
  /** The site's name in the configuration (for messages). */
  name: string;
  baseUrl: string;
  /** Absent only for a sandbox that does not check keys. */
  apiKey?: string;
}


export interface RequestOptions {
  query?: Query;
  /** The whole body, root key included; writes also get a uniqueness_token beside the root key. */
  body?: JsonObject;
  /** Unwraps the answer: `{"customer": {...}}` → `{...}` (answers without the key pass through). */
  rootKey?: string;
  /** Token for a POST/PUT; by default a random one per call, reused by its retries. */
  uniquenessToken?: string;
  /**
   * On 409 (the site already received this token): the object an earlier attempt produced, if any.
   * `retried`: the 409 answered a retry of this call, so its own earlier attempt went through; else the
   * site had the token before this call began. What it sends belongs to this call's operation and
   * spends its budget.
   */
  onDuplicate?: (retried: boolean) => Promise<Json | undefined>;
  /** Answer undefined instead of throwing on 404. */
  allowNotFound?: boolean;
}

/** The API's maximum page size. */
const PER_PAGE = 200;
const DEFAULT_TIMEOUT_MS = 120_000;
const DEFAULT_MAX_RETRIES = 6;
/** A minute: long enough for a site's usual throttling window, short enough that six of them stay visible. */
const DEFAULT_RETRY_AFTER_MAX_MS = 60_000;
/**
 * After a 429 without Retry-After the vendor guide says to pause "a few minutes", then go slower: two
 * minutes, so that a call still has room for a second such pause within its five minutes of waiting.
 */
const DEFAULT_THROTTLE_PAUSE_MS = 120_000;
/** Five minutes of waiting per call in all: five capped Retry-Afters, or every backoff step several times over. */
const DEFAULT_RETRY_WAIT_TOTAL_MS = 300_000;
/**
 * The largest legitimate answer is a page of 200 objects (invoices with their line items: a few MB);
 * 32 MiB leaves ample room while four answers in flight stay far from the memory a run can spare.
 */
const DEFAULT_MAX_ANSWER_BYTES = 32 * 1024 * 1024;
/**
 * After a 409 on a retry, this call's earlier attempt may still be committing: look again after these
 * waits (× backoff base). A 409 on a first attempt answers an earlier call, long finished: one look.
 */
const DUPLICATE_LOOKUP_WAITS = [0, 1, 4];
const USER_AGENT = 'chargify-migrate (+https://github.com/maxio-com)';

interface Answer {
  status: number;
  headers: Dispatcher.ResponseData['headers'];
  body: Json | undefined;
  text: string;
}

/** One request as the retry loop sends and reports it. */
interface Call {
  method: HttpMethod;
  path: string;
  /** Path and query as sent (base path prefix included). */
  target: string;
  bodyText: string | undefined;
  /** Method, path and query for logs, secrets redacted. */
  shown: string;
  secrets: string[];
  options: RequestOptions;
}

export class ApiTransport {
  readonly baseUrl: string;
  /** What uniqueness tokens are derived from (see SiteConnection.identity). */
  protected readonly siteIdentity: string;
  private readonly siteName: string;
  private readonly connection: SiteConnection;
  private readonly authorization: string | undefined;
  private readonly secrets: string[];
  private readonly timeoutMs: number;
  private readonly maxAnswerBytes: number;
  private readonly budgetLimits: BudgetLimits;
  private readonly retryAfterMaxMs: number;
  private readonly throttlePauseMs: number;
  private readonly backoff: BackoffPolicy;
  private readonly log: ((line: string) => void) | undefined;
  private readonly onWait: ((wait: RetryWait) => void) | undefined;
  private readonly debug: boolean;
  private closed = false;

  constructor(site: SiteAccess, options: ClientOptions = {}) {
    const concurrency = Math.min(MAX_CONCURRENCY, Math.max(1, Math.floor(options.concurrency ?? MAX_CONCURRENCY)));
    this.connection = acquireSiteConnection(site.baseUrl, concurrency);
    this.baseUrl = this.connection.baseUrl;
    this.siteIdentity = this.connection.identity;
    this.siteName = site.name;
    this.authorization =
      site.apiKey === undefined || site.apiKey === '' ? undefined : `Basic ${Buffer.from(`${site.apiKey}:x`).toString('base64')}`;
    this.secrets = site.apiKey === undefined || site.apiKey === '' ? [] : [site.apiKey];
    if (this.authorization !== undefined) this.secrets.push(this.authorization.slice('Basic '.length));
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.maxAnswerBytes = options.maxAnswerBytes ?? DEFAULT_MAX_ANSWER_BYTES;
    this.budgetLimits = {
      retries: options.maxRetries ?? DEFAULT_MAX_RETRIES,
      waitMs: options.retryWaitTotalMs ?? DEFAULT_RETRY_WAIT_TOTAL_MS,
    };
    this.retryAfterMaxMs = options.retryAfterMaxMs ?? DEFAULT_RETRY_AFTER_MAX_MS;
    this.throttlePauseMs = options.throttlePauseMs ?? DEFAULT_THROTTLE_PAUSE_MS;
    this.backoff = { baseMs: options.backoffBaseMs ?? 500, maxMs: options.backoffMaxMs ?? 30_000, random: options.random ?? Math.random };
    this.log = options.logger;
    this.onWait = options.onWait;
    this.debug = options.debug ?? false;
  }

  /** Requests currently allowed in flight to this site (drops while the site answers 429). */
  get concurrencyLimit(): number {
    return this.connection.limiter.currentLimit;
  }

  /**
   * Sends one API call, retrying what is safe to retry; answers the unwrapped JSON body. A call made
   * while another is resolving its 409 (a lookup, a fresh ask) belongs to that operation and spends its
   * budget.
   */
  async request<T extends Json = JsonObject>(method: HttpMethod, path: string, options: RequestOptions = {}): Promise<T | undefined> {
    const isWrite = method === 'POST' || method === 'PUT';
    const payload: JsonObject | undefined = isWrite
      ? { ...(options.body ?? {}), uniqueness_token: options.uniquenessToken ?? randomUUID() }
      : options.body;
    const secrets = [...this.secrets, ...secretsIn(options.body)];
    const call: Call = {
      method,
      path,
      target: `${this.connection.pathPrefix}${path}${queryString(options.query)}`,
      bodyText: payload === undefined ? undefined : JSON.stringify(payload),
      shown: redactText(`${method} ${path}${queryString(options.query)}`, secrets),
      secrets,
      options,
    };
    if (this.debug && payload !== undefined) this.emit(`${call.shown} > ${JSON.stringify(maskedJson(payload))}`, secrets);
    return (await withOperationBudget(this.budgetLimits, (budget) => this.attempts(call, budget))) as T | undefined;
  }

  private async attempts(call: Call, budget: OperationBudget): Promise<Json | undefined> {
    const { method, path, shown, secrets, options } = call;
    const isWrite = method === 'POST' || method === 'PUT';
    for (let attempt = 0; ; attempt += 1) {
      const started = performance.now();
      let answer: Answer;
      try {
        answer = await this.send(method, call.target, call.bodyText);
      } catch (error) {
        if (error instanceof AnswerTooLarge) {
          this.emit(`${shown} answer past ${mebibytes(error.maxBytes)} MiB, dropped`, secrets);
          throw new ApiError({ kind: 'too-large', messages: [], method, path, detail: `sent an answer larger than ${mebibytes(error.maxBytes)} MiB (the maxAnswerMegabytes limit)` });
        }
        const code = errorCodeOf(error);
        if (code === undefined) throw error;
        const elapsed = Math.round(performance.now() - started);
        const timeout = isTimeoutCode(code);
        if (isRetryableError(code)) {
          const wait = backoffDelay(budget.retries, this.backoff);
          const reason = timeout ? `no whole answer within ${seconds(this.timeoutMs)} s` : `the connection failed (${code})`;
          if (await this.waitToRetry(call, budget, wait, reason, `${code} ${elapsed}ms`)) continue;
        } else {
          this.emit(`${shown} ${code} ${elapsed}ms`, secrets);
        }
        const attempts = attempt > 0 ? `${attempt + 1} attempts` : '';
        throw new ApiError({
          kind: timeout ? 'timeout' : 'network',
          messages: [],
          method,
          path,
          detail: timeout
            ? `got no whole answer within ${seconds(this.timeoutMs)} s${attempts ? ` (${attempts})` : ''}`
            : `could not reach site "${this.siteName}" at ${this.connection.origin} (${code}${attempts ? `, ${attempts}` : ''})`,
        });
      }
      const elapsed = Math.round(performance.now() - started);
      const { status } = answer;

      if (status >= 200 && status < 300) {
        this.connection.limiter.recordSuccess();
        this.emit(`${shown} ${status} ${elapsed}ms`, secrets);
        if (this.debug && answer.body !== undefined) this.emit(`${shown} < ${JSON.stringify(maskedJson(answer.body))}`, secrets);
        return unwrap(answer.body, options.rootKey);
      }
      if (status === 409 && isWrite) {
        if (!budget.takeDuplicate()) {
          this.emit(`${shown} 409 ${elapsed}ms (again, no retries left: not asked again)`, secrets);
          throw new ApiError({ kind: 'conflict', status, messages: ['the site kept answering 409 (already received) to this call and its fresh asks; it was not asked again'], method, path });
        }
        this.emit(`${shown} 409 ${elapsed}ms (already received: resolving the existing object)`, secrets);
        return this.resolveDuplicate(method, path, attempt, options.onDuplicate, secrets);
      }
      if (status === 404 && options.allowNotFound === true) {
        this.emit(`${shown} 404 ${elapsed}ms`, secrets);
        return undefined;
      }
      if (isRetryableStatus(status)) {
        const retryAfter = parseRetryAfter(answer.headers['retry-after']);
        const wait =
          retryAfter !== undefined
            ? Math.min(retryAfter, this.retryAfterMaxMs)
            : status === 429
              ? this.throttlePauseMs
              : backoffDelay(budget.retries, this.backoff);
        const reason = retryAfter !== undefined ? `the site asked to retry later (${status})` : status === 429 ? 'the site is throttling requests (429)' : `the site answered ${status}`;
        // A 429 or a Retry-After holds every request to the site; other waits are this call's alone.
        const hold = status === 429 ? () => this.connection.limiter.recordThrottle(wait) : retryAfter !== undefined ? () => this.connection.limiter.pauseFor(wait) : undefined;
        if (await this.waitToRetry(call, budget, wait, reason, `${status} ${elapsed}ms`, hold)) continue;
      } else {
        this.emit(`${shown} ${status} ${elapsed}ms`, secrets);
      }
      throw new ApiError({
        kind: errorKindForStatus(status),
        status,
        messages: errorBodyMessages(answer.body, answer.text).map((message) => redactText(message, secrets)),
        method,
        path,
      });
    }
  }

  /**
   * Spends one retry of the operation's budget on a wait of `ms`, announces it and waits (or lets
   * `hold` make the site's limiter wait); false, with a log line, when the budget has no room for it.
   */
  private async waitToRetry(call: Call, budget: OperationBudget, ms: number, reason: string, outcome: string, hold?: () => void): Promise<boolean> {
    const refused = budget.takeRetry(ms);
    if (refused !== undefined) {
      const why = refused === 'wait' ? `, not retried: ${seconds(budget.waited)} s already waited of ${seconds(budget.limits.waitMs)} s` : '';
      this.emit(`${call.shown} ${outcome}${why}`, call.secrets);
      return false;
    }
    const max = budget.limits.retries;
    this.emit(`${call.shown} ${outcome}, retry ${budget.retries}/${max} in ${ms}ms`, call.secrets);
    this.onWait?.({ seconds: ms / 1000, reason, attempt: budget.retries, max, call: redactText(`${call.method} ${call.path}`, call.secrets) });
    if (hold !== undefined) hold();
    else await sleep(ms);
    return true;
  }

  /** Every item of a paginated list, page by page (per_page 200), stopping on a short page. */
  async *paginate(path: string, key: string, query: Query = {}): AsyncGenerator<JsonObject> {
    let previousFirst: Json | undefined;
    for (let page = 1; ; page += 1) {
      const body = await this.request<Json>('GET', path, { query: { ...query, page, per_page: PER_PAGE } });
      const items = listItems(body, key);
      // An endpoint that ignored `page` would answer the same full page forever.
      const first = items[0]?.id;
      if (page > 1 && first !== undefined && first === previousFirst) {
        throw new ApiError({ kind: 'protocol', messages: [`page ${page} repeats page ${page - 1}`], method: 'GET', path, detail: 'does not paginate' });
      }
      previousFirst = first;
      yield* items;
      if (items.length < PER_PAGE) return;
    }
  }

  /** Items of an unpaginated list answer (`[{"component": {...}}]` or `{"segments": [...]}`). */
  async list(path: string, key: string, query: Query = {}): Promise<JsonObject[]> {
    return listItems(await this.request<Json>('GET', path, { query }), key);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await releaseSiteConnection(this.connection);
  }

  private async send(method: HttpMethod, path: string, body: string | undefined): Promise<Answer> {
    const { limiter, pool } = this.connection;
    await limiter.acquire();
    try {
      const headers: Record<string, string> = { accept: 'application/json', 'user-agent': USER_AGENT };
      if (this.authorization !== undefined) headers.authorization = this.authorization;
      if (body !== undefined) headers['content-type'] = 'application/json';
      // The deadline starts once a slot is free: a pause the site asked for is not the answer's fault.
      const answer = await sendAttempt(pool, { method, path, headers, body }, { deadlineMs: this.timeoutMs, maxBytes: this.maxAnswerBytes });
      return { ...answer, body: parseJson(answer.text) };
    } finally {
      limiter.release();
    }
  }

  /**
   * A 409 means the site already received a request with this token. Creates resolve the object the
   * earlier attempt made; without a lookup, a 409 on a retry means an earlier attempt of this very call
   * went through.
   */
  private async resolveDuplicate(
    method: HttpMethod,
    path: string,
    attempt: number,
    onDuplicate: ((retried: boolean) => Promise<Json | undefined>) | undefined,
    secrets: string[],
  ): Promise<Json | undefined> {
    if (onDuplicate === undefined) {
      if (attempt > 0) return undefined;
      throw new ApiError({
        kind: 'conflict',
        status: 409,
        messages: ['the site reports this request as a duplicate of one it received earlier'],
        method,
        path,
      });
    }
    for (const factor of attempt > 0 ? DUPLICATE_LOOKUP_WAITS : [0]) {
      if (factor > 0) await sleep(factor * this.backoff.baseMs);
      const existing = await onDuplicate(attempt > 0);
      if (existing !== undefined) return existing;
    }
    this.emit(`${method} ${path} 409 unresolved: no existing object found`, secrets);
    throw new ApiError({
      kind: 'conflict',
      status: 409,
      messages: [
        'the site received this same create within the last 60 minutes, but the object it made cannot be found (deleted since, or the earlier request failed); wait an hour or change the row, then import it again',
      ],
      method,
      path,
    });
  }

  protected emit(line: string, secrets: readonly string[] = this.secrets): void {
    if (this.log !== undefined) this.log(redactText(line, secrets));
  }
}

/** Milliseconds as seconds for messages: whole when whole, else to a tenth. */
function seconds(ms: number): string {
  return ms % 1000 === 0 ? String(ms / 1000) : (ms / 1000).toFixed(1);
}

function mebibytes(bytes: number): string {
  const value = bytes / (1024 * 1024);
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}
