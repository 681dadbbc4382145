// A real HTTP server on loopback that answers from a script, for protocol behaviours the sandbox does
// not produce on demand (504, a given Retry-After, a stall with no answer); it counts requests in flight.
import { createServer } from 'node:http';
import type { IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Scripted =
  | { status: number; body?: unknown; headers?: Record<string, string>; delayMs?: number }
  | { stall: true };

export interface ReceivedRequest {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
  at: number;
}

export interface ScriptedServer {
  baseUrl: string;
  received: ReceivedRequest[];
  /** Most requests the server was handling at once. */
  maxInFlight(): number;
  resetInFlight(): void;
  close(): Promise<void>;
}

export async function startScriptedServer(answer: (request: ReceivedRequest, index: number) => Scripted): Promise<ScriptedServer> {
  const received: ReceivedRequest[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const entry: ReceivedRequest = {
        method: request.method ?? 'GET',
        url: request.url ?? '/',
        headers: request.headers,
        body: Buffer.concat(chunks).toString('utf8'),
        at: Date.now(),
      };
      received.push(entry);
      const script = answer(entry, received.length - 1);
      if ('stall' in script) return;
      inFlight += 1;
      maxInFlight = Math.max(maxInFlight, inFlight);
      setTimeout(() => {
        inFlight -= 1;
        const text = script.body === undefined ? '' : JSON.stringify(script.body);
        response.writeHead(script.status, { 'content-type': 'application/json', ...script.headers });
        response.end(text);
      }, script.delayMs ?? 0);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    received,
    maxInFlight: () => maxInFlight,
    resetInFlight: () => {
      maxInFlight = inFlight;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
