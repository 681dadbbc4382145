// A webhook for tests: a real HTTP server on 127.0.0.1 (any free port) that keeps every body posted to
// it and answers each with `status` (200 unless told), for --notify-url.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Runs `fn` with the hook's URL (path /hook) and the bodies received so far; closes it afterwards. */
export async function withHook<T>(fn: (url: string, received: string[]) => Promise<T>, status = 200): Promise<T> {
  const received: string[] = [];
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      received.push(body);
      response.statusCode = status;
      response.end(status < 300 ? 'ok' : 'no');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    return await fn(`http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, received);
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
