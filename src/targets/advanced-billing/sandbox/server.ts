// The HTTP side of the sandbox: authentication, the site's throttling, fault injection, JSON bodies,
// uniqueness tokens, routing, and answering only once the change is committed to the store.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';
import type { Clock } from '../../../dates/clock.js';
import { SandboxError, type Reply, type RequestContext, type SiteSettings } from './context.js';
import { decideFault, latencyDelay, type FaultSpec, type Latency } from './faults.js';
import { messages } from './messages.js';
import { defaultPerPage, refusedQueryParameter } from './query-parameters.js';
import { refusedBodyField } from './refused-fields.js';
import { errorShapeOf, unknownRequestFields } from './request-fields.js';
import { shapedErrors, type FieldError } from './error-shapes.js';
import { parseBody, readBody } from './request-body.js';
import type { RouteMatch, Router } from './router.js';
import { HtmlPage } from './routes/links.js';
import { StateWriteError, type Store } from './store.js';
import type { SiteThrottle } from './throttle.js';

const BASE = 'http://sandbox.invalid';
/** The unknown fields a warning header names (the rest are counted), and how much of each name it shows. */
const WARNING_FIELDS = 10;
const WARNING_FIELD_CHARS = 100;
const LOGGED_KINDS = 1000;
const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export interface HandlerSettings {
  site: SiteSettings;
  apiKey?: string;
  latency?: Latency;
  faults: FaultSpec;
  random: () => number;
  now: Clock;
  /** Refuse (422) rather than warn about body fields the operation's request schema lacks. */
  strict: boolean;
  log: (line: string) => void;
}

/** Builds the request listener; settings are read per request, so faults and latency can change at runtime. */
export function createRequestListener(
  router: Router,
  store: Store,
  throttle: SiteThrottle,
  settings: HandlerSettings,
  timers: Set<NodeJS.Timeout>,
): (request: IncomingMessage, response: ServerResponse) => void {
  /** The reply to a request that holds a slot: 400, 404, 409 (a spent uniqueness token) or the route's own. */
  function answer(method: string, url: URL, rawBody: string, isWrite: boolean): Reply {
    const parsed = parseBody(rawBody, 'empty');
    if (!parsed.ok) return { status: parsed.status, body: { errors: [parsed.message] } };
    const body = parsed.body;
    const path = url.pathname;
    let match: RouteMatch | undefined;
    try {
      match = router.match(method, path);
    } catch (error) {
      // A path parameter whose percent-encoding is no UTF-8 text.
      if (!(error instanceof SandboxError)) throw error;
      return { status: error.status, body: error.body() };
    }
    // What the sandbox cannot answer faithfully it refuses (501) rather than answer something plausible.
    if (!match) return notImplemented(method, path, messages.notImplementedPath(`${method} ${path.slice(0, 200)}`));
    const refused = refusedQueryParameter(method, match.shape, url.searchParams);
    if (refused !== undefined) return notImplemented(method, path, messages.notImplementedParameter(refused.slice(0, 100), `${method} ${match.shape}`));
    const perPage = url.searchParams.has('per_page') ? undefined : defaultPerPage(method, match.shape);
    // The operation's own default page size, where the spec gives one other than the sandbox's 20.
    const query = perPage === undefined ? url.searchParams : new URLSearchParams([...url.searchParams, ['per_page', String(perPage)]]);
    const unknown = isWrite ? unknownRequestFields(method, match.shape, body) : undefined;
    const errorShape = errorShapeOf(method, match.shape);
    if (unknown !== undefined && unknown.fields.length > 0 && settings.strict) {
      return { status: 422, body: shapedErrors(errorShape, unknown.fields.map((field) => ({ field, message: messages.unknownField(field, unknown.operation) }))) };
    }
    const refusedField = isWrite ? refusedBodyField(method, match.shape, body) : undefined;
    if (refusedField !== undefined) return notImplemented(method, path, messages.notImplementedField(refusedField, `${method} ${match.shape}`));
    // A value outside the spec's enum is refused as a real site refuses it, with the route's own refusals.
    const enumErrors = (unknown?.outsideEnum ?? []).map(({ field, value }) => ({ field: field.slice(field.indexOf('.') + 1), message: messages.notInEnum(field, value.slice(0, 100)) }));
    const warning = unknown !== undefined && unknown.fields.length > 0 ? warnAbout(method, path, unknown.operation, unknown.fields) : undefined;

    const token = isWrite && typeof body.uniqueness_token === 'string' && body.uniqueness_token !== '' ? body.uniqueness_token : undefined;
    const now = settings.now();
    if (token !== undefined && store.tokenSeen(token, now.getTime())) return { status: 409, body: { errors: [messages.duplicateSubmission] } };
    try {
      const context: RequestContext = { method, path, query, body, params: match.params, store, site: settings.site, now };
      // Handlers are synchronous, so no other request runs between the token check above and this.
      const handler = match.handler;
      const result = store.transaction(() => {
        const handled = enumErrors.length === 0 ? handler(context) : refusedWith(enumErrors, () => handler(context));
        // The token is spent only by a request that succeeded: a refused one may be retried. It is part
        // of the request's changes, so a write the disk refuses does not spend it either.
        if (token !== undefined && handled.status < 300) store.rememberToken(token, now.getTime());
        return handled;
      });
      return warning === undefined ? result : { ...result, headers: { ...result.headers, ...warning } };
    } catch (error) {
      if (!(error instanceof SandboxError)) throw error;
      // A route's own refusal (a filter value it does not implement) is logged like the server's.
      if (error.status === 501) logOnce(error.message, `sandbox: ${method} ${path.slice(0, 200)}: answered 501: ${error.message}`);
      return { status: error.status, body: error.body(errorShape), ...(warning === undefined ? {} : { headers: warning }) };
    }
  }

  /** A 501 in the errors envelope, logged once per kind like the warnings below. */
  function notImplemented(method: string, path: string, text: string): Reply {
    logOnce(text, `sandbox: ${method} ${path.slice(0, 200)}: answered 501: ${text}`);
    return { status: 501, body: { errors: [text] } };
  }

  // One log line per operation and set of fields: an import sends the same body shape thousands of times.
  // Bounded, like everything a client can grow: past LOGGED_KINDS kinds it starts over.
  const logged = new Set<string>();
  /** The warning header for a request with unknown fields (the first few named); logs the first of its kind. */
  function warnAbout(method: string, path: string, operation: string, fields: string[]): Record<string, string> {
    const shown = fields.slice(0, WARNING_FIELDS).map((field) => (field.length > WARNING_FIELD_CHARS ? `${field.slice(0, WARNING_FIELD_CHARS)}...` : field));
    const text = messages.unknownFieldsWarning(shown.join(', '), operation, fields.length - shown.length);
    logOnce(text, `sandbox: ${method} ${path.slice(0, 200)}: ${text} Answered anyway; --strict refuses them.`);
    // A header carries printable ASCII only; a field name from the body may hold anything.
    return { 'x-sandbox-warning': text.replace(/[^\x20-\x7e]/g, '?') };
  }

  function logOnce(kind: string, line: string): void {
    if (logged.has(kind)) return;
    if (logged.size >= LOGGED_KINDS) logged.clear();
    logged.add(kind);
    settings.log(line);
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const method = request.method ?? 'GET';
    const url = URL.canParse(request.url ?? '/', BASE) ? new URL(request.url ?? '/', BASE) : undefined;
    if (url === undefined) {
      sendJson(response, 400, { errors: [messages.badRequestTarget] });
      return;
    }

    if (settings.apiKey !== undefined && !isAuthorized(request, settings.apiKey)) {
      response.writeHead(401, { 'content-type': 'text/plain; charset=utf-8', 'www-authenticate': 'Basic realm="Application"' });
      response.end(`${messages.accessDenied}\n`);
      return;
    }

    const rawBody = await readBody(request);
    if (rawBody === null) return;
    if (rawBody === undefined) {
      sendJson(response, 413, { errors: [messages.bodyTooLarge] });
      return;
    }

    const acquired = throttle.acquire();
    if (!acquired) {
      sendTooManyRequests(response);
      return;
    }
    const release = await acquired;
    let released = false;
    const releaseOnce = (): void => {
      if (!released) {
        released = true;
        release();
      }
    };
    try {
      const isWrite = WRITE_METHODS.has(method);
      const fault = decideFault(settings.faults, isWrite, settings.random);
      if (fault.kind === 'rate-limit') {
        sendTooManyRequests(response);
        return;
      }
      // The configured latency is the request's whole service time at the site, its own processing
      // included (a real site's 25 ms answer includes its work), so a slot is held for exactly that long.
      const deadline = performance.now() + latencyDelay(settings.latency, settings.random);
      if (fault.kind === 'error') {
        await sleepUntil(deadline, timers);
        const text = fault.status === 500 ? messages.internalError : fault.status === 502 ? messages.badGateway : messages.serviceUnavailable;
        sendJson(response, fault.status, { errors: [text] });
        return;
      }

      const result = answer(method, url, rawBody, isWrite);
      // Everything this answer could rest on: its own changes and those of requests it has seen.
      const mark = store.mark();
      // The configured latency covers the processing above; the answer leaves when it has passed.
      await sleepUntil(deadline, timers);
      // The slot is the request's processing; waiting for the disk (group commit) does not hold it. A
      // request waits only when something it saw is not on disk yet (one write call, no fsync).
      releaseOnce();
      try {
        await store.persisted(mark);
      } catch (error) {
        if (!(error instanceof StateWriteError)) throw error;
        // Undone in memory, so the same request (and its uniqueness token) can be sent again.
        sendJson(response, 503, { errors: [messages.stateNotSaved(error.code)] });
        return;
      }

      if (fault.kind === 'drop-after-commit' && result.status < 300) {
        request.socket.destroy();
        return;
      }
      if (fault.kind === 'stall-after-commit' && result.status < 300) {
        await sleep(fault.ms, timers);
        request.socket.destroy();
        return;
      }
      sendJson(response, result.status, result.body, result.headers);
    } finally {
      releaseOnce();
    }
  }

  return (request, response) => {
    handle(request, response).catch((error: unknown) => {
      // An unexpected failure is the sandbox's bug: answer 500 like a real site, and say why in the log (stderr).
      const reason = error instanceof Error ? error.message : String(error);
      settings.log(`sandbox: internal error on ${request.method ?? ''} ${(request.url ?? '').split('?')[0]}: ${reason}`);
      if (!response.headersSent) sendJson(response, 500, { errors: [messages.internalError] });
      else response.destroy();
    });
  };
}

/**
 * Runs a route for a request that holds values outside the spec's enums, and throws the 422 that refuses
 * it (undoing whatever the route changed): the enum refusals together with the route's own, as a real
 * site collects every field error in one answer. Where both name a field, the enum's message stands.
 */
function refusedWith(enumErrors: FieldError[], route: () => Reply): never {
  try {
    route();
  } catch (error) {
    if (!(error instanceof SandboxError) || error.status !== 422) throw error;
    const named = (field: string): boolean => enumErrors.some((entry) => entry.field === field || entry.field.endsWith(`.${field}`));
    throw new SandboxError(422, [...error.entries.filter((entry) => !named(entry.field)), ...enumErrors]);
  }
  throw new SandboxError(422, enumErrors);
}

function isAuthorized(request: IncomingMessage, apiKey: string): boolean {
  const header = request.headers.authorization;
  if (!header?.startsWith('Basic ')) return false;
  const decoded = Buffer.from(header.slice(6), 'base64').toString('utf8');
  const separator = decoded.indexOf(':');
  const user = separator === -1 ? decoded : decoded.slice(0, separator);
  return user === apiKey;
}

/**
 * The guide's 429: its message with a reference, and no Retry-After (the guide documents none; it asks a
 * client to pause, wait a few minutes and go on slower), so a client rehearses its own pacing.
 */
function sendTooManyRequests(response: ServerResponse): void {
  const reference = randomBytes(8).toString('hex');
  sendJson(response, 429, { errors: [messages.tooManyRequests(reference)] });
}

function sendJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (body instanceof HtmlPage) {
    response.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'content-length': String(Buffer.byteLength(body.html)), ...headers });
    response.end(body.html);
    return;
  }
  if (body === undefined) {
    response.writeHead(status, { 'content-length': '0', ...headers });
    response.end();
    return;
  }
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(Buffer.byteLength(text)),
    ...headers,
  });
  response.end(text);
}

/** Waits until `deadline` (a performance.now() time); returns at once when it has passed. */
function sleepUntil(deadline: number, timers: Set<NodeJS.Timeout>): Promise<void> {
  const remaining = deadline - performance.now();
  return remaining > 0 ? sleep(remaining, timers) : Promise.resolve();
}

function sleep(ms: number, timers: Set<NodeJS.Timeout>): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      resolve();
    }, ms);
    timers.add(timer);
  });
}
