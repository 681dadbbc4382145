// Site addresses: https or loopback http only, no credentials in URLs, a key for every remote site.
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { AdvancedBillingTarget } from '../../src/targets/advanced-billing/target.js';
import { createTarget, siteBaseUrl } from '../../src/targets/index.js';
import { ChartMogulTarget } from '../../src/targets/chartmogul/target.js';

describe('createTarget', () => {
  it('builds the chargify.com address from a subdomain', () => {
    expect(siteBaseUrl({ name: 'test', settings: { subdomain: 'Acme-Test' } })).toBe('https://acme-test.chargify.com');
  });

  it.each([
    { site: { name: 'x', baseUrl: 'http://acme.chargify.com', apiKey: 'k' }, code: 'insecure-base-url' },
    { site: { name: 'x', baseUrl: 'http://10.0.0.5:8080', apiKey: 'k' }, code: 'insecure-base-url' },
    { site: { name: 'x', baseUrl: 'https://key:x@acme.chargify.com' }, code: 'credentials-in-base-url' },
    { site: { name: 'x', baseUrl: 'ftp://acme.chargify.com', apiKey: 'k' }, code: 'invalid-base-url' },
    { site: { name: 'x', baseUrl: 'not a url' }, code: 'invalid-base-url' },
    { site: { name: 'x', settings: { subdomain: 'acme' }, baseUrl: 'https://acme.chargify.com' }, code: 'ambiguous-site' },
    { site: { name: 'x' }, code: 'incomplete-site' },
    { site: { name: 'x', settings: { subdomain: 'acme.evil.com' } }, code: 'invalid-subdomain' },
    { site: { name: 'live', settings: { subdomain: 'acme' }, apiKeyEnv: 'CHARGIFY_LIVE_API_KEY' }, code: 'missing-api-key' },
  ])('refuses $site.baseUrl $site.settings.subdomain ($code)', ({ site, code }) => {
    let caught: unknown;
    try {
      createTarget(site);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(InputError);
    expect((caught as InputError).code).toBe(code);
    expect((caught as InputError).exitCode).toBe(2);
    expect((caught as InputError).message).not.toContain('key:x');
  });

  it.each(['http://127.0.0.1:4010', 'http://localhost:4010/', 'http://[::1]:4010', 'https://acme.chargify.com'])(
    'accepts %s',
    async (baseUrl) => {
      const target = createTarget({ name: 'x', baseUrl, apiKey: 'k' });
      expect(target.baseUrl).toBe(baseUrl.replace(/\/$/, ''));
      await target.close();
    },
  );

  it.each([{ system: undefined }, { system: 'advanced-billing' as const }])('builds the Advanced Billing adapter for system $system', async ({ system }) => {
    const target = createTarget({ name: 'x', ...(system === undefined ? {} : { system }), baseUrl: 'http://127.0.0.1:4010' });
    expect(target).toBeInstanceOf(AdvancedBillingTarget);
    await target.close();
  });

  it('builds the ChartMogul adapter for a chartmogul site: ChartMogul\'s API by default, a key required off this machine', async () => {
    const local = createTarget({ name: 'analytics', system: 'chartmogul', baseUrl: 'http://127.0.0.1:4020' });
    expect(local).toBeInstanceOf(ChartMogulTarget);
    expect(local.profile.pricesSubscriptions).toBe(true);
    await local.close();
    const remote = createTarget({ name: 'analytics', system: 'chartmogul', apiKey: 'k' });
    expect(remote.baseUrl).toBe('https://api.chartmogul.com');
    await remote.close();
    for (const [site, code] of [
      [{ name: 'analytics', system: 'chartmogul' as const, apiKeyEnv: 'CHARTMOGUL_API_KEY' }, 'missing-api-key'],
      [{ name: 'analytics', system: 'chartmogul' as const, baseUrl: 'http://10.0.0.5:8080', apiKey: 'k' }, 'insecure-base-url'],
    ] as const) {
      let caught: unknown;
      try {
        createTarget(site);
      } catch (error) {
        caught = error;
      }
      expect((caught as InputError).code).toBe(code);
      expect((caught as InputError).exitCode).toBe(2);
    }
  });
});
