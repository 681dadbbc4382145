// What the commands that write to a site share around a run: configuration, validation and planning, the
// site connection (or the embedded sandbox), Ctrl-C, the report on stdout, --notify-url, exit codes.
import { join } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { colorEnabled, resolveAsOf } from '../cli/options.js';
import { createColors, type Colors } from '../cli/reporters/colors.js';
import { renderJsonDocument } from '../cli/reporters/json.js';
import { hasSite, loadConfig, resolveSite, type ResolvedConfig, type ResolvedSite } from '../config/index.js';
import { collectCsvFiles } from '../csv/inputs.js';
import { ExitCode, InputError, MigrateError, TargetError } from '../errors.js';
import { checkImportJournal, openSiteJournal } from '../state/journal-sites.js';
import { siteIdentityOf } from '../state/site-identity.js';
import { createTarget, startEmbeddedSandbox } from '../targets/index.js';
import type { Target } from '../targets/target.js';
import { validateFiles } from '../validate/index.js';
import { checkCustomFields } from './custom-fields.js';
import { measureLatency, planDryRun, renderDryRun } from './dry-run.js';
import { prepareImport, type ImportRunResult, type PreparedImport } from './run-import.js';

export interface ImportFlags {
  site?: string;
  config?: string;
  template?: string;
  asOf?: string;
  out?: string;
  format?: string;
  dryRun?: boolean;
  notifyUrl?: string;
  /** Create the custom fields the rows use and the site lacks, instead of stopping. */
  createCustomFields?: boolean;
  color?: boolean;
  verbose?: boolean;
  /** Start a journal for this site even though another site with its name has one (see checkImportJournal). */
  newJournal?: boolean;
}

export type ImportFormat = 'pretty' | 'json';

export function importFormat(flag: string | undefined): ImportFormat {
  if (flag === undefined || flag === 'pretty') return 'pretty';
  if (flag === 'json') return 'json';
  throw new InputError('bad-format', `--format for imports must be pretty or json, got "${flag}".`, {
    hint: 'Use `migrate validate --format github|junit` for annotations in CI.',
  });
}

export interface Inputs {
  config: ResolvedConfig;
  asOf: string;
  prepared: PreparedImport;
}

/** The configuration --config names, else the .migraterc* found from the current folder. */
export function loadConfigFor(flags: { config?: string }): Promise<ResolvedConfig> {
  return loadConfig(flags.config === undefined ? {} : { configPath: flags.config });
}

/** Loads the configuration, validates every row and plans the import; sends nothing. */
export async function prepareInputs(paths: string[], flags: ImportFlags): Promise<Inputs> {
  const config = await loadConfigFor(flags);
  const asOf = resolveAsOf(flags.asOf, config);
  const files = await collectCsvFiles(paths);
  const report = await validateFiles(files, { asOf, keepContent: true, ...(flags.template ? { template: flags.template } : {}) });
  const prepared = prepareImport(report.files);
  return { config, asOf, prepared };
}

/** Colours for a report on stdout: pretty format only, and only as --no-color, NO_COLOR and the terminal allow. */
export function reportColors(format: ImportFormat, flag: boolean | undefined): Colors {
  return createColors(format === 'pretty' && colorEnabled(flag, process.stdout));
}

/** What a run over the planned files (runImport, runResync) is told alike: state and results folders, date, pace, Ctrl-C, progress and notices on stderr. */
export function runContext(inputs: Inputs, flags: ImportFlags, signal: AbortSignal) {
  return {
    prepared: inputs.prepared,
    stateDir: inputs.config.stateDir,
    outDir: flags.out ?? inputs.config.outDir,
    asOf: inputs.asOf,
    concurrency: inputs.config.concurrency ?? 4,
    createCustomFields: flags.createCustomFields === true,
    signal,
    progress: process.stderr,
    log: (line: string) => process.stderr.write(`${line}\n`),
  };
}

export interface Connection {
  target: Target;
  siteName: string;
  /** Set when the embedded sandbox was started for this run. */
  close(): Promise<void>;
}

export function connectSite(site: ResolvedSite, config: ResolvedConfig, verbose = false): Connection {
  const target = createTarget(
    { name: site.name, baseUrl: site.baseUrl, timeZone: config.timeZone, ...(site.apiKey !== undefined ? { apiKey: site.apiKey } : {}) },
    {
      ...(config.concurrency !== undefined ? { concurrency: config.concurrency } : {}),
      ...(config.timeoutSeconds !== undefined ? { timeoutMs: config.timeoutSeconds * 1000 } : {}),
      ...(verbose ? { logger: (line: string) => process.stderr.write(`${line}\n`) } : {}),
    },
  );
  return { target, siteName: site.name, close: () => target.close() };
}

/**
 * `migrate sandbox`'s default port, so links written by the embedded sandbox open later in `migrate
 * sandbox`; the MIGRATE_SANDBOX_PORT environment variable chooses another (0: any free port).
 */
const EMBEDDED_PORT = 3200;

function embeddedPort(env: NodeJS.ProcessEnv = process.env): number {
  const text = env.MIGRATE_SANDBOX_PORT;
  if (text === undefined || text === '') return EMBEDDED_PORT;
  const port = Number(text);
  if (!/^\d+$/.test(text) || port > 65535)
    throw new InputError('bad-sandbox-port', `MIGRATE_SANDBOX_PORT must be a port number from 0 to 65535, not "${text}".`, {
      hint: 'Set it to a free port, or to 0 for any free port, or unset it for 3200.',
    });
  return port;
}

function isAddressInUse(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | undefined)?.code === 'EADDRINUSE';
}

/** The commands that fall back on the embedded sandbox when no test site is configured. */
export type SandboxCommand = 'test-import' | 'erase' | 'resync';

/** How each command says what it does to the embedded sandbox, and what `migrate sandbox` then shows. */
const SANDBOX_USE: Record<SandboxCommand, { doing: string; afterwards: string }> = {
  'test-import': { doing: 'importing into', afterwards: 'To open the result links afterwards' },
  erase: { doing: 'erasing from', afterwards: 'To look at what is left afterwards' },
  resync: { doing: 'resyncing', afterwards: 'To open the result links afterwards' },
};

/** The embedded sandbox, persisting in the state folder, for a command run without a configured test site. */
async function connectEmbeddedSandbox(config: ResolvedConfig, command: SandboxCommand, verbose = false): Promise<Connection> {
  const dataDir = join(config.stateDir, 'sandbox');
  // Another program on the usual port only costs the links their later use: take any free port then.
  const port = embeddedPort();
  // The embedded site keeps the configured time zone, as a real site has its own.
  const options = { host: '127.0.0.1', dataDir, timeZone: config.timeZone };
  const sandbox = await startEmbeddedSandbox({ ...options, port }).catch((error: unknown) => {
    if (port === 0 || !isAddressInUse(error)) throw error;
    return startEmbeddedSandbox({ ...options, port: 0 });
  });
  const use = SANDBOX_USE[command];
  process.stderr.write(
    `No test site is configured: ${use.doing} the embedded sandbox (${sandbox.baseUrl}, data in ${dataDir}).\n` +
      `${use.afterwards}: migrate sandbox --port ${sandbox.port} --data-dir ${dataDir}\n`,
  );
  const connection = connectSite({ name: 'sandbox', baseUrl: sandbox.baseUrl }, config, verbose);
  return {
    ...connection,
    async close() {
      await connection.close();
      await sandbox.close();
    },
  };
}

/**
 * The site test-import, erase and resync write to: --site (which must be configured), else the site
 * named "test" when configured; undefined means the embedded sandbox.
 */
export function resolveTestSite(config: ResolvedConfig, flag: string | undefined): { name: string; site: ResolvedSite | undefined } {
  const name = flag ?? 'test';
  // An unknown --site is the user's mistake (resolveSite says which sites exist); only the default may be absent.
  if (flag !== undefined && !hasSite(config, flag)) resolveSite(config, flag);
  return { name, site: hasSite(config, name) ? resolveSite(config, name) : undefined };
}

/** Connects to the resolved site, or starts the embedded sandbox when there is none. */
export async function connectTestSite(site: ResolvedSite | undefined, config: ResolvedConfig, command: SandboxCommand, verbose = false): Promise<Connection> {
  return site ? connectSite(site, config, verbose) : connectEmbeddedSandbox(config, command, verbose);
}

/** Prints the dry-run plan for the connected site (reads only: latency is measured with GET /site.json). */
export async function printDryRun(command: 'test-import' | 'live-import', inputs: Inputs, connection: Connection, flags: ImportFlags): Promise<void> {
  const format = importFormat(flags.format);
  const info = await connection.target.readSite();
  // The run would stop on custom fields the site lacks: so does its dry run (which never creates them).
  if (flags.createCustomFields !== true) await checkCustomFields(inputs.prepared.loaded, connection.target, false);
  const latencyMs = await measureLatency(connection.target);
  const identity = siteIdentityOf(info, connection.target.baseUrl);
  // A dry run stops where the run would, so that its plan never counts another site's rows as skipped.
  const note = await checkImportJournal(inputs.config.stateDir, identity, flags.newJournal === true);
  if (note !== undefined) process.stderr.write(`${note}\n`);
  const journal = await openSiteJournal(inputs.config.stateDir, identity, 'dry-run', { exclusive: false });
  try {
    const document = planDryRun(inputs.prepared, {
      command,
      site: connection.target.baseUrl,
      asOf: inputs.asOf,
      concurrency: inputs.config.concurrency ?? 4,
      latencyMs,
      journal,
    });
    process.stdout.write(format === 'json' ? renderJsonDocument(document) : renderDryRun(document, reportColors(format, flags.color)));
  } finally {
    await journal.close();
  }
  process.exitCode = ExitCode.ok;
}

/**
 * Runs with Ctrl-C handling: the first stops scheduling and lets in-flight requests finish (results
 * are written, exit 130); a second one gets the default action and ends the process at once — the
 * journal already holds every intent, so the next run reconciles them.
 */
export async function runWithInterrupts<T>(body: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  const onSignal = (): void => {
    process.stderr.write('\nStopping: letting requests in flight finish, then writing results (Ctrl-C again to leave now)…\n');
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    controller.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    return await body(controller.signal);
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

/** Prints the report, posts it to --notify-url, and sets the exit code; a run-level failure is thrown after the report. */
export async function reportRun(result: ImportRunResult, flags: ImportFlags): Promise<void> {
  const format = importFormat(flags.format);
  const { renderPretty } = await import('./summary.js');
  process.stdout.write(format === 'json' ? renderJsonDocument(result.document) : renderPretty(result.document, reportColors(format, flags.color)));
  if (flags.notifyUrl) await notify(flags.notifyUrl, result.document);
  settleRun(result.fatal, { stopped: result.document.stopped, errors: result.document.summary.error }, 'run');
}

/** What a resumed run of each kind finds in the journal, for the hint after a site failure. */
const JOURNALED: Record<'run' | 'resync' | 'erase', string> = { run: 'What was done so far', resync: 'What was done so far', erase: 'What was erased so far' };

/**
 * Ends a reported run: a run-level failure is thrown (a MigrateError as it is, anything else as the
 * site's failure, exit 3); otherwise the exit code is 130 when interrupted, 1 with rows or objects
 * in error, else 0.
 */
export function settleRun(fatal: unknown, outcome: { stopped?: string | undefined; errors: number }, what: 'run' | 'resync' | 'erase'): void {
  if (fatal !== undefined) {
    if (fatal instanceof MigrateError) throw fatal;
    throw new TargetError('target-failed', `The site failed the ${what}: ${fatal instanceof Error ? fatal.message : String(fatal)}.`, {
      hint: `${JOURNALED[what]} is journaled; run the same command again to resume.`,
    });
  }
  process.exitCode = outcome.stopped === 'interrupted' ? ExitCode.interrupted : outcome.errors > 0 ? ExitCode.rowErrors : ExitCode.ok;
}

/** Posts the JSON summary; a failure is a warning on stderr, never a failed import. */
export async function notify(url: string, document: unknown): Promise<void> {
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(document),
      signal: AbortSignal.timeout(10_000),
    });
    if (!response.ok) process.stderr.write(`migrate: warning: --notify-url answered ${response.status}.\n`);
  } catch (error) {
    process.stderr.write(`migrate: warning: could not post the summary to --notify-url: ${(error as Error).message}.\n`);
  }
}

/** Asks a question on the terminal; undefined when there is no terminal to ask. */
export async function confirm(question: string): Promise<string | undefined> {
  if (!process.stdin.isTTY || !process.stderr.isTTY) return undefined;
  const prompt = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return (await prompt.question(question)).trim();
  } finally {
    prompt.close();
  }
}
