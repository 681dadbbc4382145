// `migrate sandbox`: starts the local site, prints its base URL on stdout, and runs until SIGINT or
// SIGTERM, then stops listening and flushes its state.
import { clockStartingAt, isValidTimeZone, parseClockStart, systemClock } from '../../dates/index.js';
import { InputError } from '../../errors.js';
import { parseTaxRate } from '../../pricing/index.js';
import { parseFaultSpec, parseLatency, parseQueueLimit, parseRateLimit, startSandbox, type RunningSandbox } from '../../targets/advanced-billing/sandbox/index.js';
import { startChartMogulSandbox } from '../../targets/chartmogul/sandbox/index.js';
import { logToStderr } from '../session/sites.js';

export interface SandboxCommandOptions {
  /** advanced-billing (default) or chartmogul. */
  system?: string;
  /** chartmogul only: the processing delay in ms. */
  processingDelay?: string;
  port: string;
  host: string;
  dataDir?: string;
  mode: string;
  timeZone: string;
  apiKey?: string;
  latency?: string;
  faults?: string;
  /** The instant the site's clock starts at (a date or date-time); absent: the system clock. */
  now?: string;
  strict?: boolean;
  /** `8%`, `0.08`, or with rates by state: `8%,CA=7.25%`. */
  taxRate?: string;
  /** Requests that may wait before 429 (default 16). */
  queueLimit?: string;
  /** `10` or `10:20`: requests a second past which requests are slowed, and the burst. */
  rateLimit?: string;
}

export async function run(options: SandboxCommandOptions): Promise<void> {
  const port = Number(options.port);
  if (!/^\d+$/.test(options.port) || port > 65535) {
    throw new InputError('bad-port', `--port must be a number from 0 to 65535, got '${options.port}'`);
  }
  if (!isValidTimeZone(options.timeZone)) {
    throw new InputError('bad-time-zone', `--time-zone must be an IANA time zone name, got '${options.timeZone}'`, { hint: 'For example UTC, Europe/Berlin or America/New_York.' });
  }
  const system = options.system ?? 'advanced-billing';
  if (system === 'chartmogul') return runChartMogul(options, port);
  if (system !== 'advanced-billing') {
    throw new InputError('bad-system', `--system must be advanced-billing or chartmogul, got '${system}'`);
  }
  if (options.mode !== 'test' && options.mode !== 'live') {
    throw new InputError('bad-mode', `--mode must be test or live, got '${options.mode}'`);
  }
  const latency = options.latency === undefined ? undefined : parseLatency(options.latency);
  const faults = options.faults === undefined ? undefined : parseFaultSpec(options.faults);
  const now = options.now === undefined || options.now.trim() === '' ? systemClock : clockStartingAt(parseClockStart(options.now, '--now'));
  const tax = options.taxRate === undefined ? {} : parseTaxRates(options.taxRate);
  const queueLimit = parseQueueLimit(options.queueLimit ?? '16');
  const rateLimit = options.rateLimit === undefined ? undefined : parseRateLimit(options.rateLimit);

  const sandbox: RunningSandbox = await listening(options, () =>
    startSandbox({
      port,
      host: options.host,
      dataDir: options.dataDir,
      mode: options.mode as 'test' | 'live',
      timeZone: options.timeZone,
      apiKey: options.apiKey === '' ? undefined : options.apiKey,
      latency,
      faults,
      now,
      ...(options.strict === undefined ? {} : { strict: options.strict }),
      ...tax,
      queueLimit,
      ...(rateLimit === undefined ? {} : { rateLimit }),
      log: logToStderr,
    }),
  );

  const where = options.dataDir === undefined ? 'state in memory' : `data in ${options.dataDir}`;
  const auth = options.apiKey ? ', API key required' : '';
  const clock = now === systemClock ? '' : `, clock at ${now().toISOString()}`;
  const strict = sandbox.strict ? ', strict' : '';
  const taxed = options.taxRate === undefined ? '' : `, tax ${options.taxRate}`;
  const paced = rateLimit === undefined ? '' : `, rate limit ${rateLimit.perSecond}/s burst ${rateLimit.burst}`;
  process.stdout.write(`Sandbox listening on ${sandbox.baseUrl} (mode ${options.mode}, ${where}${auth}${strict}${taxed}${paced}${clock})\n`);
  await untilStopped();
  await sandbox.close();
  process.stderr.write('Sandbox stopped.\n');
}

/** `--system chartmogul`: the ChartMogul emulator; the Advanced Billing sandbox's fault flags do not apply. */
async function runChartMogul(options: SandboxCommandOptions, port: number): Promise<void> {
  for (const [flag, value] of [['--latency', options.latency], ['--faults', options.faults], ['--strict', options.strict], ['--tax-rate', options.taxRate], ['--rate-limit', options.rateLimit], ['--queue-limit', options.queueLimit]] as const) {
    if (value !== undefined) throw new InputError('bad-flag-for-system', `${flag} is for the Advanced Billing sandbox; the ChartMogul emulator does not take it`, { hint: 'Leave it out, or drop --system chartmogul.' });
  }
  const delay = options.processingDelay ?? '0';
  if (!/^\d+$/.test(delay)) throw new InputError('bad-processing-delay', `--processing-delay must be a number of milliseconds, got '${delay}'`);
  const now = options.now === undefined || options.now.trim() === '' ? systemClock : clockStartingAt(parseClockStart(options.now, '--now'));
  const sandbox = await listening(options, () =>
    startChartMogulSandbox({
      port,
      host: options.host,
      dataDir: options.dataDir,
      apiKey: options.apiKey === '' ? undefined : options.apiKey,
      processingDelayMs: Number(delay),
      timeZone: options.timeZone,
      now,
      log: logToStderr,
    }),
  );
  const where = options.dataDir === undefined ? 'state in memory' : `data in ${options.dataDir}`;
  const auth = options.apiKey ? ', API key required' : '';
  process.stdout.write(`ChartMogul emulator listening on ${sandbox.baseUrl} (${where}${auth}, processing delay ${delay} ms)\n`);
  await untilStopped();
  await sandbox.close();
  process.stderr.write('Sandbox stopped.\n');
}

/** `--tax-rate 8%,CA=7.25%`: the site's rate and rates by state, each checked (exit 2 naming the one refused). */
function parseTaxRates(text: string): { taxRate?: string; taxRates?: Record<string, string> } {
  let taxRate: string | undefined;
  const taxRates: Record<string, string> = {};
  for (const entry of text.split(',')) {
    const [state, rate] = entry.includes('=') ? entry.split('=', 2).map((part) => part.trim()) : [undefined, entry.trim()];
    const badState = state !== undefined && !/^[A-Za-z]{2,3}$/.test(state);
    if (badState || rate === undefined || parseTaxRate(rate) === undefined) {
      throw new InputError('bad-tax-rate', `--tax-rate must be a percentage (8%) or a fraction (0.08) from 0 to 100%, optionally per state (CA=7.25%), got '${entry.trim()}'`, {
        hint: 'For example --tax-rate 8% or --tax-rate 8%,CA=7.25%.',
      });
    }
    if (state === undefined) taxRate = rate;
    else taxRates[state.toUpperCase()] = rate;
  }
  return { ...(taxRate === undefined ? {} : { taxRate }), ...(Object.keys(taxRates).length === 0 ? {} : { taxRates }) };
}

/** Starts a server, turning "cannot listen" into a one-line error naming the address. */
async function listening<T>(options: SandboxCommandOptions, start: () => Promise<T>): Promise<T> {
  try {
    return await start();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE' || code === 'EACCES' || code === 'EADDRNOTAVAIL') {
      throw new InputError('sandbox-listen', `cannot listen on ${options.host}:${options.port} (${code})`, {
        hint: 'Pick another --port (0 picks a free one) or --host.',
        cause: error,
      });
    }
    throw error;
  }
}

/** Resolves on SIGINT or SIGTERM. */
function untilStopped(): Promise<void> {
  return new Promise<void>((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
