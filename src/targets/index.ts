// Builds the neutral Target for a configured site through the registry of adapters, one per billing system:
// the site's `system` (default advanced-billing) chooses the adapter, which takes the site from there.
import type { SystemRegistry } from '../config/site-rules.js';
import { InputError } from '../errors.js';
import { ChargifyClient } from './advanced-billing/client/client.js';
import { isLoopbackHost } from '../net/loopback.js';
import { normaliseBaseUrl } from './advanced-billing/client/site-connection.js';
import type { ClientOptions } from './client-options.js';
import { AdvancedBillingTarget } from './advanced-billing/target.js';
import type { Target, TargetProfile } from './target.js';
import { ADVANCED_BILLING_PROFILE } from './advanced-billing/profile.js';
import { ADVANCED_BILLING_SITE_RULES } from './advanced-billing/site-config.js';
import { CHARTMOGUL_ADAPTER } from './chartmogul/adapter.js';
import type { Adapter, EmbeddedEmulator, SiteDefinition } from './adapter.js';
import type { MappingTable } from './column-mapping.js';
import type { RunningSandbox, SandboxOptions } from './advanced-billing/sandbox/index.js';

export type { ClientOptions } from './client-options.js';
export { describeWait, type RetryWait } from './client-options.js';
export type { Target } from './target.js';
export type { EmbeddedEmulator, RunningEmulator, SiteDefinition } from './adapter.js';


/** An Advanced Billing site's address: its `baseUrl`, else its subdomain's https://SUBDOMAIN.chargify.com. */
export function siteBaseUrl(site: SiteDefinition): string {
  const subdomain = site.settings?.subdomain;
  if (site.baseUrl !== undefined && subdomain !== undefined) {
    throw new InputError('ambiguous-site', `Site "${site.name}" has both subdomain and baseUrl.`, { hint: 'Keep one of them.' });
  }
  if (site.baseUrl !== undefined) return site.baseUrl;
  if (subdomain === undefined) {
    throw new InputError('incomplete-site', `Site "${site.name}" has neither subdomain nor baseUrl.`, {
      hint: 'Add subdomain: YOURSITE (→ https://YOURSITE.chargify.com) or baseUrl: http://127.0.0.1:PORT for a sandbox.',
    });
  }
  if (!SUBDOMAIN.test(subdomain)) {
    throw new InputError('invalid-subdomain', `Site "${site.name}": "${subdomain}" is not a subdomain.`, {
      hint: 'Give only the first part of YOURSITE.chargify.com.',
    });
  }
  return `https://${subdomain.toLowerCase()}.chargify.com`;
}

const SUBDOMAIN = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/i;

/** The system of a site whose configuration names none. */
export const DEFAULT_SYSTEM = 'advanced-billing';

const ADAPTERS: Readonly<Record<string, Adapter>> = {
  'advanced-billing': { create: createAdvancedBillingTarget, profile: () => ADVANCED_BILLING_PROFILE, siteRules: ADVANCED_BILLING_SITE_RULES },
  chartmogul: CHARTMOGUL_ADAPTER,
};

/** The embedded emulator of a system other than the default, or undefined when it has none. */
export function embeddedEmulator(system: string): EmbeddedEmulator | undefined {
  return ADAPTERS[system]?.embedded;
}

/** The systems whose sites can be configured (what `--system` may name). */
export const TARGET_SYSTEMS = Object.keys(ADAPTERS);

/** What the configuration may say of each system's sites (`loadConfig`'s `systems`). */
export const SITE_RULES: SystemRegistry = {
  systems: Object.fromEntries(Object.entries(ADAPTERS).map(([name, adapter]) => [name, adapter.siteRules])),
  defaultSystem: DEFAULT_SYSTEM,
};

/** The adapter of a system, or an InputError naming the systems there are (a site of an unknown system is refused before anything is sent). */
function adapterOf(system: string | undefined, site: string): Adapter {
  const adapter = ADAPTERS[system ?? DEFAULT_SYSTEM];
  if (adapter === undefined) {
    throw new InputError('unknown-system', `Site "${site}" names the billing system "${system}", which migrate does not know.`, { hint: `Use one of ${TARGET_SYSTEMS.join(', ')}.` });
  }
  return adapter;
}

/** Where each column of a template kind goes on a system's target (`migrate templates KIND [--system S]` prints it). */
export function columnMapping(kind: string, system: string = DEFAULT_SYSTEM): MappingTable {
  return adapterOf(system, system).profile(system).columnMapping(kind);
}

/** The target for a site, built by the adapter of the site's system. */
export function createTarget(site: SiteDefinition, options: ClientOptions = {}): Target {
  return adapterOf(site.system, site.name).create(site, options);
}

/** The profile of a site's system without connecting (compare reads result files offline); `site` names it in messages. */
export function targetProfile(system: string | undefined, site: string): TargetProfile {
  return adapterOf(system, site).profile(site);
}


/** The Advanced Billing adapter; refuses plain http:// off loopback and a missing API key for a remote site. */
function createAdvancedBillingTarget(site: SiteDefinition, options: ClientOptions): Target {
  const baseUrl = siteBaseUrl(site);
  const url = normaliseBaseUrl(baseUrl);
  if ((site.apiKey === undefined || site.apiKey === '') && !isLoopbackHost(url.hostname)) {
    throw new InputError('missing-api-key', `No API key for site "${site.name}" (${url.host}).`, {
      hint: site.apiKeyEnv
        ? `Set the environment variable ${site.apiKeyEnv}.`
        : 'Name the environment variable that holds it with apiKeyEnv in the site configuration.',
    });
  }
  const client = new ChargifyClient({ name: site.name, baseUrl, apiKey: site.apiKey, ...(site.timeZone === undefined ? {} : { timeZone: site.timeZone }) }, options);
  return new AdvancedBillingTarget(client, site.timeZone);
}

/** The local emulator of the default target (the embedded sandbox), loaded only when a command needs it. */
export async function startEmbeddedSandbox(options: SandboxOptions): Promise<RunningSandbox> {
  const { startSandbox } = await import('./advanced-billing/sandbox/index.js');
  return startSandbox(options);
}
