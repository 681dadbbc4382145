// The HTTP side of the ChartMogul emulator: Basic auth (the API key as user name), the published rate
// limit (429) and parallel-connection limit (503), JSON bodies, routing, and answering only once the
// change is on disk. Body reading, the store and the gate are the Advanced Billing sandbox's own.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Clock } from '../../../dates/clock.js';
import { ConcurrencyGate } from '../../advanced-billing/sandbox/gate.js';
import { parseBody, readBody } from '../../advanced-billing/sandbox/request-body.js';
import type { Router } from '../../advanced-billing/sandbox/router.js';
import { StateWriteError } from '../../advanced-billing/sandbox/store.js';
import { CmError, codeError, type AccountSettings, type CmHandler, type CmReply, type CmStore } from './context.js';
import { cmMessages } from './messages.js';
import type { RateLimiter } from './rate-limit.js';

const BASE = 'http://emulator.invalid';

export interface CmHandlerSettings {
  account: AccountSettings;
  /** When set, requests need HTTP Basic auth with this key as the user name (401 otherwise). */
  apiKey?: string;
  now: Clock;
  log: (line: string) => void;
}

export function createCmListener(
  router: Router<CmHandler>,
  store: CmStore,
  limiter: RateLimiter,
  gate: ConcurrencyGate,
  settings: CmHandlerSettings,
): (request: IncomingMessage, response: ServerResponse) => void {
  function answer(method: string, url: URL, rawBody: string): CmReply {
    const parsed = parseBody(rawBody);
    // ChartMogul answers a body it cannot read 400 (the clients call it a schema error).
    if (!parsed.ok) return { status: parsed.status, body: { error: parsed.message } };
    let match;
    try {
      match = router.match(method, url.pathname);
    } catch {
      // A path parameter whose percent-encoding is no UTF-8 text: no such object.
      return { status: 404, body: codeError(404, cmMessages.notFound).body };
    }
    if (!match) return { status: 404, body: codeError(404, cmMessages.notFound).body };
    const context = { method, path: url.pathname, query: url.searchParams, body: parsed.body, params: match.params, store, account: settings.account, now: settings.now() };
    const handler = match.handler;
    try {
      return store.transaction(() => handler(context));
    } catch (error) {
      if (!(error instanceof CmError)) throw error;
      return { status: error.status, body: error.body };
    }
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const method = request.method ?? 'GET';
    const url = URL.canParse(request.url ?? '/', BASE) ? new URL(request.url ?? '/', BASE) : undefined;
    if (url === undefined) {
      send(response, 400, { error: cmMessages.notFound });
      return;
    }
    if (settings.apiKey !== undefined && basicUser(request) !== settings.apiKey) {
      send(response, 401, codeError(401, cmMessages.noApiKey).body);
      return;
    }
    if (!limiter.admit(performance.now())) {
      send(response, 429, codeError(429, cmMessages.rateLimited).body, { 'retry-after': '1' });
      return;
    }
    const acquired = gate.acquire();
    if (!acquired) {
      send(response, 503, codeError(503, cmMessages.tooManyParallel).body);
      return;
    }
    const release = await acquired;
    try {
      const rawBody = await readBody(request);
      if (rawBody === null) return;
      if (rawBody === undefined) {
        send(response, 413, { error: cmMessages.bodyTooLarge });
        return;
      }
      const result = answer(method, url, rawBody);
      try {
        await store.persisted(store.mark());
      } catch (error) {
        if (!(error instanceof StateWriteError)) throw error;
        // Undone in memory, so the same request can be sent again.
        send(response, 503, codeError(503, cmMessages.stateNotSaved(error.code)).body);
        return;
      }
      send(response, result.status, result.body);
    } finally {
      release();
    }
  }

  return (request, response) => {
    handle(request, response).catch((error: unknown) => {
      const reason = error instanceof Error ? error.message : String(error);
      settings.log(`chartmogul emulator: internal error on ${request.method ?? ''} ${(request.url ?? '').split('?')[0]}: ${reason}`);
      if (!response.headersSent) send(response, 500, codeError(500, cmMessages.internalError).body);
      else response.destroy();
    });
  };
}

/** The user name of a Basic Authorization header (ChartMogul's API key), if any. */
function basicUser(request: IncomingMessage): string | undefined {
  const header = request.headers.authorization;
  if (!header?.startsWith('Basic ')) return undefined;
  const decoded = Buffer.from(header.slice(6), 'base64').toString('utf8');
  const separator = decoded.indexOf(':');
  return separator === -1 ? decoded : decoded.slice(0, separator);
}

function send(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (body === undefined) {
    response.writeHead(status, { 'content-length': '0', ...headers });
    response.end();
    return;
  }
  const text = JSON.stringify(body);
  response.writeHead(status, { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(text)), ...headers });
  response.end(text);
}
