// One connection pool and one concurrency limiter per site, shared by every client of that site in
// the process (two commands in one run must not together exceed the site's 4-request limit).
import { Pool } from 'undici';
import { InputError } from '../../../errors.js';
import { isLoopbackHost } from '../../../net/loopback.js';
import { SharedPools } from '../../../net/shared-pools.js';
import { AdaptiveLimiter } from './limiter.js';

/** The documented per-site limit on concurrent requests. */
export const MAX_CONCURRENCY = 4;

export interface SiteConnection {
  /** The base URL, normalised: no trailing slash, no credentials. */
  baseUrl: string;
  origin: string;
  /** Path prefix of the base URL ('' for a site at the root). */
  pathPrefix: string;
  /**
   * The site as uniqueness tokens know it: host and path without scheme or port, so a local sandbox
   * restarted on another port (its state kept) still answers 409 to a create it already made.
   */
  identity: string;
  pool: Pool;
  limiter: AdaptiveLimiter;
}


const registry = new SharedPools<SiteConnection>();

/** Parses and checks a site base URL: https, or http on loopback only; no credentials inside. */
export function normaliseBaseUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new InputError('invalid-base-url', `The site address "${raw}" is not a URL.`, {
      hint: 'Use https://SUBDOMAIN.chargify.com, or http://127.0.0.1:PORT for a local sandbox.',
    });
  }
  if (url.username !== '' || url.password !== '') {
    throw new InputError('credentials-in-base-url', `The site address for ${url.host} contains credentials.`, {
      hint: 'Remove them from the address; the API key is read from the environment variable named by apiKeyEnv.',
    });
  }
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    throw new InputError('insecure-base-url', `Refusing plain http:// for ${url.host}: the API key would travel unencrypted.`, {
      hint: 'Use https://, or http:// only for a sandbox on this machine (localhost, 127.0.0.1, ::1).',
    });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new InputError('invalid-base-url', `The site address must start with https://, not ${url.protocol}//.`);
  }
  return url;
}

/** The shared pool and limiter for a site; call releaseSiteConnection once per acquire. */
export function acquireSiteConnection(raw: string, concurrency: number): SiteConnection {
  const url = normaliseBaseUrl(raw);
  const pathPrefix = url.pathname.replace(/\/+$/, '');
  const baseUrl = `${url.origin}${pathPrefix}`;
  return registry.acquire(
    baseUrl,
    () => ({
      baseUrl,
      origin: url.origin,
      pathPrefix,
      identity: `${url.hostname.toLowerCase()}${pathPrefix}`,
      pool: new Pool(url.origin, { connections: MAX_CONCURRENCY, pipelining: 1, keepAliveTimeout: 10_000 }),
      limiter: new AdaptiveLimiter(concurrency),
    }),
    (existing) => existing.limiter.tighten(concurrency),
  );
}

export function releaseSiteConnection(connection: SiteConnection): Promise<void> {
  return registry.release(connection);
}
