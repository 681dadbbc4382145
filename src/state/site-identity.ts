// What a site is, as opposed to what it is called: the fingerprint that keys its journal, its run
// records and result files, and that every guard compares. Two distinct sites never share one.
import { createHash } from 'node:crypto';
import { isLoopbackHost } from '../net/loopback.js';
import type { SiteInfo } from '../targets/target.js';

export interface SiteIdentity {
  /**
   * `sandbox:<instance id>` for a `migrate sandbox` (its port may change, its data folder makes it the
   * same site), else the site's address (see canonicalAddress) and what its adapter says tells it apart
   * there (Advanced Billing: its site id): `https://acme.chargify.com#42`.
   */
  fingerprint: string;
  /** The name the site answers to, `<site name>-<id>`: shared by every sandbox, so never a key on its own. */
  name: string;
  /** File-name-safe key of the site's journal: its name and a short hash of its fingerprint. */
  key: string;
  /** For people: where it answers and what tells it apart, e.g. `http://127.0.0.1:3401 (sandbox instance 5f0c2a1e)`. */
  label: string;
  baseUrl: string;
  /** The site's own name as its adapter gives it (Advanced Billing: its subdomain). */
  siteName: string;
  id: string;
  mode: 'test' | 'live';
}

/**
 * A base URL with the aliases of this machine folded together (localhost, 127.x.x.x and ::1 are one
 * host), the host lowercased, the scheme's default port and any trailing slash dropped: two addresses
 * that reach the same server give the same text.
 */
export function canonicalAddress(baseUrl: string): string {
  const url = new URL(baseUrl);
  const host = isLoopbackHost(url.hostname) ? '127.0.0.1' : url.hostname.toLowerCase();
  const port = url.port === '' ? '' : `:${url.port}`;
  return `${url.protocol}//${host}${port}${url.pathname.replace(/\/+$/, '')}`;
}

/** What a site says about itself (a target's SiteInfo, supplied by its adapter), as far as its identity goes. */
export type SiteAnswer = Pick<SiteInfo, 'id' | 'name' | 'mode' | 'sandboxInstance' | 'idIsUnique'>;

/** The identity of the site that answered `info` at `baseUrl`. */
export function siteIdentityOf(info: SiteAnswer, baseUrl: string): SiteIdentity {
  const fingerprint = info.sandboxInstance !== undefined ? `sandbox:${info.sandboxInstance}` : info.idIsUnique === true ? `id:${info.id}` : `${canonicalAddress(baseUrl)}#${info.id}`;
  const name = `${info.name || new URL(baseUrl).host}-${info.id}`.replace(/[^A-Za-z0-9._-]+/g, '_');
  const hash = createHash('sha256').update(fingerprint).digest('hex');
  const label = info.sandboxInstance !== undefined ? `${baseUrl} (sandbox instance ${info.sandboxInstance.slice(0, 8)})` : `${baseUrl} (site ${info.name || '?'}, id ${info.id})`;
  return { fingerprint, name, key: `${name}-${hash.slice(0, 10)}`, label, baseUrl, siteName: info.name, id: info.id, mode: info.mode };
}
