// Turns a configured site into what a client needs: its base URL, mode and the API key read from the
// environment variable the configuration names. The key never appears in logs, errors or JSON.
import { inspect } from 'node:util';
import { InputError } from '../errors.js';
import type { ResolvedConfig } from './load-config.js';
import { isLoopbackHost } from '../net/loopback.js';

export interface ResolvedSite {
  name: string;
  /** The billing system, when the configuration names one; the target registry defaults it. */
  system?: string;
  /** Where it answers, as its system's rules read its configuration: no trailing slash, no credentials. */
  baseUrl: string;
  apiKey?: string;
  mode?: 'test' | 'live';
  /** The keys of its system's own (e.g. an Advanced Billing subdomain, a ChartMogul dataSource), as text. */
  settings?: Readonly<Record<string, string>>;
}

/** Keys every site has, whatever its system; the rest are its system's own settings. */
const SHARED_KEYS = new Set(['system', 'baseUrl', 'apiKeyEnv', 'mode']);

export function hasSite(config: ResolvedConfig, name: string): boolean {
  return Object.hasOwn(config.sites, name);
}

/**
 * The named site with its API key from the environment. A site away from this machine must name
 * apiKeyEnv, and that variable must be set; a loopback site (a local sandbox) may go without a key.
 */
export function resolveSite(config: ResolvedConfig, name: string, env: NodeJS.ProcessEnv = process.env): ResolvedSite {
  const location = config.filepath === undefined ? {} : { file: config.filepath };
  if (!hasSite(config, name)) {
    const known = Object.keys(config.sites);
    throw new InputError('unknown-site', `no site named "${name}" is configured.`, {
      location,
      hint: known.length > 0 ? `Configured sites: ${known.join(', ')}.` : `Add sites.${name} to .migraterc (see .migraterc.example).`,
    });
  }
  const site = config.sites[name];
  const rules = config.systems.systems[site.system ?? config.systems.defaultSystem]!;
  const baseUrl = rules.address(site).replace(/\/+$/, '');
  const settings = Object.fromEntries(Object.entries(site).filter(([key, value]) => !SHARED_KEYS.has(key) && value !== undefined).map(([key, value]) => [key, String(value)]));
  const resolved: ResolvedSite = { name, ...(site.system === undefined ? {} : { system: site.system }), baseUrl, settings };
  if (site.mode !== undefined) resolved.mode = site.mode;

  if (site.apiKeyEnv === undefined) {
    if (!isLoopbackHost(new URL(baseUrl).hostname)) {
      throw new InputError('missing-api-key-env', `site "${name}" does not say where its API key is.`, {
        location,
        hint: `Add sites.${name}.apiKeyEnv naming an environment variable that holds the key, e.g. CHARGIFY_API_KEY.`,
      });
    }
  } else {
    const apiKey = env[site.apiKeyEnv];
    if (apiKey === undefined || apiKey.trim() === '') {
      throw new InputError('missing-api-key', `environment variable ${site.apiKeyEnv} is ${apiKey === undefined ? 'not set' : 'empty'}; site "${name}" reads its API key from it.`, {
        location,
        hint: `Set it before running, e.g. export ${site.apiKeyEnv}=<your API key>.`,
      });
    }
    resolved.apiKey = apiKey.trim();
  }
  return redacted(resolved);
}

/** JSON.stringify and console.log show "[redacted]" for the key; spreading still copies it for clients. */
function redacted(site: ResolvedSite): ResolvedSite {
  const hide = (value: ResolvedSite) => ({ ...value, ...(value.apiKey === undefined ? {} : { apiKey: '[redacted]' }) });
  Object.defineProperty(site, 'toJSON', { value: function (this: ResolvedSite) { return hide(this); }, enumerable: false });
  Object.defineProperty(site, inspect.custom, { value: function (this: ResolvedSite) { return hide(this); }, enumerable: false });
  return site;
}
