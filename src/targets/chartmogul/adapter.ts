// ChartMogul's line in the registry of adapters: how a ChartMogul site is reached (ChartMogul's own API
// unless baseUrl says otherwise, into the configured data source), its profile, and its emulator as the
// embedded default of `--system chartmogul`.
import { InputError } from '../../errors.js';
import { isLoopbackHost } from '../../net/loopback.js';
import type { ClientOptions } from '../client-options.js';
import type { Adapter, EmbeddedEmulator, SiteDefinition } from '../adapter.js';
import type { Target } from '../target.js';
import { ChartMogulClient } from './client/index.js';
import { CHARTMOGUL_PROFILE } from './profile.js';
import { ChartMogulTarget } from './target.js';
import { CHARTMOGUL_API, CHARTMOGUL_SITE_RULES, DEFAULT_DATA_SOURCE } from './site-config.js';

/** The ChartMogul adapter, into the configured data source (default `migrate`); ChartMogul's own API unless baseUrl says otherwise. */
function createChartMogulTarget(site: SiteDefinition, options: ClientOptions): Target {
  const baseUrl = site.baseUrl ?? CHARTMOGUL_API;
  const url = new URL(baseUrl);
  if ((site.apiKey === undefined || site.apiKey === '') && !isLoopbackHost(url.hostname)) {
    throw new InputError('missing-api-key', `No API key for site "${site.name}" (${url.host}).`, {
      hint: site.apiKeyEnv ? `Set the environment variable ${site.apiKeyEnv}.` : 'Name the environment variable that holds it with apiKeyEnv in the site configuration.',
    });
  }
  const client = new ChartMogulClient({ name: site.name, baseUrl, ...(site.apiKey === undefined ? {} : { apiKey: site.apiKey }) }, options);
  return new ChartMogulTarget(client, {
    dataSource: site.settings?.dataSource ?? DEFAULT_DATA_SOURCE,
    ...(site.mode === undefined ? {} : { mode: site.mode }),
    ...(site.timeZone === undefined ? {} : { timeZone: site.timeZone }),
  });
}


const CHARTMOGUL_EMBEDDED: EmbeddedEmulator = {
  siteName: 'chartmogul-sandbox',
  label: 'the embedded ChartMogul emulator',
  folder: 'chartmogul-sandbox',
  async start(options) {
    const { startChartMogulSandbox } = await import('./sandbox/index.js');
    return startChartMogulSandbox(options);
  },
  site: (baseUrl) => ({ name: 'chartmogul-sandbox', system: 'chartmogul', baseUrl, settings: { dataSource: DEFAULT_DATA_SOURCE } }),
};

export const CHARTMOGUL_ADAPTER: Adapter = { create: createChartMogulTarget, profile: () => CHARTMOGUL_PROFILE, siteRules: CHARTMOGUL_SITE_RULES, embedded: CHARTMOGUL_EMBEDDED };
