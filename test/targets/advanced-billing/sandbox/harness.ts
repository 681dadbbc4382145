// Test harness: a sandbox on an ephemeral port and a `call` that talks to it over real HTTP (fetch),
// checking every request body sent and every response body received against the official spec.
import { expect } from 'vitest';
import { startSandbox, type RunningSandbox, type SandboxOptions } from '../../../../src/targets/advanced-billing/sandbox/index.js';
import { loadContract } from './contract.js';

export interface CallOptions {
  /** API key for HTTP Basic auth (user name; password "x"). */
  apiKey?: string;
  /** The request body breaks the spec on purpose (a test of the sandbox's 422s): do not check it. */
  invalidRequest?: boolean;
  headers?: Record<string, string>;
}

export interface CallResult {
  status: number;
  body: any;
  text: string;
  headers: Headers;
}

export interface Harness {
  sandbox: RunningSandbox;
  call(method: string, path: string, body?: unknown, options?: CallOptions): Promise<CallResult>;
  close(): Promise<void>;
}

export async function startHarness(options: SandboxOptions = {}): Promise<Harness> {
  const sandbox = await startSandbox(options);
  return { sandbox, call: (method, path, body, callOptions) => callSandbox(sandbox.baseUrl, method, path, body, callOptions), close: () => sandbox.close() };
}

export async function callSandbox(baseUrl: string, method: string, path: string, body?: unknown, options: CallOptions = {}): Promise<CallResult> {
  const contract = loadContract();
  if (contract && body !== undefined && !options.invalidRequest) {
    const result = contract.checkRequest(method, path, body);
    expect(result.errors, `request body of ${result.operation} breaks the spec`).toEqual([]);
  }
  const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (options.apiKey !== undefined) headers.authorization = `Basic ${Buffer.from(`${options.apiKey}:x`).toString('base64')}`;
  const response = await fetch(`${baseUrl}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  const isJson = (response.headers.get('content-type') ?? '').includes('application/json');
  const parsed: unknown = isJson && text !== '' ? JSON.parse(text) : undefined;
  if (contract && isJson) {
    const result = contract.checkResponse(method, path, response.status, parsed);
    expect(result.errors, `response of ${result.operation} (${response.status}) breaks the spec`).toEqual([]);
  }
  return { status: response.status, body: parsed, text, headers: response.headers };
}
