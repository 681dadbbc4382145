// Test helper: an HTTP proxy on 127.0.0.1 in front of a real sandbox that loses chosen answers. A request
// the `drop` rule picks is forwarded and committed by the sandbox, then its connection is destroyed
// before the client sees a byte — the "answer lost on the way back" a real network produces — or held
// open without an answer (`'hold'`), so a test can kill the client at exactly that moment.
import { createServer, request as forward, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface DroppingProxy {
  baseUrl: string;
  /** Requests seen, as `METHOD path` (query included), in arrival order. */
  seen: string[];
  /** The same requests with their bodies (empty for none). */
  requests: Array<{ method: string; path: string; body: string }>;
  /** How many answers were dropped so far. */
  dropped(): number;
  /** How many answers are held (committed upstream, never answered). */
  held(): number;
  close(): Promise<void>;
}

/** `drop(method, path, nth)` decides per request; `nth` counts earlier requests with the same method and path. */
export type DropRule = (method: string, path: string, nth: number) => boolean | 'hold';

export async function startDroppingProxy(upstream: string, drop: DropRule): Promise<DroppingProxy> {
  const target = new URL(upstream);
  const seen: string[] = [];
  const requests: DroppingProxy['requests'] = [];
  const counts = new Map<string, number>();
  let dropped = 0;
  let held = 0;
  const server: Server = createServer((incoming, outgoing) => {
    const method = incoming.method ?? 'GET';
    const path = incoming.url ?? '/';
    const key = `${method} ${path.replace(/\?.*$/, '')}`;
    const nth = counts.get(key) ?? 0;
    counts.set(key, nth + 1);
    seen.push(`${method} ${path}`);
    const loseAnswer = drop(method, path, nth);
    const upstreamRequest = forward(
      { host: target.hostname, port: target.port, method, path, headers: { ...incoming.headers, host: target.host } },
      (answer: IncomingMessage) => {
        const chunks: Buffer[] = [];
        answer.on('data', (chunk: Buffer) => chunks.push(chunk));
        answer.on('end', () => {
          if (loseAnswer === 'hold') {
            held += 1;
            return;
          }
          if (loseAnswer) {
            dropped += 1;
            incoming.socket.destroy();
            return;
          }
          outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
          outgoing.end(Buffer.concat(chunks));
        });
      },
    );
    upstreamRequest.on('error', () => incoming.socket.destroy());
    const body: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => body.push(chunk));
    incoming.on('end', () => requests.push({ method, path, body: Buffer.concat(body).toString('utf8') }));
    incoming.pipe(upstreamRequest);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    seen,
    requests,
    dropped: () => dropped,
    held: () => held,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
