// Every call to a site goes through here: auth, JSON root keys, the shared concurrency limit,
// retries with backoff, uniqueness tokens on writes, 409 recovery, typed errors and redacted logs.
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Dispatcher } from 'undici';
import type { Json, JsonObject } from '../api.js';
import { ApiError, errorKindForStatus, errorBodyMessages } from './api-error.js';
import { backoffDelay, errorCodeOf, isRetryableError, isRetryableStatus, isTimeoutCode, parseRetryAfter } from './backoff.js';
import type { BackoffPolicy } from './backoff.js';
import { maskedJson, redactText, secretsIn } from './redact.js';
import { acquireSiteConnection, MAX_CONCURRENCY, releaseSiteConnection } from './site-connection.js';
import type { SiteConnection } from './site-connection.js';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
type QueryValue = string | number | boolean | ReadonlyArray<string | number> | undefined;
export type Query = Record<string, QueryValue>;

export interface SiteAccess {
  /** The site's name in the configuration (for messages). */
  name: string;
  baseUrl: string;
  /** Absent only for a sandbox that does not check keys. */
  apiKey?: string;
}

export interface ClientOptions {
  /** Requests in flight to this site, 1..4 (default 4, the documented per-site limit). */
  concurrency?: number;
  /** Per-request timeout (default 120 s, the server's own cut-off). */
  timeoutMs?: number;
  /** Retries after the first attempt for 429, 5xx, timeouts and dropped connections (default 6). */
  maxRetries?: number;
  /** First backoff step (default 500 ms); doubles per retry up to backoffMaxMs (default 30 s). */
  backoffBaseMs?: number;
  backoffMaxMs?: number;
  /** Longest Retry-After the client honours (default 5 minutes). */
  retryAfterMaxMs?: number;
  /** Receives one line per request attempt; never the API key or a full payment credential. */
  logger?: (line: string) => void;
  /** Also log request and response bodies (credentials masked to their last 4 characters). */
  debug?: boolean;
  /** Source of jitter (tests pass a fixed one). */
  random?: () => number;
}

export interface RequestOptions {
  query?: Query;
  /** The whole body, root key included; writes also get a uniqueness_token beside the root key. */
  body?: JsonObject;
  /** Unwraps the answer: `{"customer": {...}}` → `{...}` (answers without the key pass through). */
  rootKey?: string;
  /** Token for a POST/PUT; by default a random one per call, reused by its retries. */
  uniquenessToken?: string;
  /** On 409 (the site already received this token): the object an earlier attempt produced, if any. */
  onDuplicate?: () => Promise<Json | undefined>;
  /** Answer undefined instead of throwing on 404. */
  allowNotFound?: boolean;
}

/** The API's maximum page size. */
const PER_PAGE = 200;
const DEFAULT_TIMEOUT_MS = 120_000;
const DEFAULT_MAX_RETRIES = 6;
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

export class ApiTransport {
  readonly baseUrl: string;
  /** What uniqueness tokens are derived from (see SiteConnection.identity). */
  protected readonly siteIdentity: string;
  private readonly siteName: string;
  private readonly connection: SiteConnection;
  private readonly authorization: string | undefined;
  private readonly secrets: string[];
  private readonly timeoutMs: number;
  private readonly maxRetries: number;
  private readonly retryAfterMaxMs: number;
  private readonly backoff: BackoffPolicy;
  private readonly log: ((line: string) => void) | undefined;
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
    this.maxRetries = options.maxRetries ?? DEFAULT_MAX_RETRIES;
    this.retryAfterMaxMs = options.retryAfterMaxMs ?? 300_000;
    this.backoff = { baseMs: options.backoffBaseMs ?? 500, maxMs: options.backoffMaxMs ?? 30_000, random: options.random ?? Math.random };
    this.log = options.logger;
    this.debug = options.debug ?? false;
  }

  /** Requests currently allowed in flight to this site (drops while the site answers 429). */
  get concurrencyLimit(): number {
    return this.connection.limiter.currentLimit;
  }

  /** Sends one API call, retrying what is safe to retry; answers the unwrapped JSON body. */
  async request<T extends Json = JsonObject>(method: HttpMethod, path: string, options: RequestOptions = {}): Promise<T | undefined> {
    const isWrite = method === 'POST' || method === 'PUT';
    const payload: JsonObject | undefined = isWrite
      ? { ...(options.body ?? {}), uniqueness_token: options.uniquenessToken ?? randomUUID() }
      : options.body;
    const bodyText = payload === undefined ? undefined : JSON.stringify(payload);
    const secrets = [...this.secrets, ...secretsIn(options.body)];
    const target = `${this.connection.pathPrefix}${path}${queryString(options.query)}`;
    const shown = redactText(`${method} ${path}${queryString(options.query)}`, secrets);
    if (this.debug && payload !== undefined) this.emit(`${shown} > ${JSON.stringify(maskedJson(payload))}`, secrets);

    for (let attempt = 0; ; attempt += 1) {
      const started = performance.now();
      let answer: Answer;
      try {
        answer = await this.send(method, target, bodyText);
      } catch (error) {
        const code = errorCodeOf(error);
        if (code === undefined) throw error;
        const elapsed = Math.round(performance.now() - started);
        if (isRetryableError(code) && attempt < this.maxRetries) {
          const wait = backoffDelay(attempt, this.backoff);
          this.emit(`${shown} ${code} ${elapsed}ms, retry ${attempt + 1}/${this.maxRetries} in ${wait}ms`, secrets);
          await sleep(wait);
          continue;
        }
        this.emit(`${shown} ${code} ${elapsed}ms`, secrets);
        throw new ApiError({
          kind: isTimeoutCode(code) ? 'timeout' : 'network',
          messages: [],
          method,
          path,
          detail: isTimeoutCode(code)
            ? `got no answer within ${Math.round(this.timeoutMs / 1000)} s${attempt > 0 ? ` (${attempt + 1} attempts)` : ''}`
            : `could not reach site "${this.siteName}" at ${this.connection.origin} (${code}${attempt > 0 ? `, ${attempt + 1} attempts` : ''})`,
        });
      }
      const elapsed = Math.round(performance.now() - started);
      const { status } = answer;

      if (status >= 200 && status < 300) {
        this.connection.limiter.recordSuccess();
        this.emit(`${shown} ${status} ${elapsed}ms`, secrets);
        if (this.debug && answer.body !== undefined) this.emit(`${shown} < ${JSON.stringify(maskedJson(answer.body))}`, secrets);
        return unwrap(answer.body, options.rootKey) as T | undefined;
      }
      if (status === 409 && isWrite) {
        this.emit(`${shown} 409 ${elapsed}ms (already received: resolving the existing object)`, secrets);
        return (await this.resolveDuplicate(method, path, attempt, options.onDuplicate, secrets)) as T | undefined;
      }
      if (status === 404 && options.allowNotFound === true) {
        this.emit(`${shown} 404 ${elapsed}ms`, secrets);
        return undefined;
      }
      if (isRetryableStatus(status) && attempt < this.maxRetries) {
        const retryAfter = parseRetryAfter(answer.headers['retry-after']);
        const wait =
          retryAfter !== undefined
            ? Math.min(retryAfter, this.retryAfterMaxMs)
            : Math.max(backoffDelay(attempt, this.backoff), status === 429 ? this.backoff.baseMs : 0);
        this.emit(`${shown} ${status} ${elapsed}ms, retry ${attempt + 1}/${this.maxRetries} in ${wait}ms`, secrets);
        if (status === 429) {
          this.connection.limiter.recordThrottle(wait);
        } else if (retryAfter !== undefined) {
          this.connection.limiter.pauseFor(wait);
        } else {
          await sleep(wait);
        }
        continue;
      }
      this.emit(`${shown} ${status} ${elapsed}ms`, secrets);
      throw new ApiError({
        kind: errorKindForStatus(status),
        status,
        messages: errorBodyMessages(answer.body ?? plainText(answer.text)).map((message) => redactText(message, secrets)),
        method,
        path,
      });
    }
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
      const response = await pool.request({
        method,
        path,
        headers,
        body,
        headersTimeout: this.timeoutMs,
        bodyTimeout: this.timeoutMs,
      });
      const text = await response.body.text();
      return { status: response.statusCode, headers: response.headers, body: parseJson(text), text };
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
    onDuplicate: (() => Promise<Json | undefined>) | undefined,
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
      const existing = await onDuplicate();
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

function parseJson(text: string): Json | undefined {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as Json;
  } catch {
    return undefined;
  }
}

/** A non-JSON error answer is worth quoting only when it is not an HTML error page. */
function plainText(text: string): string | undefined {
  return text.trimStart().startsWith('<') ? undefined : text;
}

function unwrap(body: Json | undefined, rootKey: string | undefined): Json | undefined {
  if (rootKey === undefined || body === undefined || body === null || typeof body !== 'object' || Array.isArray(body)) return body;
  return rootKey in body ? body[rootKey] : body;
}

/** List answers come as `[{"customer": {...}}, …]` or as `{"price_points": [...]}`; both become plain objects. */
function listItems(body: Json | undefined, key: string): JsonObject[] {
  const raw = Array.isArray(body) ? body : body !== null && typeof body === 'object' && body !== undefined ? body[key] : undefined;
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((item) => {
    if (item === null || typeof item !== 'object' || Array.isArray(item)) return [];
    const inner = item[key];
    return [inner !== null && typeof inner === 'object' && !Array.isArray(inner) ? inner : item];
  });
}

/** Rails-style query string: arrays as `key[]=a&key[]=b`. */
function queryString(query: Query | undefined): string {
  if (query === undefined) return '';
  const parts: string[] = [];
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) {
      for (const item of value) parts.push(`${encodeURIComponent(key)}[]=${encodeURIComponent(String(item))}`);
    } else {
      parts.push(`${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`);
    }
  }
  return parts.length === 0 ? '' : `?${parts.join('&')}`;
}
