// Finds and reads the configuration (cosmiconfig, module name `migrate`), checks it against the schema
// and fills in defaults. Every problem is one InputError (exit 2) naming the file and the key path.
import path from 'node:path';
import { cosmiconfig } from 'cosmiconfig';
import type { z } from 'zod';
import { InputError } from '../errors.js';
import { CONFIG_KEYS, configSchemaFor, siteKeys, type ConfigFile, type NotifyConfig, type SiteConfig } from './schema.js';
import type { SystemRegistry } from './site-rules.js';

export const CONFIG_FILES = ['package.json', '.migraterc', '.migraterc.json', '.migraterc.yaml', '.migraterc.yml', 'migrate.config.js'] as const;

export interface ResolvedConfig {
  /** The file the settings came from; undefined when none was found (all defaults). */
  filepath?: string;
  sites: Record<string, SiteConfig>;
  /** The billing systems the configuration was read against: where each site answers, and its rules. */
  systems: SystemRegistry;
  /** Absolute; a relative path in the file is taken from the file's folder, the default from cwd. */
  stateDir: string;
  /** Absolute, resolved like stateDir. */
  outDir: string;
  asOf?: string;
  timeZone: string;
  concurrency?: number;
  timeoutSeconds?: number;
  retries?: number;
  retryAfterMaxSeconds?: number;
  retryWaitTotalSeconds?: number;
  throttlePauseSeconds?: number;
  maxAnswerMegabytes?: number;
  canary?: number;
  /** Who is told when a run ends (notify.email); the SMTP password is read from the environment when a mail is sent. */
  notify?: NotifyConfig;
}

export interface LoadConfigOptions {
  /** Where the search starts (default process.cwd()); it goes up to the nearest folder with a package.json. */
  cwd?: string;
  /** An explicit file (e.g. --config); relative to cwd. No search happens. */
  configPath?: string;
  /** The billing systems a site may be, with their rules (the registry of adapters' SITE_RULES). */
  systems: SystemRegistry;
}

const DEFAULTS = { stateDir: '.migrate', outDir: 'migrate-results', timeZone: 'UTC' } as const;
const SECRET_KEY = /^api[-_]?key$/i;
const PASSWORD_KEY = /^(smtp[-_]?)?pass(word)?$/i;

export async function loadConfig(options: LoadConfigOptions): Promise<ResolvedConfig> {
  const cwd = path.resolve(options.cwd ?? process.cwd());
  const explorer = cosmiconfig('migrate', { searchPlaces: [...CONFIG_FILES], searchStrategy: 'project', cache: false });
  const requested = options.configPath === undefined ? undefined : path.resolve(cwd, options.configPath);
  let found: { config: unknown; filepath: string; isEmpty?: boolean } | null;
  try {
    found = requested === undefined ? await explorer.search(cwd) : await explorer.load(requested);
  } catch (error) {
    throw unreadable(error, requested);
  }
  if (found === null || found.isEmpty === true || found.config === undefined || found.config === null) {
    return withDefaults({}, found?.filepath, cwd, options.systems);
  }
  const { config: raw, filepath } = found;
  rejectSecrets(raw, filepath);
  const parsed = configSchemaFor(options.systems).safeParse(raw);
  if (!parsed.success) throw invalid(parsed.error, filepath, options.systems);
  return withDefaults(parsed.data, filepath, cwd, options.systems);
}

function withDefaults(data: ConfigFile, filepath: string | undefined, cwd: string, systems: SystemRegistry): ResolvedConfig {
  const base = filepath === undefined ? cwd : path.dirname(filepath);
  const config: ResolvedConfig = {
    sites: (data.sites ?? {}) as Record<string, SiteConfig>,
    systems,
    stateDir: data.stateDir === undefined ? path.resolve(cwd, DEFAULTS.stateDir) : path.resolve(base, data.stateDir),
    outDir: data.outDir === undefined ? path.resolve(cwd, DEFAULTS.outDir) : path.resolve(base, data.outDir),
    timeZone: data.timeZone ?? DEFAULTS.timeZone,
  };
  if (filepath !== undefined) config.filepath = filepath;
  if (data.asOf !== undefined) config.asOf = data.asOf;
  if (data.concurrency !== undefined) config.concurrency = data.concurrency;
  if (data.timeoutSeconds !== undefined) config.timeoutSeconds = data.timeoutSeconds;
  if (data.retries !== undefined) config.retries = data.retries;
  if (data.retryAfterMaxSeconds !== undefined) config.retryAfterMaxSeconds = data.retryAfterMaxSeconds;
  if (data.retryWaitTotalSeconds !== undefined) config.retryWaitTotalSeconds = data.retryWaitTotalSeconds;
  if (data.throttlePauseSeconds !== undefined) config.throttlePauseSeconds = data.throttlePauseSeconds;
  if (data.maxAnswerMegabytes !== undefined) config.maxAnswerMegabytes = data.maxAnswerMegabytes;
  if (data.canary !== undefined) config.canary = data.canary;
  if (data.notify !== undefined) config.notify = data.notify;
  return config;
}

/** An API key or a password in the file is refused before anything else, and its value is never repeated. */
function rejectSecrets(raw: unknown, filepath: string, at: string[] = []): void {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return;
  for (const [key, value] of Object.entries(raw)) {
    const keyPath = [...at, key];
    if (PASSWORD_KEY.test(key)) {
      throw new InputError('config-secret', `${keyPath.join('.')}: passwords never go in the configuration file.`, {
        location: { file: filepath },
        hint: `Remove it, export the password in an environment variable and name that variable instead: ${at.length > 0 ? at.join('.') : 'notify.email.smtp'}.passwordEnv: SMTP_PASSWORD.`,
      });
    }
    if (SECRET_KEY.test(key)) {
      const sitePath = at.length > 0 ? at.join('.') : 'sites.NAME';
      throw new InputError('config-secret', `${keyPath.join('.')}: API keys never go in the configuration file.`, {
        location: { file: filepath },
        hint: `Remove it, export the key in an environment variable and name that variable instead: ${sitePath}.apiKeyEnv: CHARGIFY_API_KEY.`,
      });
    }
    rejectSecrets(value, filepath, keyPath);
  }
}

function invalid(error: z.ZodError, filepath: string, systems: SystemRegistry): InputError {
  const problems = error.issues.map((issue) => {
    const where = issue.path.map(String).join('.');
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => `unknown key "${where ? `${where}.` : ''}${key}"${suggestion(key, where, systems)}`).join('; ');
    }
    if (where === '' && issue.code === 'invalid_type') return 'the configuration must be an object of settings';
    if (issue.code === 'invalid_key') return `${where}: ${issue.issues.map((inner) => inner.message).join(', ')}`;
    return `${where}: ${issue.message}`;
  });
  return new InputError('config-invalid', `invalid configuration: ${problems.join('; ')}.`, {
    location: { file: filepath },
    hint: 'See .migraterc.example or docs/configuration.md for every key.',
  });
}

function suggestion(key: string, where: string, systems: SystemRegistry): string {
  const candidates = where === '' ? CONFIG_KEYS : where.startsWith('sites.') ? siteKeys(systems) : [];
  const close = candidates.find((candidate) => candidate.toLowerCase() === key.toLowerCase() || editDistance(candidate.toLowerCase(), key.toLowerCase()) <= 2);
  return close === undefined ? '' : ` (did you mean "${close}"?)`;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}

/**
 * Parse errors of YAML and JSON files quote the surrounding lines, which may hold a pasted key:
 * keep only the reason and the position.
 */
function unreadable(error: unknown, requested: string | undefined): InputError {
  const details = error as { code?: string; name?: string; reason?: string; mark?: { line: number; column: number }; filepath?: string; message?: string };
  const file = details.filepath ?? requested;
  const location = file === undefined ? {} : { file };
  if (details.code === 'ENOENT' || details.code === 'EISDIR') {
    return new InputError('config-missing', 'configuration file not found.', { location, hint: 'Check the --config path.' });
  }
  if (details.name === 'YAMLException') {
    const at = details.mark ? ` (line ${details.mark.line + 1}, column ${details.mark.column + 1})` : '';
    return new InputError('config-unreadable', `not valid YAML: ${details.reason ?? 'parse error'}${at}.`, { location });
  }
  if (details.name === 'JSONError') {
    const position = /at position (\d+)/.exec(details.message ?? '');
    const at = position ? ` at character ${Number(position[1]) + 1}` : '';
    return new InputError('config-unreadable', `not valid JSON${at}.`, { location, hint: 'Check for trailing commas and unquoted keys.' });
  }
  const reason = details.message?.split('\n')[0] ?? String(error);
  return new InputError('config-unreadable', `cannot load the configuration: ${reason.replace(/\.$/, '')}.`, { location, cause: error });
}
