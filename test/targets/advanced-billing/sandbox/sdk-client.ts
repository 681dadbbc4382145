// The vendor's SDK (@maxio-com/advanced-billing-sdk) pointed at a sandbox: its base URL is fixed to
// https://SITE.chargify.com, so an https.Agent whose createConnection opens TLS to the sandbox (serving a
// test certificate for *.chargify.com) points it at the sandbox unchanged.
import { readFileSync } from 'node:fs';
import { Agent, type AgentOptions } from 'node:https';
import type { Duplex } from 'node:stream';
import { connect, type ConnectionOptions } from 'node:tls';
import { Client } from '@maxio-com/advanced-billing-sdk';
import { afterAll, beforeAll } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../../../src/targets/advanced-billing/sandbox/index.js';

export const cert = readFileSync(new URL('../../../fixtures/tls/cert.pem', import.meta.url));
export const key = readFileSync(new URL('../../../fixtures/tls/key.pem', import.meta.url));

/** Sends every https connection to the sandbox's port, verifying its certificate as *.chargify.com. */
export class SandboxAgent extends Agent {
  constructor(
    private readonly port: number,
    options: AgentOptions = {},
  ) {
    super({ ...options, keepAlive: true });
  }

  override createConnection(options: ConnectionOptions, callback?: (error: Error | null, socket: Duplex) => void): Duplex {
    const socket = connect({ ...options, host: '127.0.0.1', port: this.port, servername: options.servername ?? 'acme.chargify.com', ca: cert });
    if (callback) socket.once('secureConnect', () => callback(null, socket));
    return socket;
  }
}

/** An SDK client for the site `acme` on a sandbox started with `tls: { key, cert }`. */
export function sdkClient(port: number, apiKey: string): Client {
  return new Client({
    site: 'acme',
    basicAuthCredentials: { username: apiKey, password: 'x' },
    timeout: 10_000,
    httpClientOptions: { httpsAgent: new SandboxAgent(port) },
  });
}

/** A TLS sandbox for the site `acme` with an SDK client, started before a file's tests and closed after; read its fields inside the tests. */
export function sandboxForSdk(apiKey: string): { sandbox: RunningSandbox; client: Client } {
  const site = {} as { sandbox: RunningSandbox; client: Client };
  beforeAll(async () => {
    site.sandbox = await startSandbox({ tls: { key, cert }, apiKey, subdomain: 'acme' });
    site.client = sdkClient(site.sandbox.port, apiKey);
  });
  afterAll(() => site.sandbox.close());
  return site;
}
