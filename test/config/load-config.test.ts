import { SITE_RULES } from '../../src/targets/index.js';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.js';
import { InputError } from '../../src/errors.js';
import { withTempDir } from '../helpers/temp-dir.js';

// A package.json bounds cosmiconfig's upward search to the temp folder.
const PROJECT = { 'package.json': '{"name":"fixture"}' };

async function loadError(files: Record<string, string>, options: { configPath?: string; sub?: string } = {}): Promise<InputError> {
  return withTempDir({ ...PROJECT, ...files }, async (dir) => {
    try {
      await loadConfig({ systems: SITE_RULES, cwd: path.join(dir, options.sub ?? ''), configPath: options.configPath });
    } catch (error) {
      expect(error).toBeInstanceOf(InputError);
      return error as InputError;
    }
    throw new Error('expected loadConfig to fail');
  });
}

describe('loadConfig: finding and reading files', () => {
  it('gives defaults when there is no configuration', async () => {
    await withTempDir(PROJECT, async (dir) => {
      const config = await loadConfig({ systems: SITE_RULES, cwd: dir });
      expect(config).toEqual({ sites: {}, systems: SITE_RULES, stateDir: path.join(dir, '.migrate'), outDir: path.join(dir, 'migrate-results'), timeZone: 'UTC' });
    });
  });

  it.each([
    ['.migraterc', 'timeZone: Europe/Berlin\nconcurrency: 2\n'],
    ['.migraterc', '{"timeZone": "Europe/Berlin", "concurrency": 2}'],
    ['.migraterc.json', '{"timeZone": "Europe/Berlin", "concurrency": 2}'],
    ['.migraterc.yaml', 'timeZone: Europe/Berlin\nconcurrency: 2\n'],
    ['.migraterc.yml', 'timeZone: Europe/Berlin\nconcurrency: 2\n'],
    ['migrate.config.js', 'export default { timeZone: "Europe/Berlin", concurrency: 2 };\n'],
  ])('reads %s', async (file, content) => {
    const files = file.endsWith('.js') ? { 'package.json': '{"name":"fixture","type":"module"}', [file]: content } : { ...PROJECT, [file]: content };
    await withTempDir(files, async (dir) => {
      const config = await loadConfig({ systems: SITE_RULES, cwd: dir });
      expect(config).toMatchObject({ filepath: path.join(dir, file), timeZone: 'Europe/Berlin', concurrency: 2 });
    });
  });

  it('reads the migrate key of package.json', async () => {
    await withTempDir({ 'package.json': JSON.stringify({ name: 'x', migrate: { canary: 5 } }) }, async (dir) => {
      expect(await loadConfig({ systems: SITE_RULES, cwd: dir })).toMatchObject({ canary: 5, filepath: path.join(dir, 'package.json') });
    });
  });

  it('searches upward from a subfolder and resolves relative paths from the file\'s folder', async () => {
    await withTempDir({ ...PROJECT, '.migraterc.yml': 'stateDir: state\noutDir: ../results\n', 'templates/subs.csv': '' }, async (dir) => {
      const config = await loadConfig({ systems: SITE_RULES, cwd: path.join(dir, 'templates') });
      expect(config.stateDir).toBe(path.join(dir, 'state'));
      expect(config.outDir).toBe(path.resolve(dir, '../results'));
    });
  });

  it('defaults stay relative to cwd even when a file is found higher up', async () => {
    await withTempDir({ ...PROJECT, '.migraterc.yml': 'timeZone: UTC\n', 'work/a.csv': '' }, async (dir) => {
      const config = await loadConfig({ systems: SITE_RULES, cwd: path.join(dir, 'work') });
      expect(config.stateDir).toBe(path.join(dir, 'work', '.migrate'));
    });
  });

  it('loads an explicit configPath relative to cwd, without searching', async () => {
    await withTempDir({ ...PROJECT, '.migraterc.yml': 'canary: 1\n', 'ci/migrate.yml': 'canary: 9\n' }, async (dir) => {
      expect(await loadConfig({ systems: SITE_RULES, cwd: dir, configPath: 'ci/migrate.yml' })).toMatchObject({ canary: 9, filepath: path.join(dir, 'ci/migrate.yml') });
    });
  });

  it('treats an empty file as all defaults', async () => {
    await withTempDir({ ...PROJECT, '.migraterc.yml': '' }, async (dir) => {
      expect(await loadConfig({ systems: SITE_RULES, cwd: dir })).toMatchObject({ timeZone: 'UTC', sites: {} });
    });
  });

  it('loads notify.email, one address as a list of one', async () => {
    const yaml = ['notify:', '  email:', '    to: ops@example.com', '    from: migrate@example.com', '    smtp: { host: smtp.example.com, secure: true, user: bot, passwordEnv: SMTP_PASSWORD }'].join('\n');
    await withTempDir({ ...PROJECT, '.migraterc.yml': yaml }, async (dir) => {
      expect((await loadConfig({ systems: SITE_RULES, cwd: dir })).notify).toEqual({
        email: { to: ['ops@example.com'], from: 'migrate@example.com', smtp: { host: 'smtp.example.com', secure: true, user: 'bot', passwordEnv: 'SMTP_PASSWORD' } },
      });
    });
  });

  it('takes an unquoted YAML date for asOf as the date it was', async () => {
    await withTempDir({ ...PROJECT, '.migraterc.yml': 'asOf: 2026-11-23\n' }, async (dir) => {
      expect((await loadConfig({ systems: SITE_RULES, cwd: dir })).asOf).toBe('2026-11-23');
    });
  });

  it('loads a full configuration', async () => {
    const yaml = [
      'sites:',
      '  test: { subdomain: acme-test, apiKeyEnv: CHARGIFY_TEST_API_KEY, mode: test }',
      '  live: { subdomain: acme, apiKeyEnv: CHARGIFY_LIVE_API_KEY, mode: live }',
      '  local: { baseUrl: "http://127.0.0.1:4010" }',
      '  billing: { system: advanced-billing, subdomain: acme-billing, apiKeyEnv: K }',
      '  analytics: { system: chartmogul, apiKeyEnv: CHARTMOGUL_API_KEY }',
      'stateDir: .migrate',
      'outDir: out',
      'asOf: "2026-11-23"',
      'timeZone: America/New_York',
      'concurrency: 4',
      'timeoutSeconds: 90.5',
      'canary: 0',
    ].join('\n');
    await withTempDir({ ...PROJECT, '.migraterc.yml': yaml }, async (dir) => {
      const config = await loadConfig({ systems: SITE_RULES, cwd: dir });
      expect(config).toEqual({
        systems: SITE_RULES,
        filepath: path.join(dir, '.migraterc.yml'),
        sites: {
          test: { subdomain: 'acme-test', apiKeyEnv: 'CHARGIFY_TEST_API_KEY', mode: 'test' },
          live: { subdomain: 'acme', apiKeyEnv: 'CHARGIFY_LIVE_API_KEY', mode: 'live' },
          local: { baseUrl: 'http://127.0.0.1:4010' },
          billing: { system: 'advanced-billing', subdomain: 'acme-billing', apiKeyEnv: 'K' },
          analytics: { system: 'chartmogul', apiKeyEnv: 'CHARTMOGUL_API_KEY' },
        },
        stateDir: path.join(dir, '.migrate'),
        outDir: path.join(dir, 'out'),
        asOf: '2026-11-23',
        timeZone: 'America/New_York',
        concurrency: 4,
        timeoutSeconds: 90.5,
        canary: 0,
      });
    });
  });
});

describe('loadConfig: errors name the file and the key', () => {
  it.each([
    { name: 'unknown top-level key', yaml: 'stateDri: x\n', message: /unknown key "stateDri" \(did you mean "stateDir"\?\)/ },
    { name: 'unknown site key', yaml: 'sites:\n  test: { subdomain: a, apiKeyEnv: K, color: red }\n', message: /unknown key "sites\.test\.color"/ },
    { name: 'misspelt site key', yaml: 'sites:\n  test: { subdomain: a, apikeyenv: K }\n', message: /unknown key "sites\.test\.apikeyenv" \(did you mean "apiKeyEnv"\?\)/ },
    { name: 'both subdomain and baseUrl', yaml: 'sites:\n  test: { subdomain: a, baseUrl: "https://a.chargify.com" }\n', message: /sites\.test: needs exactly one of subdomain and baseUrl/ },
    { name: 'neither subdomain nor baseUrl', yaml: 'sites:\n  test: { apiKeyEnv: K }\n', message: /sites\.test: needs exactly one of subdomain and baseUrl/ },
    { name: 'a URL as subdomain', yaml: 'sites:\n  test: { subdomain: "https://acme.chargify.com" }\n', message: /sites\.test\.subdomain: must be the site's subdomain alone/ },
    { name: 'http to a remote host', yaml: 'sites:\n  test: { baseUrl: "http://acme.chargify.com", apiKeyEnv: K }\n', message: /sites\.test\.baseUrl: uses http:\/\/ for acme\.chargify\.com/ },
    { name: 'http to a host that only looks local', yaml: 'sites:\n  test: { baseUrl: "http://127.0.0.1.evil.com" }\n', message: /sites\.test\.baseUrl: uses http:\/\// },
    { name: 'credentials in a URL', yaml: 'sites:\n  test: { baseUrl: "https://key:x@acme.chargify.com" }\n', message: /must not contain credentials/ },
    { name: 'not a URL', yaml: 'sites:\n  test: { baseUrl: "acme.chargify.com" }\n', message: /must be an absolute URL/ },
    { name: 'ftp URL', yaml: 'sites:\n  test: { baseUrl: "ftp://acme.example" }\n', message: /must be an https:\/\/ URL/ },
    { name: 'unknown system', yaml: 'sites:\n  test: { system: stripe, subdomain: a, apiKeyEnv: K }\n', message: /sites\.test\.system: must be one of advanced-billing, chartmogul/ },
    { name: 'an Advanced Billing site without an address', yaml: 'sites:\n  test: { system: advanced-billing, apiKeyEnv: K }\n', message: /sites\.test: needs exactly one of subdomain and baseUrl/ },
    { name: 'a subdomain on a ChartMogul site', yaml: 'sites:\n  test: { system: chartmogul, subdomain: a, apiKeyEnv: K }\n', message: /sites\.test\.subdomain: is not used by a chartmogul site/ },
    { name: 'misspelt system key', yaml: 'sites:\n  test: { sytem: chartmogul, subdomain: a }\n', message: /unknown key "sites\.test\.sytem" \(did you mean "system"\?\)/ },
    { name: 'bad mode', yaml: 'sites:\n  test: { subdomain: a, apiKeyEnv: K, mode: production }\n', message: /sites\.test\.mode: must be test or live/ },
    { name: 'bad env var name', yaml: 'sites:\n  test: { subdomain: a, apiKeyEnv: "my key" }\n', message: /sites\.test\.apiKeyEnv: must be the name of an environment variable/ },
    { name: 'concurrency too high', yaml: 'concurrency: 8\n', message: /concurrency: must be at most 4/ },
    { name: 'concurrency zero', yaml: 'concurrency: 0\n', message: /concurrency: must be 1 to 4/ },
    { name: 'concurrency as text', yaml: 'concurrency: "2"\n', message: /concurrency: must be a whole number 1 to 4/ },
    { name: 'fractional concurrency', yaml: 'concurrency: 2.5\n', message: /concurrency: must be a whole number 1 to 4/ },
    { name: 'negative canary', yaml: 'canary: -1\n', message: /canary: must be 0 or more/ },
    { name: 'zero timeout', yaml: 'timeoutSeconds: 0\n', message: /timeoutSeconds: must be more than 0/ },
    { name: 'impossible asOf', yaml: 'asOf: "2026-02-30"\n', message: /asOf: must be a real calendar date/ },
    { name: 'asOf with a time', yaml: 'asOf: 2026-11-23T10:00:00Z\n', message: /asOf: must be a date YYYY-MM-DD/ },
    { name: 'unknown time zone', yaml: 'timeZone: Mars/Base\n', message: /timeZone: must be an IANA time zone name/ },
    { name: 'empty stateDir', yaml: 'stateDir: ""\n', message: /stateDir: must not be empty/ },
    { name: 'sites as a list', yaml: 'sites:\n  - test\n', message: /sites: / },
    { name: 'bad site name', yaml: 'sites:\n  "my site": { subdomain: a, apiKeyEnv: K }\n', message: /site names use letters, digits/ },
    { name: 'a list instead of settings', yaml: '- a\n- b\n', message: /must be an object of settings/ },
    { name: 'several problems at once', yaml: 'concurrency: 9\ncanary: -2\n', message: /concurrency: .*; canary: / },
    { name: 'a bad notify address', yaml: 'notify:\n  email: { to: [ops@example.com, "not an address"] }\n', message: /notify\.email\.to\.1: must be an email address/ },
    { name: 'a bad sender', yaml: 'notify:\n  email: { from: ops }\n', message: /notify\.email\.from: must be an email address/ },
    { name: 'an SMTP user without passwordEnv', yaml: 'notify:\n  email: { smtp: { host: h, user: bot } }\n', message: /notify\.email\.smtp\.passwordEnv: is needed with user/ },
    { name: 'passwordEnv without a user', yaml: 'notify:\n  email: { smtp: { host: h, passwordEnv: P } }\n', message: /notify\.email\.smtp\.user: is needed with passwordEnv/ },
    { name: 'an SMTP port out of range', yaml: 'notify:\n  email: { smtp: { host: h, port: 70000 } }\n', message: /notify\.email\.smtp\.port: must be 1 to 65535/ },
    { name: 'an SMTP server without a host', yaml: 'notify:\n  email: { smtp: { port: 25 } }\n', message: /notify\.email\.smtp\.host: must be the SMTP server's host name/ },
    { name: 'a misspelt notify key', yaml: 'notify:\n  mail: { to: [ops@example.com] }\n', message: /unknown key "notify\.mail"/ },
  ])('$name', async ({ yaml, message }) => {
    const error = await loadError({ '.migraterc.yml': yaml });
    expect(error.message).toMatch(message);
    expect(error.exitCode).toBe(2);
    expect(error.location.file).toMatch(/\.migraterc\.yml$/);
  });

  it.each([
    { where: 'a site', yaml: 'sites:\n  live: { subdomain: acme, apiKey: sk_live_TOPSECRET }\n', key: 'sites.live.apiKey' },
    { where: 'the top level', yaml: 'apiKey: sk_live_TOPSECRET\n', key: 'apiKey' },
    { where: 'snake case', yaml: 'sites:\n  live: { subdomain: acme, api_key: sk_live_TOPSECRET }\n', key: 'sites.live.api_key' },
  ])('refuses an API key in $where without repeating it', async ({ yaml, key }) => {
    const error = await loadError({ '.migraterc.yml': yaml });
    expect(error.code).toBe('config-secret');
    expect(error.message).toContain(key);
    expect(`${error.message} ${error.hint}`).toMatch(/apiKeyEnv/);
    expect(`${error.message} ${error.hint} ${String(error.stack)}`).not.toContain('TOPSECRET');
  });

  it.each([
    { where: 'the SMTP settings', yaml: 'notify:\n  email:\n    smtp: { host: h, user: bot, password: TOPSECRET }\n', key: 'notify.email.smtp.password', hint: /notify\.email\.smtp\.passwordEnv/ },
    { where: 'a site', yaml: 'sites:\n  live: { subdomain: acme, pass: TOPSECRET }\n', key: 'sites.live.pass', hint: /passwordEnv/ },
  ])('refuses a password in $where without repeating it', async ({ yaml, key, hint }) => {
    const error = await loadError({ '.migraterc.yml': yaml });
    expect(error.code).toBe('config-secret');
    expect(error.message).toBe(`${key}: passwords never go in the configuration file.`);
    expect(error.hint).toMatch(hint);
    expect(`${error.message} ${error.hint} ${String(error.stack)}`).not.toContain('TOPSECRET');
  });

  it.each([
    { file: '.migraterc.yml', content: 'sites:\n  live:\n   apiKey: sk_live_TOPSECRET\n  bad: [\n', message: /not valid YAML: .*\(line \d+, column \d+\)/ },
    { file: '.migraterc.json', content: '{"sites": {"live": {"apiKey": "sk_live_TOPSECRET",}}}', message: /not valid JSON at character \d+/ },
    { file: '.migraterc', content: 'sites: {live: {apiKey: "sk_live_TOPSECRET"\n', message: /not valid YAML/ },
  ])('reports an unparsable $file by position, never quoting its content', async ({ file, content, message }) => {
    const error = await loadError({ [file]: content });
    expect(error.code).toBe('config-unreadable');
    expect(error.message).toMatch(message);
    expect(error.location.file).toMatch(new RegExp(`${file.replace('.', '\\.')}$`));
    expect(`${error.message} ${error.hint ?? ''}`).not.toContain('TOPSECRET');
  });

  it('reports a missing --config file', async () => {
    const error = await loadError({}, { configPath: 'nope.yml' });
    expect(error.code).toBe('config-missing');
    expect(error.location.file).toMatch(/nope\.yml$/);
  });

  it('reports a migrate.config.js that throws', async () => {
    const error = await loadError({ 'migrate.config.js': 'throw new Error("boom in config");\n' });
    expect(error.code).toBe('config-unreadable');
    expect(error.message).toMatch(/boom in config/);
  });
});
