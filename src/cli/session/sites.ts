// Which site a command talks to, and the one place the embedded sandbox is started: test-import,
// erase and resync fall back on it when no test site is configured, compare restarts it on the data
// test-import left in the state folder. Notices go to stderr; the target gets the --verbose logger, the
// configured limits, and shows each wait before a retry on the progress line.
import { join } from 'node:path';
import { hasSite, resolveSite, type ResolvedConfig, type ResolvedSite } from '../../config/index.js';
import { InputError } from '../../errors.js';
import { LASTING_NOTE_MS, postNote } from '../../progress/notes.js';
import type { Target } from '../../targets/target.js';
import type { RunningSandbox } from '../../targets/advanced-billing/sandbox/index.js';
import { createTarget, describeWait, embeddedEmulator, startEmbeddedSandbox, type ClientOptions, type EmbeddedEmulator, type RetryWait } from '../../targets/index.js';

export interface Connection {
  target: Target;
  siteName: string;
  /** Closes the client, and the embedded sandbox when one was started for this run. */
  close(): Promise<void>;
}

/** One diagnostic line on stderr (the sandbox's warnings, --verbose request logs). */
export function logToStderr(line: string): void {
  process.stderr.write(`${line}\n`);
}

/**
 * A wait before a retry: on the progress line while one is drawn, else a line of its own (for a wait of
 * a second or more), so a run never waits in silence.
 */
export function showWait(wait: RetryWait): void {
  const text = describeWait(wait);
  const ms = wait.seconds * 1000;
  if (!postNote(text, ms) && ms >= LASTING_NOTE_MS) process.stderr.write(`${text}\n`);
}

/** The client's limits as configured (undefined: the client's default). */
function clientOptions(config: ResolvedConfig, verbose: boolean): ClientOptions {
  const ms = (seconds: number | undefined): number | undefined => (seconds === undefined ? undefined : seconds * 1000);
  return {
    concurrency: config.concurrency,
    timeoutMs: ms(config.timeoutSeconds),
    maxRetries: config.retries,
    retryAfterMaxMs: ms(config.retryAfterMaxSeconds),
    retryWaitTotalMs: ms(config.retryWaitTotalSeconds),
    throttlePauseMs: ms(config.throttlePauseSeconds),
    maxAnswerBytes: config.maxAnswerMegabytes === undefined ? undefined : Math.round(config.maxAnswerMegabytes * 1024 * 1024),
    onWait: showWait,
    ...(verbose ? { logger: logToStderr } : {}),
  };
}

export function connectSite(site: ResolvedSite, config: ResolvedConfig, verbose = false): Connection {
  const target = createTarget(
    {
      name: site.name,
      ...(site.system === undefined ? {} : { system: site.system }),
      baseUrl: site.baseUrl,
      timeZone: config.timeZone,
      ...(site.apiKey !== undefined ? { apiKey: site.apiKey } : {}),
      ...(site.mode !== undefined ? { mode: site.mode } : {}),
      ...(site.settings !== undefined ? { settings: site.settings } : {}),
    },
    clientOptions(config, verbose),
  );
  return { target, siteName: site.name, close: () => target.close() };
}

/** Where the embedded sandbox keeps its data: in the state folder, so compare and `migrate sandbox` find it again. */
export function embeddedDataDir(config: ResolvedConfig): string {
  return join(config.stateDir, 'sandbox');
}

/** The embedded sandbox on the state folder's data, in the configured time zone (a real site has its own), on loopback. */
export function startEmbeddedSite(config: ResolvedConfig, port: number): Promise<RunningSandbox> {
  return startEmbeddedSandbox({ host: '127.0.0.1', port, dataDir: embeddedDataDir(config), timeZone: config.timeZone, log: logToStderr });
}

/** A connection to a started embedded sandbox that stops the sandbox when it closes. */
export function connectEmbedded(sandbox: RunningSandbox, config: ResolvedConfig, verbose = false): Connection {
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
  // Another program on the usual port only costs the links their later use: take any free port then.
  const port = embeddedPort();
  const sandbox = await startEmbeddedSite(config, port).catch((error: unknown) => {
    if (port === 0 || !isAddressInUse(error)) throw error;
    return startEmbeddedSite(config, 0);
  });
  const use = SANDBOX_USE[command];
  const dataDir = embeddedDataDir(config);
  process.stderr.write(
    `No test site is configured: ${use.doing} the embedded sandbox (${sandbox.baseUrl}, data in ${dataDir}).\n` +
      `${use.afterwards}: migrate sandbox --port ${sandbox.port} --data-dir ${dataDir}\n`,
  );
  return connectEmbedded(sandbox, config, verbose);
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

/**
 * Connects to the resolved site, or starts the embedded sandbox when there is none: Advanced Billing's,
 * or with `--system` another system's emulator.
 */
export async function connectTestSite(site: ResolvedSite | undefined, config: ResolvedConfig, command: SandboxCommand, verbose = false, system?: string): Promise<Connection> {
  if (site) return connectSite(site, config, verbose);
  const emulator = system === undefined ? undefined : embeddedEmulator(system);
  if (emulator === undefined) return connectEmbeddedSandbox(config, command, verbose);
  const connection = await connectEmbeddedEmulator(emulator, config, verbose);
  process.stderr.write(`No test site is configured: ${SANDBOX_USE[command].doing} ${emulator.label} (${connection.target.baseUrl}, data in ${join(config.stateDir, emulator.folder)}).\n`);
  return connection;
}

/** A system's emulator on its data in the state folder (any free port: its journal follows its data, not its address), stopped when the connection closes. */
export async function connectEmbeddedEmulator(emulator: EmbeddedEmulator, config: ResolvedConfig, verbose = false): Promise<Connection> {
  const running = await emulator.start({ host: '127.0.0.1', port: 0, dataDir: join(config.stateDir, emulator.folder), timeZone: config.timeZone, log: logToStderr });
  const site = emulator.site(running.baseUrl);
  const target = createTarget({ ...site, timeZone: config.timeZone }, clientOptions(config, verbose));
  return {
    target,
    siteName: site.name,
    async close() {
      await target.close();
      await running.close();
    },
  };
}

/**
 * `--system` for a command that falls back on an embedded sandbox: it chooses which system's, and must
 * agree with a configured site's.
 */
export function checkSystemFlag(site: ResolvedSite | undefined, system: string | undefined): void {
  if (site === undefined || system === undefined) return;
  const configured = site.system ?? 'advanced-billing';
  if (configured !== system) {
    throw new InputError('system-mismatch', `--system ${system} disagrees with site "${site.name}", which is a ${configured} site.`, {
      hint: `Drop --system (it chooses the embedded sandbox when no site is configured), or name a ${system} site with --site.`,
    });
  }
}
