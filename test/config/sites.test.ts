import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { ResolvedConfig } from '../../src/config/load-config.js';
import { isLoopbackHost } from '../../src/net/loopback.js';
import { hasSite, resolveSite } from '../../src/config/sites.js';
import { InputError } from '../../src/errors.js';
import { SITE_RULES } from '../../src/targets/index.js';

const config: ResolvedConfig = {
  filepath: '/project/.migraterc.yml',
  systems: SITE_RULES,
  sites: {
    test: { subdomain: 'Acme-Test', apiKeyEnv: 'CHARGIFY_TEST_API_KEY', mode: 'test' },
    live: { subdomain: 'acme', apiKeyEnv: 'CHARGIFY_LIVE_API_KEY', mode: 'live' },
    local: { baseUrl: 'http://127.0.0.1:4010/' },
    eu: { baseUrl: 'https://acme.ebilling.maxio.com', apiKeyEnv: 'EU_KEY' },
    remote: { baseUrl: 'https://billing.example.com/api' },
    analytics: { system: 'chartmogul', apiKeyEnv: 'CHARTMOGUL_API_KEY' },
    'analytics-local': { system: 'chartmogul', baseUrl: 'http://127.0.0.1:4020' },
  },
  stateDir: '/project/.migrate',
  outDir: '/project/migrate-results',
  timeZone: 'UTC',
};

const SECRET = 'sk_test_TOPSECRET_1234';

describe('resolveSite', () => {
  it.each([
    { name: 'test', env: { CHARGIFY_TEST_API_KEY: SECRET }, expected: { name: 'test', baseUrl: 'https://acme-test.chargify.com', settings: { subdomain: 'Acme-Test' }, apiKey: SECRET, mode: 'test' } },
    { name: 'live', env: { CHARGIFY_LIVE_API_KEY: ` ${SECRET}\n` }, expected: { name: 'live', baseUrl: 'https://acme.chargify.com', settings: { subdomain: 'acme' }, apiKey: SECRET, mode: 'live' } },
    { name: 'local', env: {}, expected: { name: 'local', baseUrl: 'http://127.0.0.1:4010', settings: {} } },
    { name: 'eu', env: { EU_KEY: SECRET }, expected: { name: 'eu', baseUrl: 'https://acme.ebilling.maxio.com', apiKey: SECRET, settings: {} } },
    { name: 'analytics', env: { CHARTMOGUL_API_KEY: SECRET }, expected: { name: 'analytics', system: 'chartmogul', baseUrl: 'https://api.chartmogul.com', apiKey: SECRET, settings: {} } },
    { name: 'analytics-local', env: {}, expected: { name: 'analytics-local', system: 'chartmogul', baseUrl: 'http://127.0.0.1:4020', settings: {} } },
  ])('resolves $name', ({ name, env, expected }) => {
    expect({ ...resolveSite(config, name, env) }).toEqual(expected);
  });

  it.each([
    { name: 'test', env: {}, code: 'missing-api-key', message: /environment variable CHARGIFY_TEST_API_KEY is not set; site "test"/ },
    { name: 'test', env: { CHARGIFY_TEST_API_KEY: '  ' }, code: 'missing-api-key', message: /CHARGIFY_TEST_API_KEY is empty/ },
    { name: 'remote', env: {}, code: 'missing-api-key-env', message: /site "remote" does not say where its API key is/ },
    { name: 'staging', env: {}, code: 'unknown-site', message: /no site named "staging"/ },
  ])('refuses $name with $code', ({ name, env, code, message }) => {
    try {
      resolveSite(config, name, { ...env, OTHER: SECRET });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InputError);
      const inputError = error as InputError;
      expect(inputError.code).toBe(code);
      expect(inputError.message).toMatch(message);
      expect(inputError.location.file).toBe('/project/.migraterc.yml');
      expect(`${inputError.message} ${inputError.hint}`).not.toContain('TOPSECRET');
    }
  });

  it('lists the configured sites when asked for an unknown one', () => {
    expect(() => resolveSite(config, 'staging', {})).toThrow(expect.objectContaining({ hint: 'Configured sites: test, live, local, eu, remote, analytics, analytics-local.' }));
  });

  it('reads process.env by default', () => {
    process.env.MIGRATE_TEST_EU_KEY_FOR_DEFAULT = SECRET;
    try {
      const withDefault: ResolvedConfig = { ...config, sites: { eu: { baseUrl: 'https://eu.example.com', apiKeyEnv: 'MIGRATE_TEST_EU_KEY_FOR_DEFAULT' } } };
      expect(resolveSite(withDefault, 'eu').apiKey).toBe(SECRET);
    } finally {
      delete process.env.MIGRATE_TEST_EU_KEY_FOR_DEFAULT;
    }
  });

  it('keeps the key out of JSON and console output while callers can still use it', () => {
    const site = resolveSite(config, 'test', { CHARGIFY_TEST_API_KEY: SECRET });
    expect(site.apiKey).toBe(SECRET);
    expect(JSON.stringify(site)).not.toContain('TOPSECRET');
    expect(JSON.stringify({ site })).toContain('[redacted]');
    expect(inspect(site)).not.toContain('TOPSECRET');
    expect(inspect(site)).toContain('acme-test.chargify.com');
    expect({ ...site }.apiKey).toBe(SECRET);
  });
});

describe('hasSite', () => {
  it('tells configured sites apart from inherited names', () => {
    expect(hasSite(config, 'test')).toBe(true);
    expect(hasSite(config, 'staging')).toBe(false);
    expect(hasSite(config, 'toString')).toBe(false);
    expect(hasSite({ ...config, sites: {} }, 'test')).toBe(false);
  });
});

describe('isLoopbackHost', () => {
  it.each(['localhost', 'LOCALHOST', '127.0.0.1', '127.1.2.3', '127.255.255.255', '::1', '[::1]'])('%s is loopback', (host) => {
    expect(isLoopbackHost(host)).toBe(true);
  });
  it.each(['example.com', '128.0.0.1', '127.0.0.1.evil.com', '127.0.0.256', '10.0.0.1', '0.0.0.0', 'localhost.evil.com', '::2', 'api.localhost', '127.0.0.999'])('%s is not', (host) => {
    expect(isLoopbackHost(host)).toBe(false);
  });
});
