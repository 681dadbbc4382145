// The HTTP side of the sandbox: authentication, the concurrency gate, fault injection, JSON bodies,
// uniqueness tokens, routing, and answering only once the change is committed to the store.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';
import type { Clock } from '../../../dates/clock.js';
import { SandboxError, type Reply, type RequestContext, type SiteSettings } from './context.js';
import { decideFault, latencyDelay, type FaultSpec, type Latency } from './faults.js';
import { ConcurrencyGate } from './gate.js';
import { messages } from './messages.js';
import { unknownRequestFields } from './request-fields.js';
import type { Router } from './router.js';
import { HtmlPage } from './routes/links.js';
import { StateWriteError, type Store } from './store.js';

const MAX_BODY_BYTES = 10 * 1024 * 1024;
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
  gate: ConcurrencyGate,
  settings: HandlerSettings,
  timers: Set<NodeJS.Timeout>,
): (request: IncomingMessage, response: ServerResponse) => void {
  /** The reply to a request that holds a slot: 400, 404, 409 (a spent uniqueness token) or the route's own. */
  function answer(method: string, url: URL, rawBody: string, isWrite: boolean): Reply {
    const body = parseJsonObject(rawBody);
    if (body === undefined) return { status: 400, body: { errors: [messages.invalidJson] } };
    const path = url.pathname;
    const match = router.match(method, path);
    if (!match) return { status: 404, body: { errors: [messages.notFound] } };
    const unknown = isWrite ? unknownRequestFields(method, match.shape, body) : undefined;
    if (unknown !== undefined && unknown.fields.length > 0 && settings.strict) {
      return { status: 422, body: { errors: unknown.fields.map((field) => messages.unknownField(field, unknown.operation)) } };
    }
    const warning = unknown !== undefined && unknown.fields.length > 0 ? warnAbout(method, path, unknown.operation, unknown.fields) : undefined;

    const token = isWrite && typeof body.uniqueness_token === 'string' && body.uniqueness_token !== '' ? body.uniqueness_token : undefined;
    const now = settings.now();
    if (token !== undefined && store.tokenSeen(token, now.getTime())) return { status: 409, body: { errors: [messages.duplicateSubmission] } };
    try {
      const context: RequestContext = { method, path, query: url.searchParams, body, params: match.params, store, site: settings.site, now };
      // Handlers are synchronous, so no other request runs between the token check above and this.
      const result = store.transaction(() => {
        const handled = match.handler(context);
        // The token is spent only by a request that succeeded: a refused one may be retried. It is part
        // of the request's changes, so a write the disk refuses does not spend it either.
        if (token !== undefined && handled.status < 300) store.rememberToken(token, now.getTime());
        return handled;
      });
      return warning === undefined ? result : { ...result, headers: { ...result.headers, ...warning } };
    } catch (error) {
      if (!(error instanceof SandboxError)) throw error;
      return { status: error.status, body: error.body, ...(warning === undefined ? {} : { headers: warning }) };
    }
  }

  // One log line per operation and set of fields: an import sends the same body shape thousands of times.
  const logged = new Set<string>();
  /** The warning header for a request with unknown fields; logs the first of its kind. */
  function warnAbout(method: string, path: string, operation: string, fields: string[]): Record<string, string> {
    const text = messages.unknownFieldsWarning(fields.join(', '), operation);
    const seen = `${operation}|${fields.join(',')}`;
    if (!logged.has(seen)) {
      logged.add(seen);
      settings.log(`sandbox: ${method} ${path}: ${text} Answered anyway; --strict refuses them.`);
    }
    // A header carries printable ASCII only; a field name from the body may hold anything.
    return { 'x-sandbox-warning': text.replace(/[^\x20-\x7e]/g, '?') };
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const method = request.method ?? 'GET';
    const url = new URL(request.url ?? '/', 'http://sandbox.invalid');

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

    const acquired = gate.acquire();
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

/** The body as a JSON object ({} when empty), or undefined when it is not one. */
function parseJsonObject(text: string): Record<string, unknown> | undefined {
  if (text.trim() === '') return {};
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
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
 * The body as text; undefined when it passes the size limit (it is still drained, so 413 can be sent);
 * null when the client went away before sending all of it.
 */
function readBody(request: IncomingMessage): Promise<string | undefined | null> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    request.on('end', () => resolve(size > MAX_BODY_BYTES ? undefined : Buffer.concat(chunks).toString('utf8')));
    request.on('error', () => resolve(null));
  });
}

function sendTooManyRequests(response: ServerResponse): void {
  const reference = randomBytes(8).toString('hex');
  sendJson(response, 429, { errors: [messages.tooManyRequests(reference)] }, { 'retry-after': '1' });
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
