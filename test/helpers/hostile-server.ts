// A misbehaving billing site for tests: a real HTTP server on 127.0.0.1 (any free port) that answers the
// requests its rules match badly — a status forever (409, 429 with any Retry-After, 422 with odd bodies),
// headers then a body trickled byte by byte, a huge answer streamed without buffering, no answer at all,
// a dropped connection, or (with an upstream) an answer lost or held after the upstream committed it —
// and passes every other request to an upstream (a real sandbox), or, with none, answers GET /site.json
// itself (a test site in USD) and 404 to the rest. It counts each rule's hits and the body bytes it sent.
//
//   const sandbox = await startSandbox();
//   const site = await startHostileServer({ upstream: sandbox.baseUrl, rules: [
//     { name: 'preview', method: 'POST', path: /\/renewals\/preview\.json$/, answer: { status: 409, body: { errors: ['dup'] } } },
//   ] });
//   … point sites.test.baseUrl at site.baseUrl, run the CLI …
//   expect(site.hits('preview')).toBeLessThan(5);
//   await site.close();
import { createServer, request as httpRequest } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What a matched request is answered with. */
export type Misbehaviour =
  /** An ordinary answer; a string body is sent as it is (plain text, broken JSON), anything else as JSON. */
  | { status: number; body?: unknown; headers?: Record<string, string> }
  /** Headers at once, then `text` one byte every `intervalMs` (default 1000): a body that never times out per chunk. */
  | { trickle: { status?: number; text: string; intervalMs?: number } }
  /** `bytes` bytes of a JSON array streamed in 64 KiB chunks as the client reads them; `declareLength` sends Content-Length. */
  | { huge: { status?: number; bytes: number; declareLength?: boolean } }
  /** Reads the request and never answers. */
  | { stall: true }
  /** Reads the request and closes the connection: an answer lost on the way (the upstream never sees it). */
  | { drop: true }
  /** Passes the request to the upstream, which commits it, then closes the connection: the answer lost on its way back. */
  | { dropAfterCommit: true }
  /** Passes the request to the upstream, then never answers: the moment a test kills the client. */
  | { holdAfterCommit: true };

export interface HostileRequest {
  method: string;
  url: string;
  body: string;
}

export interface Rule {
  /** What hits() and sent() call it. */
  name: string;
  method?: string;
  /** Matched against the path without the query string. */
  path: RegExp;
  /** One answer for every hit, or one chosen per hit (`n` counts this rule's hits from 0); 'pass' lets it through. */
  answer: Misbehaviour | ((request: HostileRequest, n: number) => Misbehaviour | 'pass');
}

export interface HostileServerOptions {
  rules: Rule[];
  /** Where requests no rule answers go, e.g. a sandbox's baseUrl; without one, only GET /site.json is answered. */
  upstream?: string;
}

export interface HostileServer {
  baseUrl: string;
  /** Requests the named rule answered (passes excluded). */
  hits(name: string): number;
  /** Body bytes written for the named rule's answers (what a huge answer really cost before the client hung up). */
  sent(name: string): number;
  /** Every request seen, in order. */
  requests: HostileRequest[];
  close(): Promise<void>;
}

const CHUNK = 64 * 1024;
const SITE = { site: { id: 1, subdomain: 'hostile', currency: 'USD', test: true, seller_id: 1 } };

export async function startHostileServer(options: HostileServerOptions): Promise<HostileServer> {
  const hits = new Map<string, number>();
  const sent = new Map<string, number>();
  const requests: HostileRequest[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const count = (map: Map<string, number>, name: string, by: number): void => void map.set(name, (map.get(name) ?? 0) + by);

  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const seen: HostileRequest = { method: request.method ?? 'GET', url: request.url ?? '/', body: Buffer.concat(chunks).toString('utf8') };
      requests.push(seen);
      const path = seen.url.split('?')[0]!;
      for (const rule of options.rules) {
        if ((rule.method !== undefined && rule.method !== seen.method) || !rule.path.test(path)) continue;
        const answer = typeof rule.answer === 'function' ? rule.answer(seen, hits.get(rule.name) ?? 0) : rule.answer;
        if (answer === 'pass') break;
        count(hits, rule.name, 1);
        if ('dropAfterCommit' in answer || 'holdAfterCommit' in answer) {
          if (options.upstream === undefined) throw new Error(`rule ${rule.name}: an answer after commit needs an upstream`);
          forward(options.upstream, request, seen.body, response, 'dropAfterCommit' in answer ? 'drop' : 'hold');
        } else {
          misbehave(answer, response, (bytes) => count(sent, rule.name, bytes), timers);
        }
        return;
      }
      if (options.upstream !== undefined) forward(options.upstream, request, seen.body, response);
      else if (seen.method === 'GET' && path === '/site.json') json(response, 200, SITE);
      else json(response, 404, { errors: ['Not found'] });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    hits: (name) => hits.get(name) ?? 0,
    sent: (name) => sent.get(name) ?? 0,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const timer of timers) clearTimeout(timer);
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function json(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
}

function misbehave(answer: Exclude<Misbehaviour, { dropAfterCommit: true } | { holdAfterCommit: true }>, response: ServerResponse, wrote: (bytes: number) => void, timers: Set<NodeJS.Timeout>): void {
  if ('stall' in answer) return;
  if ('drop' in answer) return void response.socket?.destroy();
  if ('trickle' in answer) {
    const { status = 200, text, intervalMs = 1000 } = answer.trickle;
    response.writeHead(status, { 'content-type': 'application/json' });
    response.flushHeaders();
    let at = 0;
    const next = (): void => {
      if (response.destroyed) return;
      if (at >= text.length) return void response.end();
      response.write(text[at]);
      wrote(1);
      at += 1;
      const timer = setTimeout(() => {
        timers.delete(timer);
        next();
      }, intervalMs);
      timers.add(timer);
    };
    next();
    return;
  }
  if ('huge' in answer) {
    const { status = 200, bytes, declareLength = false } = answer.huge;
    response.writeHead(status, { 'content-type': 'application/json', ...(declareLength ? { 'content-length': String(bytes) } : {}) });
    // `[` + `0,0,…,0` + `]`: valid JSON of exactly `bytes` bytes, written only as fast as the client reads.
    const filler = Buffer.from('0,'.repeat(CHUNK / 2));
    let left = bytes - 2;
    response.write('[');
    wrote(1);
    const pump = (): void => {
      while (left > 0 && !response.destroyed) {
        // Every chunk but the last ends with a comma; the last is one more 0, padded with spaces.
        const size = Math.min(CHUNK, left);
        const chunk = left > CHUNK ? filler : Buffer.from(`0${' '.repeat(size - 1)}`);
        left -= size;
        wrote(size);
        if (!response.write(chunk)) return void response.once('drain', pump);
      }
      if (!response.destroyed) response.end(']');
    };
    pump();
    return;
  }
  const text = answer.body === undefined ? '' : typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body);
  response.writeHead(answer.status, { 'content-type': typeof answer.body === 'string' ? 'text/plain' : 'application/json', ...answer.headers });
  response.end(text);
}

/**
 * Passes a request to the upstream as it came (its body already read) and the answer back as it comes;
 * or, once the upstream has answered in full, drops the connection or holds it without an answer.
 */
function forward(upstream: string, request: IncomingMessage, body: string, response: ServerResponse, then: 'answer' | 'drop' | 'hold' = 'answer'): void {
  const url = new URL(request.url ?? '/', upstream);
  const headers = { ...request.headers, host: url.host };
  const outgoing = httpRequest(url, { method: request.method, headers }, (answer) => {
    if (then !== 'answer') {
      answer.resume();
      answer.on('end', () => {
        if (then === 'drop') response.socket?.destroy();
      });
      return;
    }
    response.writeHead(answer.statusCode ?? 502, answer.headers);
    answer.pipe(response);
  });
  outgoing.on('error', () => {
    if (!response.headersSent) json(response, 502, { errors: ['upstream unreachable'] });
    else response.destroy();
  });
  outgoing.end(body);
}
