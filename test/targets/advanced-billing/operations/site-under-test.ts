// A sandbox site and the real client for mapping tests: what the steps sent is read off the wire
// (root-keyed JSON bodies, as the API receives them), so payload assertions see the real requests.
import { startSandbox, type SandboxOptions } from '../../../../src/targets/advanced-billing/sandbox/index.js';
import { ChargifyClient } from '../../../../src/targets/advanced-billing/client/client.js';
import type { JsonObject } from '../../../../src/targets/advanced-billing/api.js';
import { recordRequests, type SentRequest } from '../../helpers/record-requests.js';

export interface SentCreate {
  path: string;
  /** The body without its uniqueness_token. */
  body: JsonObject;
}

export interface SiteUnderTest {
  client: ChargifyClient;
  baseUrl: string;
  /** Creates sent since the site started (or since `forget`): POSTs other than renewal previews and metadata. */
  creates(): SentCreate[];
  forget(): void;
  close(): Promise<void>;
}

/** Starts a sandbox in memory; close it in a `finally` or an afterEach. */
export async function siteUnderTest(options: SandboxOptions = {}): Promise<SiteUnderTest> {
  const sandbox = await startSandbox({ port: 0, host: '127.0.0.1', ...options });
  const client = new ChargifyClient({ name: 'steps-test', baseUrl: sandbox.baseUrl }, { backoffBaseMs: 5, throttlePauseMs: 5, backoffMaxMs: 50 });
  const recorder = recordRequests();
  let from = 0;
  const all = (): SentRequest[] => recorder.requests;
  return {
    client,
    baseUrl: sandbox.baseUrl,
    creates() {
      return all()
        .slice(from)
        .filter((request) => request.method === 'POST' && !/\/renewals\/preview\.json$|\/metadata\.json$|\/metafields\.json$/.test(request.path))
        .map((request) => {
          const { uniqueness_token: _token, ...body } = request.body as JsonObject;
          return { path: request.path, body };
        });
    },
    forget() {
      from = all().length;
    },
    async close() {
      recorder.stop();
      await client.close();
      await sandbox.close();
    },
  };
}
