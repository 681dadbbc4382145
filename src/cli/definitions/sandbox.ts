// `migrate sandbox`: flags and help. Runs nothing: the parsed options go to `handle`.
import type { Command } from 'commander';
import type { CommandHandler } from '../parse-cli.js';

export function defineSandbox(program: Command, handle: CommandHandler): void {
  program
    .command('sandbox')
    .description('Run a local, stateful Advanced Billing site (the subset of the API the toolkit uses), or with --system chartmogul a ChartMogul emulator, and print its base URL.')
    .option('--system <system>', 'which API to serve: advanced-billing or chartmogul (docs/sandbox-chartmogul.md)', 'advanced-billing')
    .option('--processing-delay <n>', 'chartmogul only: how many milliseconds a data source takes to process an import before its subscriptions and MRR show', '0')
    .option('--port <n>', 'port to listen on (0: any free port)', '3200')
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option('--data-dir <dir>', 'keep the state in this folder (crash-safe, survives restarts); default: in memory')
    .option('--mode <mode>', 'test (purge and clear-data allowed) or live (refused with 403)', 'test')
    .option('--time-zone <zone>', "the site's time zone, an IANA name: bare billing dates are noon there", 'UTC')
    .option('--api-key <key>', 'require HTTP Basic auth with this API key (default: the MIGRATE_SANDBOX_API_KEY variable, else no auth)')
    .option('--latency <ms[:jitter]>', 'add this delay to every request, e.g. 50 or 50:20')
    .option('--now <date>', 'start the site\'s clock at this date (YYYY-MM-DD, read as noon UTC) or date-time, e.g. to rehearse a later import (default: the MIGRATE_NOW variable, else the system clock)')
    .option('--strict', "refuse (422) request body fields the operation's request schema in the API spec lacks; default: answer them with an X-Sandbox-Warning header and a log line (or MIGRATE_SANDBOX_STRICT=1)")
    .option('--tax-rate <rates>', 'tax renewal previews at this flat rate, a percentage (8%) or a fraction (0.08), and per customer state: 8%,CA=7.25% (default: taxes uncalculated)')
    .option('--queue-limit <n>', 'requests that may wait (for one of the 4 slots, or slowed by --rate-limit) before the site answers 429 (default 16)')
    .option('--rate-limit <rate[:burst]>', 'slow requests past this many a second (bursts of burst pass at once) instead of refusing them, as a real site throttles, e.g. 10 or 10:20 (default: no rate limit)')
    .option('--faults <spec>', 'inject faults, e.g. error-rate=0.1,429-rate=0.05,drop-after-commit=0.1,stall-after-commit=0.05,stall-ms=3000')
    .addHelpText(
      'after',
      `
Examples:
  $ migrate sandbox --port 3200 --data-dir .migrate/sandbox
  $ migrate sandbox --port 0 --mode live --api-key test-key
  $ migrate sandbox --data-dir .migrate/sandbox --time-zone America/New_York
  $ migrate sandbox --latency 40:10 --faults error-rate=0.05,drop-after-commit=0.02
  $ migrate sandbox --latency 25 --rate-limit 10:20 --queue-limit 8
  $ migrate sandbox --strict
  $ migrate sandbox --tax-rate 8%,CA=7.25%
  $ migrate sandbox --system chartmogul --port 3300 --data-dir .migrate/chartmogul

Point a site at it with { "baseUrl": "http://127.0.0.1:3200" } in .migraterc. Stop it with Ctrl-C.
What it implements and what it does not: docs/sandbox.md.`,
    )
    .action((options: Record<string, string | boolean | undefined>) => {
      const text = (name: string): string | undefined => (typeof options[name] === 'string' ? (options[name] as string) : undefined);
      handle({ command: 'sandbox', paths: [], options: {
        system: text('system') ?? 'advanced-billing',
        processingDelay: text('processingDelay') ?? '0',
        port: text('port') ?? '3200',
        host: text('host') ?? '127.0.0.1',
        dataDir: text('dataDir'),
        mode: text('mode') ?? 'test',
        timeZone: text('timeZone') ?? 'UTC',
        apiKey: text('apiKey') ?? process.env.MIGRATE_SANDBOX_API_KEY,
        latency: text('latency'),
        faults: text('faults'),
        taxRate: text('taxRate'),
        queueLimit: text('queueLimit'),
        rateLimit: text('rateLimit'),
        now: text('now') ?? process.env.MIGRATE_NOW,
        // Absent: startSandbox's default (MIGRATE_SANDBOX_STRICT).
        ...(options.strict === true ? { strict: true } : {}),
      } });
    });
}
