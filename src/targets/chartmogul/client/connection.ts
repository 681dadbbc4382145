// One connection pool and one pacer per ChartMogul account in the process, shared by every client of it:
// the rate limit is the account's, so two clients of one key must not each spend it whole.
import { createHash } from 'node:crypto';
import { Pool } from 'undici';
import { normaliseBaseUrl } from '../../advanced-billing/client/site-connection.js';
import { SharedPools } from '../../../net/shared-pools.js';
import { RequestPacer, type PacerLimits } from './pacer.js';

/** ChartMogul's published limits per account (dev.chartmogul.com/docs/rate-limits). */
export const CHARTMOGUL_REQUESTS_PER_SECOND = 40;
export const CHARTMOGUL_PARALLEL_REQUESTS = 20;

export interface AccountConnection {
  /** The base URL, normalised: no trailing slash, no credentials. */
  baseUrl: string;
  origin: string;
  /** Path prefix of the base URL ('' for an API at the root). */
  pathPrefix: string;
  pool: Pool;
  pacer: RequestPacer;
}

const registry = new SharedPools<AccountConnection>();

/** The shared pool and pacer of the account this key reaches at this address; release once per acquire. */
export function acquireAccountConnection(rawBaseUrl: string, apiKey: string | undefined, limits: PacerLimits): AccountConnection {
  const url = normaliseBaseUrl(rawBaseUrl);
  const pathPrefix = url.pathname.replace(/\/+$/, '');
  const baseUrl = `${url.origin}${pathPrefix}`;
  // The key only as a digest: the registry must tell accounts apart without holding the secret twice.
  const key = `${baseUrl} ${createHash('sha256').update(apiKey ?? '').digest('hex')}`;
  return registry.acquire(
    key,
    () => ({
      baseUrl,
      origin: url.origin,
      pathPrefix,
      pool: new Pool(url.origin, { connections: CHARTMOGUL_PARALLEL_REQUESTS, pipelining: 1, keepAliveTimeout: 10_000 }),
      pacer: new RequestPacer(limits),
    }),
    (existing) => existing.pacer.tighten(limits),
  );
}

export function releaseAccountConnection(connection: AccountConnection): Promise<void> {
  return registry.release(connection);
}
