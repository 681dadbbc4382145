// Records every request undici sends in this process (method, path, headers, JSON body) through its
// diagnostics channel, so tests see exactly what went over the wire.
import diagnosticsChannel from 'node:diagnostics_channel';

export interface SentRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: unknown;
}

interface UndiciRequest {
  method: string;
  path: string;
  headers: string[] | string;
  body: Buffer | string | null;
}

export function recordRequests(): { requests: SentRequest[]; stop(): void } {
  const requests: SentRequest[] = [];
  const channel = diagnosticsChannel.channel('undici:request:create');
  const listener = (message: unknown): void => {
    const { request } = message as { request: UndiciRequest };
    const headers: Record<string, string> = {};
    if (Array.isArray(request.headers)) {
      for (let i = 0; i + 1 < request.headers.length; i += 2) headers[String(request.headers[i]).toLowerCase()] = String(request.headers[i + 1]);
    }
    const text = request.body === null ? '' : request.body.toString();
    requests.push({ method: request.method, path: request.path, headers, body: text === '' ? undefined : JSON.parse(text) });
  };
  channel.subscribe(listener);
  return { requests, stop: () => channel.unsubscribe(listener) };
}
